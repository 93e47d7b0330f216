import assert from "node:assert/strict";
import { test } from "node:test";
import { cyclePackingBound } from "../../src/network/cycle-packing-bound.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

test("cyclePackingBound never exceeds the frustration index (random graphs, weighted and not)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const g = randomSignedGraph(seed, 5 + (seed % 8), 0.5, seed % 2 === 0);
    const { bound } = cyclePackingBound(g.nodes.length, g.edges, { rounds: 5, seed });
    assert.ok(bound <= bruteForceFrustration(g) + 1e-9, `seed ${seed}`);
  }
});

test("cyclePackingBound is 1 for an unbalanced triangle and 0 for a balanced graph", () => {
  const tri = [
    { u: 0, v: 1, sign: 1 as const, weight: 1 },
    { u: 1, v: 2, sign: 1 as const, weight: 1 },
    { u: 0, v: 2, sign: -1 as const, weight: 1 },
  ];
  assert.equal(cyclePackingBound(3, tri).bound, 1);
  const bal = tri.map((e, i) => (i === 2 ? { ...e, sign: 1 as const } : e));
  assert.equal(cyclePackingBound(3, bal).bound, 0);
  // Two unbalanced triangles sharing one edge: L = 1 (the shared edge), and the bound is 1.
  const two = [
    ...tri,
    { u: 0, v: 3, sign: 1 as const, weight: 1 },
    { u: 2, v: 3, sign: 1 as const, weight: 1 },
  ];
  assert.equal(cyclePackingBound(4, two).bound, 1);
});
