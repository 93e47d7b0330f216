import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import {
  type EventRecord,
  eventRecordsFromScenario,
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
