import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type EventRecord,
  ratioInterval,
  relationScoreInterval,
  relations,
} from "../../src/measure/relations.ts";
import { mulberry32 } from "../../src/network/random.ts";

/** A dyad with `perYear` events a year over `years`, Goldstein weights drawn from a seeded PRNG. */
function dyad(years: number[], perYear: number, seed: number): EventRecord[] {
  const rand = mulberry32(seed);
  const out: EventRecord[] = [];
  for (const y of years)
    for (let i = 0; i < perYear; i++) {
      const m = 1 + Math.floor(rand() * 12);
      const d = 1 + Math.floor(rand() * 28);
      out.push({
        date: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        source: rand() < 0.5 ? "AAA" : "BBB",
        target: "",
        cameoRoot: "04",
        // Mostly cooperative with conflict now and then: a skewed, realistic mix.
        goldstein: rand() < 0.8 ? Math.round(rand() * 70) / 10 : -Math.round(rand() * 100) / 10,
        evidence: "x",
      });
    }
  for (const r of out) r.target = r.source === "AAA" ? "BBB" : "AAA";
  return out;
}

test("relations() rows carry a score interval that agrees with the simulated bootstrap of relationScoreInterval", () => {
  const recs = dyad([2019, 2020, 2021], 120, 3);
  const rel = relations(recs, { a: "AAA", b: "BBB", by: "year", from: "2019", to: "2021" });
  for (const row of rel.rows) {
    assert.equal(row.scoreStatus, "data");
    assert.ok(row.scoreInterval && row.score !== null);
    const at = Date.UTC(Number(row.period) + 1, 0, 1);
    const sim = relationScoreInterval(recs, "AAA", "BBB", at, 365, { draws: 4000, seed: 11 });
    assert.ok(sim.interval);
    // Same point estimate; the normal approximation and the percentile bootstrap agree to a
    // tenth of the interval's width at this sample size (360 events).
    assert.ok(Math.abs((sim.score as number) - row.score) < 1e-12);
    const width = sim.interval[1] - sim.interval[0];
    assert.ok(width > 0);
    assert.ok(Math.abs(row.scoreInterval[0] - sim.interval[0]) < 0.1 * width, `${row.period} lo`);
    assert.ok(Math.abs(row.scoreInterval[1] - sim.interval[1]) < 0.1 * width, `${row.period} hi`);
    assert.ok(row.scoreInterval[0] <= row.score && row.score <= row.scoreInterval[1]);
  }
});

test("ratioInterval() is exactly the delta-method formula, independent of the events' order and zero for identical events", () => {
  // Two strata computed by hand: year 1 x = (1, 3), y = (1, 1); year 2 x = (2, 2, 5), y = (1, 2, 1).
  const strata = [
    { n: 2, sx: 4, sy: 2, sxx: 10, syy: 2, sxy: 4 },
    { n: 3, sx: 9, sy: 4, sxx: 33, syy: 6, sxy: 11 },
  ];
  const num = 13;
  const den = 6;
  const prior = 1;
  // n·var and n·cov per stratum: year 1 vN = 10 − 2·4 = 2, vD = 0, c = 4 − 2·2·1 = 0;
  // year 2 vN = 33 − 3·9 = 6, vD = 6 − 3·(4/3)² = 2/3, c = 11 − 3·3·(4/3) = −1.
  const r = num / (den + prior);
  const sd = Math.sqrt(8 - 2 * r * -1 + r * r * (2 / 3)) / (10 * (den + prior));
  const got = ratioInterval(num, den, prior, strata);
  assert.ok(got);
  assert.ok(Math.abs(got[0] - (r / 10 - 1.6448536269514722 * sd)) < 1e-12);
  assert.ok(Math.abs(got[1] - (r / 10 + 1.6448536269514722 * sd)) < 1e-12);
  const same = ratioInterval(6, 2, 0, [{ n: 2, sx: 6, sy: 2, sxx: 18, syy: 2, sxy: 6 }]);
  assert.deepEqual(same, [0.3, 0.3]);
});

test("a period whose score only echoes old events has no interval", () => {
  const recs = dyad([2015], 20, 5);
  const rel = relations(recs, { a: "AAA", b: "BBB", by: "year", from: "2015", to: "2018" });
  const late = rel.rows.find((r) => r.period === "2018");
  assert.equal(late?.scoreStatus, "no data");
  assert.equal(late?.scoreInterval, null);
});
