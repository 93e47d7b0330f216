import { mulberry32 } from "../../src/network/random.ts";
import type { SignedEdge, SignedGraph } from "../../src/network/signed-graph.ts";

/** A random signed graph G(n, p) with random signs and, optionally, integer weights 1…3. */
export function randomSignedGraph(
  seed: number,
  n: number,
  p: number,
  weighted = false,
  pNeg = 0.5,
): SignedGraph {
  const rand = mulberry32(seed);
  const edges: SignedEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (rand() < p)
        edges.push({
          u: i,
          v: j,
          sign: rand() < pNeg ? -1 : 1,
          weight: weighted ? 1 + Math.floor(rand() * 3) : 1,
        });
  return { nodes: Array.from({ length: n }, (_, i) => `n${i}`), edges };
}

/** Frustration index by trying all 2^(n−1) partitions (node 0 fixed): the test's oracle. */
export function bruteForceFrustration(g: SignedGraph, weighted = true): number {
  const n = g.nodes.length;
  let best = Number.POSITIVE_INFINITY;
  for (let s = 0; s < 1 << Math.max(0, n - 1); s++) {
    let v = 0;
    for (const e of g.edges) {
      const a = e.u === 0 ? 0 : (s >> (e.u - 1)) & 1;
      const b = e.v === 0 ? 0 : (s >> (e.v - 1)) & 1;
      if (e.sign > 0 ? a !== b : a === b) v += weighted ? e.weight : 1;
    }
    if (v < best) best = v;
  }
  return best;
}
