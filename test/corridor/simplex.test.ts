import assert from "node:assert/strict";
import { test } from "node:test";
import { type AssignProblem, assign } from "../../src/corridor/assign.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";
import { toAssign, usable, yearProblem } from "../../src/corridor/problem.ts";
import { simplexAssign } from "../../src/corridor/simplex.ts";

/** mulberry32: a small seeded PRNG so the random instances are reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("simplexAssign solves the textbook case where greedy by cost is wrong", () => {
  // Route A (cost 3) uses links 1 and 2; B (cost 2) link 1; C (cost 2) link 2; capacities 1;
  // demand 2, penalty 10. Greedy takes A first (cost 3 + one unserved 10 = 13); optimum B + C = 4.
  const s = simplexAssign(
    [3, 2, 2],
    [[1, 1, 1]],
    [2],
    [
      [1, 1, 0],
      [1, 0, 1],
    ],
    [1, 1],
    10,
  );
  assert.deepEqual(
    s.x.map((v) => Math.round(v * 1e9) / 1e9),
    [0, 1, 1],
  );
  assert.equal(s.objective, 4);
});

test("the dense simplex and HiGHS agree on 300 random capacitated assignment problems", async () => {
  const r = rng(20261126);
  for (let k = 0; k < 300; k++) {
    const nd = 1 + Math.floor(r() * 3);
    const nl = 1 + Math.floor(r() * 5);
    const nr = 1 + Math.floor(r() * 7);
    const p: AssignProblem = {
      routes: Array.from({ length: nr }, (_, i) => ({
        id: `r${i}`,
        destination: `d${Math.floor(r() * nd)}`,
        cost: Math.round(r() * 1000),
        links: Array.from({ length: nl }, (_, l) => `l${l}`).filter(() => r() < 0.5),
      })),
      capacities: new Map(Array.from({ length: nl }, (_, l) => [`l${l}`, Math.round(r() * 100)])),
      demand: new Map(Array.from({ length: nd }, (_, d) => [`d${d}`, Math.round(r() * 150)])),
      penalty: 2000,
    };
    const a = await assign(p, "simplex");
    const b = await assign(p, "highs");
    assert.ok(
      Math.abs(a.cost - b.cost) <= 1e-6 * Math.max(1, b.cost),
      `instance ${k}: ${a.cost} vs ${b.cost}`,
    );
    for (const [l, cap] of p.capacities) assert.ok((a.linkFlows.get(l) ?? 0) <= cap + 1e-6);
  }
});

test("the dense simplex and HiGHS agree on every year of the shipped network", async () => {
  const net = loadNetwork();
  for (const kind of ["transport", "gas"] as const)
    for (let y = 2015; y <= 2025; y++) {
      const p = yearProblem(net, kind, y);
      if (!p) continue;
      const routes = usable(p);
      for (let drop = -1; drop < routes.length; drop++) {
        const sub = routes.filter((_, i) => i !== drop);
        const a = await assign(toAssign(p, sub), "simplex");
        const b = await assign(toAssign(p, sub), "highs");
        assert.ok(
          Math.abs(a.cost - b.cost) <= 1e-6 * Math.max(1, b.cost),
          `${kind} ${y} drop ${drop}`,
        );
      }
    }
});
