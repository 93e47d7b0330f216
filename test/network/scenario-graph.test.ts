import assert from "node:assert/strict";
import { test } from "node:test";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { scenarioGraph } from "../../src/network/scenario-graph.ts";

const s = loadScenario("test/data/scenarios/net-fixture");
const edgesAt = (at: string, options = {}) =>
  Object.fromEntries(
    scenarioGraph(s, at, options).evidence.map((e) => [
      `${e.source}-${e.target}`,
      Math.round(e.sign * e.weight * 1e6) / 1e6,
    ]),
  );

test("scenarioGraph at 2015-06-01 follows the documented rule (values worked out by hand)", () => {
  assert.deepEqual(edgesAt("2015-06-01"), {
    // Active rivalry overrides the formal alliance: negative, weight |−1 + 0|.
    "ARM-AZE": -1,
    // Alliance 1 + same-day summit 4/10.
    "AZE-TUR": 1.4,
    "AZE-ISR": 0.5,
    "IRN-ISR": -1,
    // Partnership 0.3 − diplomatic downgrade 1 (not a rivalry, so no override).
    "AZE-IRN": -0.7,
    "GEO-RUS": -1,
    // Summit without initiator: every pair of its actors.
    "GEO-TUR": 0.4,
    "AZE-GEO": 0.4,
    // The 2010 AZE–RUS contact (0.05 × 2^−5.4) is below the 0.1 threshold: no edge.
  });
});

test("scenarioGraph decays events by their age and drops ties outside their dates", () => {
  const e = edgesAt("2022-06-01");
  // Rivalry ended 2020; talks on 2021-06-01 (+5) are one year old: 0.5 × 2^−1 (365 days / 365.25).
  const age = 365 / 365.25;
  assert.ok(Math.abs(e["ARM-AZE"] - 0.5 * 2 ** -age) < 1e-6);
  assert.equal(e["AZE-IRN"], 0.3);
  // Summit of 2015 is 7 years old: 0.4 × 2^−7 ≈ 0.003 < 0.1, so GEO–TUR has no edge.
  assert.equal(e["GEO-TUR"], undefined);
  // A longer half-life keeps it.
  assert.ok(edgesAt("2022-06-01", { halfLifeYears: 10 })["GEO-TUR"] > 0.1);
});
