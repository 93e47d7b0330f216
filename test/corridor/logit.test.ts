import assert from "node:assert/strict";
import { test } from "node:test";
import type { AssignProblem } from "../../src/corridor/assign.ts";
import { assignLogit } from "../../src/corridor/logit.ts";
import { mulberry32 } from "../../src/network/random.ts";

const close = (a: number, b: number, tol = 1e-5) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

const problem = (costs: number[], caps: (number | null)[], D: number): AssignProblem => ({
  routes: costs.map((cost, i) => ({ id: `R${i}`, destination: "Z", cost, links: [`L${i}`] })),
  capacities: new Map(
    caps.flatMap((c, i) => (c === null ? [] : [[`L${i}`, c] as [string, number]])),
  ),
  demand: new Map([["Z", D]]),
  penalty: 1e9,
});

test("assignLogit without capacities gives softmax shares (hand: costs 0, 1000, 2000 at theta 1/1000)", () => {
  const r = assignLogit(problem([0, 1000, 2000], [null, null, null], 30), { theta: 1 / 1000 });
  const z = 1 + Math.exp(-1) + Math.exp(-2);
  close(r.flows.get("R0")!, 30 / z);
  close(r.flows.get("R1")!, (30 * Math.exp(-1)) / z);
  close(r.flows.get("R2")!, (30 * Math.exp(-2)) / z);
});

test("assignLogit fills a capacity and splits the rest by logit (hand: 10, 20/(1+e^-1), rest)", () => {
  // Unconstrained R0 would take 30/(1+e^-1+e^-2) ≈ 19.96 > 10: R0 is capped at 10 and the other
  // 20 split between R1 and R2 in the ratio e^-1 : e^-2.
  const r = assignLogit(problem([0, 1000, 2000], [10, null, null], 30), { theta: 1 / 1000 });
  assert.ok(r.converged);
  close(r.flows.get("R0")!, 10);
  close(r.flows.get("R1")!, 20 / (1 + Math.exp(-1)));
  close(r.flows.get("R2")!, 20 - 20 / (1 + Math.exp(-1)));
  assert.deepEqual(r.binding, ["L0"]);
});

test("assignLogit respects capacities and complementary slackness on random problems (seeded)", () => {
  const rnd = mulberry32(7);
  for (let k = 0; k < 200; k++) {
    const n = 2 + Math.floor(rnd() * 4);
    const costs = Array.from({ length: n }, () => rnd() * 5000);
    const caps = costs.map((_, i) => (i === n - 1 ? null : rnd() < 0.6 ? rnd() * 40 : null));
    const D = 10 + rnd() * 50;
    const theta = 1 / (200 + rnd() * 2000);
    const r = assignLogit(problem(costs, caps, D), { theta });
    assert.ok(r.converged, `case ${k}`);
    const total = [...r.flows.values()].reduce((s, x) => s + x, 0);
    close(total + r.unserved.get("Z")!, D, 1e-9);
    caps.forEach((c, i) => {
      const f = r.flows.get(`R${i}`)!;
      if (c !== null) assert.ok(f <= c * (1 + 1e-6) + 1e-9, `case ${k}: ${f} > ${c}`);
      const mu = r.shadowPrices.get(`L${i}`) ?? 0;
      if (mu > 1e-6) close(f, c!, 1e-5);
    });
    // Unpriced routes keep logit ratios with each other: x_i / x_j = exp(-theta (c_i - c_j)).
    const free = caps.map((_, i) => i).filter((i) => (r.shadowPrices.get(`L${i}`) ?? 0) === 0);
    for (const i of free)
      for (const j of free)
        close(
          r.flows.get(`R${i}`)! / r.flows.get(`R${j}`)!,
          Math.exp(-theta * (costs[i] - costs[j])),
          1e-6,
        );
  }
});
