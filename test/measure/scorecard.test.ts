import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { scorecard } from "../../src/measure/scorecard.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const scenario = loadScenario(FIXTURE);

test("every scorecard cell is 100 × the weighted mean of its inputs with data, with their weight share as coverage", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2016);
  assert.equal(card.cells.length, 2 * 3 * 4);
  for (const c of card.cells) {
    const have = c.inputs.filter((i) => i.value !== null && i.weight > 0);
    const all = c.inputs.filter((i) => i.weight > 0);
    for (const i of c.inputs) {
      if (i.value !== null) assert.ok(i.value >= 0 && i.value <= 1, `${i.key} ${i.value}`);
      assert.ok(i.source.length > 0);
    }
    if (have.length === 0) assert.equal(c.score, null);
    else {
      const W = have.reduce((a, i) => a + i.weight, 0);
      const expected = (100 * have.reduce((a, i) => a + i.weight * i.value!, 0)) / W;
      assert.ok(Math.abs(c.score! - expected) < 1e-9);
    }
    assert.ok(
      Math.abs(
        c.coverage - have.reduce((a, i) => a + i.weight, 0) / all.reduce((a, i) => a + i.weight, 0),
      ) < 1e-12,
    );
  }
});

test("scorecard inputs are worked out from the scenario (GEO 2015, neighbourhood)", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2015);
  const cell = (pillar: string) =>
    card.cells.find((c) => c.level === "neighbourhood" && c.pillar === pillar)!;
  const input = (pillar: string, key: string) => cell(pillar).inputs.find((i) => i.key === key)!;
  // Exports 2015: RUS 10, TUR 20 of 100; the largest neighbour holds 20%.
  assert.ok(Math.abs(input("autonomy", "autonomy.trade-export").value! - 0.8) < 1e-12);
  // No arms, gas or imports data in 2015: missing, not zero.
  assert.equal(input("autonomy", "autonomy.arms").value, null);
  assert.equal(input("autonomy", "autonomy.gas").value, null);
  assert.ok(Math.abs(cell("autonomy").score! - 80) < 1e-9);
  assert.equal(cell("autonomy").coverage, 0.25);
  // All four neighbours sit with Georgia in BSEC; BSEC bridges the ARM–AZE rivalry (1 − 2^−1).
  assert.equal(input("multilateralism", "multilateralism.coMembership").value, 1);
  assert.equal(input("multilateralism", "multilateralism.bridging").value, 0.5);
  assert.equal(input("multilateralism", "multilateralism.hosting").value, 0);
  // The corridor hook is empty until connected.
  assert.equal(input("leverage", "leverage.corridor").value, null);
});

test("weights are adjustable (0 drops an input) and the corridor-leverage hook feeds the leverage pillar", async () => {
  const base = await scorecard(undefined, scenario, "GEO", 2019, 2019);
  const hooked = await scorecard(undefined, scenario, "GEO", 2019, 2019, {
    weights: { "leverage.exportReach": 0, "leverage.mediation": 0 },
    corridorLeverage: async (_f, level) => ({
      value: level === "neighbourhood" ? 0.4 : null,
      source: "test hook",
    }),
  });
  const lev = (c: typeof base, level: string) =>
    c.cells.find((x) => x.level === level && x.pillar === "leverage")!;
  assert.ok(Math.abs(lev(hooked, "neighbourhood").score! - 40) < 1e-9);
  assert.equal(lev(hooked, "regional").score, null);
  // 2019: Georgia mediates between Armenia and Azerbaijan (CAMEO 045), 1 − 2^−1 at the neighbourhood.
  const med = lev(base, "neighbourhood").inputs.find((i) => i.key === "leverage.mediation")!;
  assert.equal(med.value, 0.5);
});

test("a state without a scenario gets missing scenario inputs, never zeros", async () => {
  const card = await scorecard(undefined, undefined, "KAZ", 2015, 2015);
  for (const c of card.cells)
    for (const i of c.inputs) assert.notEqual(i.value, 0, `${c.pillar} ${i.key}`);
});
