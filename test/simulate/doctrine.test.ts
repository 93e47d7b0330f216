import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { capConcentration, hhi, simulateRun } from "../../src/simulate/doctrine.ts";
import { DoctrineParams } from "../../src/simulate/doctrine-params.ts";
import { runDoctrines } from "../../src/simulate/doctrine-run.ts";
import { doctrineFromScenario } from "../../src/simulate/doctrine-scenario.ts";

const scenario = loadScenario(fileURLToPath(new URL("../data/scenarios/poles/", import.meta.url)));
const setup = doctrineFromScenario(scenario);
const params = DoctrineParams.parse(setup.params);

test("doctrineFromScenario measures engagement from the focal state's flows with pole members", () => {
  const byPole = Object.fromEntries(setup.measured.map((m) => [m.pole, m.engagement]));
  // exports 2020: RUS 700, TUR 1600, USA 400, CHN 300 of 3000 (ARM 0); arms: RUS 50, TUR 80 of 130
  assert.ok(Math.abs(byPole.Turkey - (1600 / 3000 + 80 / 130) / 2) < 1e-12);
  assert.ok(Math.abs(byPole.Russia - (700 / 3000 + 50 / 130) / 2) < 1e-12);
  assert.ok(Math.abs(byPole.China - 300 / 3000 / 2) < 1e-12);
  assert.equal(params.rivals.length, 2);
});

test("every doctrine's shares sum to 1 in every year, and autonomy is 1 − HHI of them", () => {
  for (let run = 0; run < 20; run++) {
    const o = simulateRun(params, 12, 99, run);
    o.shares.forEach((path, d) => {
      path.forEach((a, t) => {
        assert.ok(Math.abs(a.reduce((s, x) => s + x, 0) - 1) < 1e-12, `doctrine ${d} year ${t}`);
        assert.ok(a.every((x) => x >= 0));
        assert.ok(Math.abs(o.autonomy[d][t] - (1 - hhi(a))) < 1e-12);
      });
    });
  }
});

test("active non-alignment respects its concentration cap among the poles", () => {
  for (let run = 0; run < 10; run++) {
    const o = simulateRun(params, 10, 5, run);
    for (const a of o.shares[3]) {
      const poles = a.slice(0, -1);
      const s = poles.reduce((x, y) => x + y, 0);
      assert.ok(hhi(poles.map((x) => x / s)) <= params.hhiCap + 1e-9);
    }
  }
  const c = capConcentration([0.9, 0.05, 0.05], 0.4);
  assert.ok(Math.abs(hhi(c) - 0.4) < 1e-9);
});

test("a seed reproduces the Monte Carlo bit for bit, whatever the number of threads", async () => {
  const a = await runDoctrines(setup.params, { runs: 60, years: 8, seed: 7, threads: 1 });
  const b = await runDoctrines(setup.params, { runs: 60, years: 8, seed: 7, threads: 1 });
  const c = await runDoctrines(setup.params, { runs: 60, years: 8, seed: 7, threads: 2 });
  const strip = (r: typeof a) => JSON.stringify({ ...r, elapsedMs: 0, threads: 0 });
  assert.equal(strip(a), strip(b));
  assert.equal(strip(a), strip(c));
  const d = await runDoctrines(setup.params, { runs: 60, years: 8, seed: 8, threads: 1 });
  assert.notEqual(strip(a), strip(d));
});

test("summaries are consistent: CVaR ≤ p05 ≤ median ≤ p95 and event probabilities in [0,1]", async () => {
  const r = await runDoctrines(setup.params, { runs: 200, years: 10, seed: 3, threads: 1 });
  assert.equal(r.doctrines.length, 4);
  for (const d of r.doctrines) {
    assert.ok(d.cvar <= d.payoff.p05 + 1e-12);
    assert.ok(d.payoff.p05 <= d.payoff.p50 && d.payoff.p50 <= d.payoff.p95);
    for (const e of [d.coercion, d.abandonment]) assert.ok(e.probAny >= 0 && e.probAny <= 1);
    for (let t = 0; t < 10; t++) {
      const s = Object.values(d.shares).reduce((x, v) => x + v[t], 0);
      assert.ok(Math.abs(s - 1) < 1e-9);
    }
  }
});

test("doctrineFromScenario refuses a scenario without two poles", () => {
  const mini = loadScenario(fileURLToPath(new URL("../data/scenarios/mini/", import.meta.url)));
  assert.throws(() => doctrineFromScenario(mini), /at least two rival poles/);
});
