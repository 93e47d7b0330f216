import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import {
  type EventRecord,
  eventRecordsFromScenario,
  relationScoreAt,
  relationScoreInterval,
  relations,
} from "../../src/measure/relations.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const scenario = loadScenario(FIXTURE);
const records = eventRecordsFromScenario(scenario.events, "scenario:measures");
const close = (a: number | null, b: number, eps = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test("scenario events become directed records; joint acts link every pair once, marked mutual", () => {
  const e6 = records.filter((r) => r.id === "e6");
  assert.deepEqual(
    e6.map((r) => `${r.source}>${r.target}`),
    ["GEO>ARM", "GEO>AZE"],
  );
  const e2 = records.filter((r) => r.id === "e2");
  assert.equal(e2.length, 1);
  assert.equal(e2[0].mutual, true);
});

test("relations() by year: Goldstein sums and means, quad counts, net cooperation (hand-worked)", () => {
  const r = relations(records, { a: "GEO", b: "RUS", by: "year" });
  assert.equal(r.quadScheme, "gdelt");
  assert.match(r.goldsteinTable, /Goldstein/);
  assert.deepEqual(
    r.rows.map((x) => [x.period, x.n, x.goldsteinSum, x.goldsteinMean]),
    [
      ["2015", 3, -7 + 1 + 8, 2 / 3],
      ["2016", 1, -8, -8],
    ],
  );
  // 2015: 04 consult and 05 diplomatic cooperation are verbal cooperation, 13 threaten verbal conflict.
  assert.deepEqual(r.rows[0].quad, {
    verbalCooperation: 2,
    materialCooperation: 0,
    verbalConflict: 1,
    materialConflict: 0,
  });
  close(r.rows[0].netCooperation, 1 / 3);
  assert.equal(r.rows[1].quad.materialConflict, 1);
  assert.equal(r.rows[1].netCooperation, -1);
  assert.equal(r.rows[0].nAB, 2); // GEO→RUS e3 and the mutual e2
  assert.equal(r.rows[0].nBA, 2); // RUS→GEO e1 and the mutual e2
});

test("relations() by month: empty months have nulls (not zeros), year-dated events are reported as coarser", () => {
  const r = relations(records, { a: "GEO", b: "RUS", by: "month", halfLifeDays: 30 });
  assert.deepEqual(
    r.rows.map((x) => x.period),
    ["2015-01", "2015-02", "2015-03"],
  );
  const [jan, feb, mar] = r.rows;
  assert.equal(jan.n, 2);
  assert.equal(jan.goldsteinSum, -6);
  assert.equal(feb.n, 0);
  assert.equal(feb.goldsteinSum, null);
  assert.equal(feb.goldsteinMean, null);
  assert.equal(feb.netCooperation, null);
  assert.equal(mar.goldsteinSum, 8);
  assert.deepEqual(r.coarser, [{ evidence: "scenario:measures", n: 1 }]);
  // Decayed score at the end of January (1 Feb), half-life 30 days, prior 1:
  const w1 = 2 ** -(22 / 30); // 10 Jan
  const w2 = 2 ** -(12 / 30); // 20 Jan
  close(jan.score, (w1 * -7 + w2 * 1) / (10 * (w1 + w2 + 1)));
  // With no new event the score fades towards 0 (the prior keeps its weight).
  const v1 = w1 * 2 ** -(28 / 30); // February 2015 has 28 days
  const v2 = w2 * 2 ** -(28 / 30);
  close(feb.score, (v1 * -7 + v2 * 1) / (10 * (v1 + v2 + 1)));
  assert.ok(Math.abs(feb.score!) < Math.abs(jan.score!));
  // The month-dated 8.0 event sits mid-March (16 March 12:00 is the midpoint of 1 Mar–1 Apr).
  const mid = 15.5;
  const u1 = 2 ** -((22 + 28 + 31) / 30);
  const u2 = 2 ** -((12 + 28 + 31) / 30);
  const u3 = 2 ** -(mid / 30);
  close(mar.score, (u1 * -7 + u2 * 1 + u3 * 8) / (10 * (u1 + u2 + u3 + 1)));
});

test("the decayed score stays within [−1, 1] and each evidence source gets its own rows", () => {
  const extra: EventRecord[] = Array.from({ length: 200 }, (_, i) => ({
    date: `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`,
    source: i % 2 ? "GEO" : "RUS",
    target: i % 2 ? "RUS" : "GEO",
    cameoRoot: "19",
    goldstein: -10,
    evidence: "imported:test",
  }));
  const r = relations([...records, ...extra], { a: "RUS", b: "GEO", by: "year", halfLifeDays: 5 });
  const ev = new Set(r.rows.map((x) => x.evidence));
  assert.deepEqual([...ev].sort(), ["imported:test", "scenario:measures"]);
  for (const x of r.rows)
    if (x.score !== null) assert.ok(x.score >= -1 && x.score <= 1, String(x.score));
  const cameo = relations(records, { a: "GEO", b: "RUS", by: "year", goldstein: "cameo-root" });
  // Root weights: 13 → −6, 04 → 1, 05 → 3.5.
  assert.equal(cameo.rows[0].goldsteinSum, -6 + 1 + 3.5);
  assert.throws(() => relations(records, { a: "GEO", b: "RUS", by: "year", halfLifeDays: 0 }));
});

test("relationScoreAt() is 'no data' when no event falls within one half-life before the instant", () => {
  const ev = (date: string, g: number): EventRecord => ({
    date,
    source: "AAA",
    target: "BBB",
    cameoRoot: "04",
    goldstein: g,
    evidence: "test",
  });
  const t = Date.UTC(2020, 0, 1);
  // 2018-12-01 is 396 days before 2020-01-01: outside a 365-day window, inside a 400-day one.
  const old = relationScoreAt([ev("2018-12-01", 5)], "AAA", "BBB", t, 365);
  assert.equal(old.status, "no data");
  assert.equal(old.inWindow, 0);
  assert.ok(old.score !== null && old.score > 0); // the decayed echo is still reported as score
  assert.equal(relationScoreAt([ev("2018-12-01", 5)], "AAA", "BBB", t, 400).status, "data");
  const fresh = relationScoreAt([ev("2018-12-01", 5), ev("2019-06-01", -2)], "BBB", "AAA", t, 365);
  assert.equal(fresh.status, "data");
  assert.equal(fresh.inWindow, 1);
  // relations() rows carry the same rule per period.
  const rows = relations([ev("2016-05-01", 3), ev("2018-02-01", 3)], {
    a: "AAA",
    b: "BBB",
    by: "year",
  }).rows;
  assert.deepEqual(
    rows.map((r) => [r.period, r.scoreStatus]),
    [
      ["2016", "data"],
      ["2017", "no data"],
      ["2018", "data"],
    ],
  );
});

test("relationScoreInterval() brackets the exact bootstrap distribution of two events (brute force) and is reproducible", () => {
  const DAY = 86_400_000;
  const t = Date.UTC(2021, 0, 1);
  const recs: EventRecord[] = [
    {
      date: "2020-03-01",
      source: "AAA",
      target: "BBB",
      cameoRoot: "05",
      goldstein: 6,
      evidence: "x",
    },
    {
      date: "2020-10-01",
      source: "BBB",
      target: "AAA",
      cameoRoot: "19",
      goldstein: -9,
      evidence: "x",
    },
  ];
  // Independent computation: within 2020, draws of 2 from 2 give {A,A}, {A,B}, {B,B} with
  // probabilities 1/4, 1/2, 1/4; every one has probability ≥ 5%, so a 90% percentile interval
  // runs from the smallest to the largest of the three scores.
  const w = (d: string) =>
    2 ** (-(t - Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, 1)) / DAY / 365);
  const [wa, wb] = [w("2020-03-01"), w("2020-10-01")];
  const s = (ca: number, cb: number) =>
    (ca * wa * 6 + cb * wb * -9) / (10 * (ca * wa + cb * wb + 1));
  const exact = [s(2, 0), s(1, 1), s(0, 2)];
  const r = relationScoreInterval(recs, "AAA", "BBB", t, 365, { draws: 2000, seed: 7 });
  assert.equal(r.status, "data");
  assert.equal(r.n, 2);
  close(r.score, s(1, 1), 1e-12);
  assert.ok(r.interval);
  close(r.interval[0], Math.min(...exact), 1e-12);
  close(r.interval[1], Math.max(...exact), 1e-12);
  assert.deepEqual(relationScoreInterval(recs, "AAA", "BBB", t, 365, { draws: 2000, seed: 7 }), r);
  // No event in the window: no data, no interval.
  const none = relationScoreInterval(recs, "AAA", "BBB", Date.UTC(2023, 0, 1), 365);
  assert.equal(none.status, "no data");
  assert.equal(none.interval, null);
  assert.throws(() => relationScoreInterval(recs, "AAA", "BBB", t, 365, { level: 1.2 }), /level/);
});
