import type { SignedEdge } from "./signed-graph.ts";

/**
 * Exact frustration index of a small graph by visiting all 2^(n−1) partitions (node 0 fixed) in
 * Gray-code order, so that each step switches one node and updates the cost in O(degree).
 * Used for kernel blocks of up to ~20 nodes, where it is faster than setting up a MIP.
 */
export function frustrationExhaustive(
  n: number,
  edges: SignedEdge[],
): { side: Uint8Array; value: number } {
  if (n > 30) throw new Error("frustration-exhaustive: at most 30 nodes");
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    adj[e.u].push([e.v, e.sign * e.weight]);
    adj[e.v].push([e.u, e.sign * e.weight]);
  }
  const side = new Uint8Array(n);
  let cost = 0;
  for (const e of edges) if (e.sign < 0) cost += e.weight; // all on side 0: negatives frustrated
  let best = cost;
  let bestSide = side.slice();
  // Ties within rounding of the total weight (relative, so any weight scale works).
  let total = 0;
  for (const e of edges) total += Math.abs(e.weight);
  const tol = 1e-12 * total;
  const steps = n <= 1 ? 0 : 2 ** (n - 1);
  for (let s = 1; s < steps; s++) {
    // Gray code: switch node 1 + (index of the lowest set bit of s).
    let b = 0;
    while (((s >> b) & 1) === 0) b++;
    const i = b + 1;
    for (const [j, sw] of adj[i]) {
      const same = side[i] === side[j];
      // Before the switch: frustrated iff (positive and apart) or (negative and together).
      const frustrated = sw > 0 ? !same : same;
      cost += frustrated ? -Math.abs(sw) : Math.abs(sw);
    }
    side[i] ^= 1;
    if (cost < best - tol) {
      best = cost;
      bestSide = side.slice();
    }
  }
  // The running cost drifts by rounding over 2^(n−1) updates: sum the best partition afresh.
  let value = 0;
  for (const e of edges)
    if (e.sign > 0 ? bestSide[e.u] !== bestSide[e.v] : bestSide[e.u] === bestSide[e.v])
      value += e.weight;
  return { side: bestSide, value };
}
