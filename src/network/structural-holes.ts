import type { SignedEdge } from "./signed-graph.ts";

export interface StructuralHoles {
  /** Burt's constraint C_i; null for an isolate. */
  constraint: (number | null)[];
  /** Burt's effective size ES_i; null for an isolate. */
  effectiveSize: (number | null)[];
}

/**
 * Burt's (1992) structural-hole measures on an undirected graph, as unpacked by Borgatti (1997).
 * With mutual tie strength z_ij (the edge weight, or 1 when unweighted):
 *   p_ij = z_ij / Σ_k z_ik                        (i's proportional investment in j)
 *   m_jq = z_jq / max_k z_jk                      (j's tie to q relative to j's strongest tie)
 *   effective size  ES_i = Σ_{j∈N(i)} [1 − Σ_{q∈N(i), q≠j} p_iq m_jq]
 *   constraint      C_i  = Σ_{j∈N(i)} (p_ij + Σ_{q≠i,j} p_iq p_qj)²
 * Unweighted, ES_i = n_i − 2 t_i / n_i (t_i ties among i's n_i contacts).
 */
export function structuralHoles(n: number, edges: SignedEdge[], weighted = false): StructuralHoles {
  const z: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of edges) {
    const w = weighted ? e.weight : 1;
    z[e.u].set(e.v, (z[e.u].get(e.v) ?? 0) + w);
    z[e.v].set(e.u, (z[e.v].get(e.u) ?? 0) + w);
  }
  const sum = z.map((m) => [...m.values()].reduce((s, x) => s + x, 0));
  const max = z.map((m) => [...m.values()].reduce((a, x) => Math.max(a, x), 0));
  const p = (i: number, j: number) => (z[i].get(j) ?? 0) / sum[i];
  const constraint: (number | null)[] = [];
  const effectiveSize: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (z[i].size === 0) {
      constraint.push(null);
      effectiveSize.push(null);
      continue;
    }
    let c = 0;
    let es = 0;
    for (const j of z[i].keys()) {
      let indirect = 0;
      let redundancy = 0;
      for (const q of z[i].keys()) {
        if (q === j) continue;
        indirect += p(i, q) * p(q, j);
        redundancy += p(i, q) * ((z[j].get(q) ?? 0) / max[j]);
      }
      c += (p(i, j) + indirect) ** 2;
      es += 1 - redundancy;
    }
    constraint.push(c);
    effectiveSize.push(es);
  }
  return { constraint, effectiveSize };
}
