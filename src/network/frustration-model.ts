import { addColumn, addRow, emptyModel, type MipModel } from "./mip-model.ts";
import type { SignedEdge } from "./signed-graph.ts";

export interface FrustrationModelOptions {
  /** Node whose side is fixed to 1 (symmetry breaking); default the highest-degree node. */
  fixedNode?: number;
  /** Edge-index triples of unbalanced triangles: adds f_a + f_b + f_c ≥ 1 for each. */
  triangles?: number[][];
  /** Make the edge variables f binary (as in Aref, Mason & Wilson 2020) rather than continuous. */
  binaryEdges?: boolean;
}

/**
 * The XOR model of the frustration index (Aref, Mason & Wilson 2020, Networks 75(1)):
 * binary x_i (side of node i) and f_ij (edge ij frustrated), minimise Σ w_ij f_ij subject to
 *   σ_ij = +1:  f_ij ≥ x_i − x_j,  f_ij ≥ x_j − x_i
 *   σ_ij = −1:  f_ij ≥ x_i + x_j − 1,  f_ij ≥ 1 − x_i − x_j
 * with one node's side fixed and, for each unbalanced triangle, f_a + f_b + f_c ≥ 1 (valid:
 * an unbalanced cycle always has a frustrated edge). f may be continuous in [0,1]: at integer x
 * the minimum puts every f at 0 or 1.
 */
export function frustrationModel(
  n: number,
  edges: SignedEdge[],
  options: FrustrationModelOptions = {},
): MipModel {
  const m = emptyModel();
  let fixed = options.fixedNode;
  if (fixed === undefined) {
    const deg = new Array<number>(n).fill(0);
    for (const e of edges) {
      deg[e.u]++;
      deg[e.v]++;
    }
    fixed = deg.reduce((best, d, i) => (d > deg[best] ? i : best), 0);
  }
  for (let i = 0; i < n; i++) addColumn(m, `x${i}`, 0, i === fixed ? 1 : 0, 1, true);
  edges.forEach((e, k) => {
    const f = addColumn(m, `f${k}`, e.weight, 0, 1, options.binaryEdges ?? false);
    if (e.sign > 0) {
      addRow(m, 0, Infinity, [f, e.u, e.v], [1, -1, 1]);
      addRow(m, 0, Infinity, [f, e.u, e.v], [1, 1, -1]);
    } else {
      addRow(m, -1, Infinity, [f, e.u, e.v], [1, -1, -1]);
      addRow(m, 1, Infinity, [f, e.u, e.v], [1, 1, 1]);
    }
  });
  for (const [a, b, c] of options.triangles ?? [])
    addRow(m, 1, Infinity, [n + a, n + b, n + c], [1, 1, 1]);
  return m;
}
