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
  assert.ok(Math.abs(e.equidistance! - 0.4) < 1e-12);
  assert.ok(Math.abs(e.coEngagement! - 0.1 / 0.7) < 1e-12);
  const p = [0.875, 0.125];
  const h = -p.reduce((a, x) => a + x * Math.log(x), 0) / Math.log(2);
  assert.ok(Math.abs(e.entropy! - h) < 1e-12);
  assert.equal(
    r.domains.security,
    undefined,
    "no arms data in 2015: the domain is absent, not zero",
  );
  assert.equal(r.combined.domains, 1);
  assert.equal(r.combined.equidistance, e.equidistance);
});
