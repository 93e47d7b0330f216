import type { SignedGraph } from "./signed-graph.ts";
import { symmetricEigenvalues } from "./symmetric-eigenvalues.ts";

/**
 * Walk-based balance (Estrada & Benzi 2014; signnet `balance_score(g, "walk")`):
 * W = Σ_i exp(λ_i) / Σ_i exp(μ_i), with λ the eigenvalues of the signed adjacency matrix A
 * (entries ±1, weights ignored as in signnet) and μ those of |A|. Equivalently
 * tr e^A / tr e^|A|: closed walks weighted by 1/k!, balanced minus unbalanced over all.
 * Both sums are scaled by exp(−μ_max) for numerical stability. 1 for a balanced graph.
 * null without edges, and above `maxNodes` nodes (dense O(n³) eigenvalues; default 1500).
 */
export function walkIndex(g: SignedGraph, maxNodes = 1500): number | null {
  const n = g.nodes.length;
  if (g.edges.length === 0 || n > maxNodes) return null;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  for (const e of g.edges) {
    a[e.u * n + e.v] = a[e.v * n + e.u] = e.sign;
    b[e.u * n + e.v] = b[e.v * n + e.u] = 1;
  }
  const lam = symmetricEigenvalues(a, n);
  const mu = symmetricEigenvalues(b, n);
  const top = mu.reduce((a, x) => Math.max(a, x), Number.NEGATIVE_INFINITY);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + Math.exp(x - top), 0);
  return sum(lam) / sum(mu);
}
