import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { hedging, rivalPolePairs } from "../../src/measure/hedging.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const s = loadScenario(FIXTURE);

test("rivalPolePairs() keeps rivalries between poles active in the year", () => {
  assert.deepEqual(rivalPolePairs(s, 2015), [{ a: "West", b: "Russia" }]);
  assert.deepEqual(rivalPolePairs(s, 2018), [
    { a: "West", b: "Russia" },
    { a: "West", b: "China" },
  ]);
});

test("hedging(): equidistance, co-engagement and multivector entropy from pole shares (hand-worked, GEO 2015 exports)", async () => {
  const [r] = await hedging(undefined, s, "GEO", 2015, 2015);
  const e = r.domains.economic!;
  // Exports 2015: West (USA 40 + DEU 30) 0.7, Russia 0.1 (Turkey is in no pole).
  assert.deepEqual(e.weights, { West: 0.7, Russia: 0.1 });
  // Economic averages exports and imports; 2015 has exports only, so the domain is partial and
  // its figure is kept beside the value (issue 12), not in it.
  assert.equal(e.status, "partial");
  assert.equal(e.equidistance, null);
  assert.ok(Math.abs(e.partialEquidistance! - 0.4) < 1e-12);
  assert.ok(Math.abs(e.coEngagement! - 0.1 / 0.7) < 1e-12);
  const p = [0.875, 0.125];
  const h = -p.reduce((a, x) => a + x * Math.log(x), 0) / Math.log(2);
  assert.ok(Math.abs(e.entropy! - h) < 1e-12);
  assert.equal(
    r.domains.security,
    undefined,
    "no arms data in 2015: the domain is absent, not zero",
  );
  assert.equal(r.combined.domains, 0); // domains with data
  // The combined index is over all four domains: with one of them it is partial, and its
  // figure sits in `partial`, never in the value (issue 12: no silent change of composition).
  assert.equal(r.combined.status, "partial");
  assert.equal(r.combined.equidistance, null);
  assert.equal(r.combined.partial?.equidistance, e.partialEquidistance);
  // With imports of the same shares (and a reporter total), economic and a composite of it alone
  // are data, with the same hand-worked 0.4.
  const imports = [
    ["WORLD", 100],
    ["USA", 40],
    ["DEU", 30],
    ["TUR", 20],
    ["RUS", 10],
  ].map(([from, value]) => ({
    ...s.flows[0],
    year: 2015,
    domain: "trade-import" as const,
    from: from as string,
    to: "GEO",
    value: value as number,
  }));
  const [only] = await hedging(
    undefined,
    { ...s, flows: [...s.flows, ...imports] },
    "GEO",
    2015,
    2015,
    {
      domains: ["economic"],
    },
  );
  assert.equal(only.domains.economic?.status, "data");
  assert.equal(only.combined.status, "data");
  assert.ok(Math.abs(only.combined.equidistance! - 0.4) < 1e-12);
});

test("hedging(): a rival pair with no tie to either pole has no equidistance; no such pair left is 'no data'", async () => {
  // Arms 2023 (declared complete): TUR 60%, ISR 40%; neither is in the West, Russia or China poles.
  const [r] = await hedging(undefined, s, "GEO", 2023, 2023);
  const sec = r.domains.security!;
  assert.ok(sec.pairs.length > 0);
  for (const p of sec.pairs) {
    assert.equal(p.wa, 0);
    assert.equal(p.wb, 0);
    assert.equal(p.equidistance, null);
  }
  assert.equal(sec.status, "no data");
  assert.equal(sec.equidistance, null);
  // Without rival pairs at all, no domain has data either.
  const [none] = await hedging(undefined, { ...s, rivalries: [] }, "GEO", 2015, 2015);
  assert.equal(none.domains.economic?.status, "no data");
  assert.equal(none.combined.status, "no data");
});
