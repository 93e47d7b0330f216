import assert from "node:assert/strict";
import { test } from "node:test";
import { expandSides, kernelize } from "../../src/network/kernelize.ts";
import { frustrationOf, type SignedGraph } from "../../src/network/signed-graph.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

/** Optimal side vector by brute force (for expanding kernel solutions). */
function bruteSides(g: SignedGraph): Uint8Array {
  const n = g.nodes.length;
  let best = Number.POSITIVE_INFINITY;
  let arg = new Uint8Array(n);
  for (let s = 0; s < 1 << n; s++) {
    const side = Uint8Array.from({ length: n }, (_, i) => (s >> i) & 1);
    const v = frustrationOf(g, side);
    if (v < best) {
      best = v;
      arg = side;
    }
  }
  return arg;
}

test("kernelize keeps the frustration index: kernel optimum + offset = original optimum", () => {
  for (let seed = 1; seed <= 80; seed++) {
    // Sparse graphs and graphs with cliques of twins both trigger reductions.
    const g = randomSignedGraph(seed, 6 + (seed % 7), 0.3 + (seed % 4) * 0.2, seed % 3 === 0, 0.3);
    const k = kernelize(g.nodes.length, g.edges);
    const kg: SignedGraph = { nodes: k.nodes.map(String), edges: k.edges };
    const kernelOpt = k.nodes.length ? bruteForceFrustration(kg) : 0;
    const expected = bruteForceFrustration(g);
    assert.ok(Math.abs(kernelOpt + k.offset - expected) < 1e-9, `seed ${seed}`);
    // An optimal kernel partition expands to an optimal partition of the original graph.
    const side = expandSides(k, k.nodes.length ? bruteSides(kg) : []);
    assert.ok(Math.abs(frustrationOf(g, side) - expected) < 1e-9, `seed ${seed}`);
  }
});

test("kernelize collapses a positive clique of twins to nothing and a pendant path to nothing", () => {
  const edges = [];
  for (let i = 0; i < 5; i++)
    for (let j = i + 1; j < 5; j++) edges.push({ u: i, v: j, sign: 1 as const, weight: 1 });
  edges.push(
    { u: 4, v: 5, sign: -1 as const, weight: 1 },
    { u: 5, v: 6, sign: -1 as const, weight: 1 },
  );
  const k = kernelize(7, edges);
  assert.equal(k.nodes.length, 0);
  assert.equal(k.offset, 0);
});
