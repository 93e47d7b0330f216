import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../../src/data/scenario-registry.ts";
import { comparePeriods, yearRanges } from "../../src/measure/compare-periods.ts";
import { scorecard } from "../../src/measure/scorecard.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const scenario = loadScenario(FIXTURE);

test("comparePeriods() uses exactly the inputs with status 'data' in every year of both periods and recomputes the score on them", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2019, { draws: 100 });
  const before: [number, number] = [2015, 2016];
  const after: [number, number] = [2019, 2019];
  const cmp = comparePeriods(card, { before, after });
  assert.deepEqual(cmp.before, { from: 2015, to: 2016 });
  assert.equal(cmp.rows.length, 3 * 5);
  const years = [2015, 2016, 2019];
  for (const r of cmp.rows.filter((x) => x.pillar !== "overall")) {
    const cells = years.map(
      (y) => card.cells.find((c) => c.year === y && c.level === r.level && c.pillar === r.pillar)!,
    );
    // Brute force: the keys with data in all three years.
    const keys = cells[0].inputs.filter((i) => i.weight > 0).map((i) => i.key);
    const want = keys.filter((k) =>
      cells.every((c) => c.inputs.find((i) => i.key === k)?.status === "data"),
    );
    assert.deepEqual(r.used, want, `${r.level} ${r.pillar}`);
    assert.deepEqual(
      r.dropped.map((d) => d.key),
      keys.filter((k) => !want.includes(k)),
    );
    if (r.status === "data") {
      const score = (y: number) => {
        const c = cells[years.indexOf(y)];
        const vs = want.map((k) => c.inputs.find((i) => i.key === k)!.value!);
        return (100 * vs.reduce((a, b) => a + b, 0)) / vs.length;
      };
      const b = (score(2015) + score(2016)) / 2;
      const a = score(2019);
      assert.ok(Math.abs(r.before! - b) < 1e-9);
      assert.ok(Math.abs(r.after! - a) < 1e-9);
      assert.ok(Math.abs(r.delta! - (a - b)) < 1e-9);
      assert.match(r.answer, /on the same inputs in both periods/);
    } else {
      assert.equal(r.delta, null);
      assert.match(r.answer, /not measurable/);
    }
  }
  // Multilateralism at the neighbourhood is measured in all three years (memberships, the
  // declared rivalries, hosting per event: 0/4 in 2015, 0/1 in 2016, 1/1 in 2019).
  const m = cmp.rows.find((x) => x.level === "neighbourhood" && x.pillar === "multilateralism")!;
  assert.equal(m.status, "data");
  assert.deepEqual(m.used, [
    "multilateralism.coMembership",
    "multilateralism.bridging",
    "multilateralism.hosting",
  ]);
  // Resampling within a year that has one event cannot change its rate: a point interval.
  assert.ok(m.interval);
  assert.ok(Math.abs(m.interval[0] - m.delta!) < 1e-9 && Math.abs(m.interval[1] - m.delta!) < 1e-9);
  assert.match(m.answer, /^multilateralism \(neighbourhood\), 2015–2016 vs 2019–2019: rose from/);
});

test("'did Azerbaijan's leverage rise after 2020?' reads 'not measurable' naming the inputs that end in 2020", async () => {
  const az = loadScenario(resolveScenarioDir("azerbaijan"));
  const card = await scorecard(undefined, az, "AZE", 2011, 2024, {
    draws: 0,
    compare: { before: [2011, 2019], after: [2021, 2024] },
  });
  const rows = card.comparison!.rows.filter((r) => r.pillar === "leverage");
  assert.equal(rows.length, 3);
  for (const r of rows) {
    assert.equal(r.status, "not testable");
    assert.equal(r.delta, null);
    assert.equal(r.interval, null);
    const reach = r.dropped.find((d) => d.key === "leverage.exportReach");
    // Independent check: the last year with a reporter total and ≥ 90% of it named is 2020.
    assert.match(reach?.reason ?? "", /^ends in 2020/);
    assert.match(r.answer, /not measurable: .*leverage\.exportReach ends in 2020/);
  }
  const overall = card.comparison!.rows.filter((r) => r.pillar === "overall");
  for (const r of overall) assert.equal(r.status, "not testable");
});

test("comparePeriods() rejects periods outside the card or reversed", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2016, { draws: 0 });
  assert.throws(
    () => comparePeriods(card, { before: [2014, 2015], after: [2016, 2016] }),
    /outside/,
  );
  assert.throws(
    () => comparePeriods(card, { before: [2016, 2015], after: [2016, 2016] }),
    /first year/,
  );
});

test("yearRanges() compresses runs of years", () => {
  assert.equal(yearRanges([2011, 2012, 2013, 2015, 2017, 2018]), "2011–2013, 2015, 2017–2018");
  assert.equal(yearRanges([]), "");
});

test("parseComparePeriods() reads BEFORE:AFTER and names the bad part", async () => {
  const { parseComparePeriods } = await import("../../src/measure/compare-periods.ts");
  assert.deepEqual(parseComparePeriods("2011-2019:2021-2024"), {
    before: [2011, 2019],
    after: [2021, 2024],
  });
  assert.deepEqual(parseComparePeriods("2019:2021"), { before: [2019, 2019], after: [2021, 2021] });
  assert.throws(() => parseComparePeriods("2011-2019"), /BEFORE:AFTER/);
  assert.throws(() => parseComparePeriods("2011-2019:20x1"), /after "20x1"/);
  assert.throws(() => parseComparePeriods("2019-2011:2021"), /before .* ends before it starts/);
});

test("the delta's interval resamples each period's years: it lies within the brute-force range of resampled means (AZE autonomy, flows only)", async () => {
  const az = loadScenario(resolveScenarioDir("azerbaijan"));
  const card = await scorecard(undefined, az, "AZE", 2011, 2020, {
    draws: 0,
    compare: { before: [2011, 2012], after: [2019, 2020] },
  });
  const row = card.comparison!.rows.find((r) => r.level === "systemic" && r.pillar === "autonomy")!;
  assert.equal(row.status, "data");
  const score = (y: number) => {
    const c = card.cells.find(
      (x) => x.year === y && x.level === "systemic" && x.pillar === "autonomy",
    )!;
    const vs = row.used.map((k) => c.inputs.find((i) => i.key === k)!.value!);
    return (100 * vs.reduce((a, b) => a + b, 0)) / vs.length;
  };
  // Every resample of a two-year period has mean s_a, (s_a + s_b)/2 or s_b.
  const means = (a: number, b: number) => [score(a), (score(a) + score(b)) / 2, score(b)];
  const deltas = means(2019, 2020).flatMap((x) => means(2011, 2012).map((y) => x - y));
  assert.ok(row.interval);
  assert.ok(row.interval[0] >= Math.min(...deltas) - 1e-9);
  assert.ok(row.interval[1] <= Math.max(...deltas) + 1e-9);
  assert.ok(row.interval[1] - row.interval[0] > 0);
  assert.ok(
    Math.abs(row.delta! - ((score(2019) + score(2020)) / 2 - (score(2011) + score(2012)) / 2)) <
      1e-9,
  );
});
