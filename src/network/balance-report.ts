import { frustrationIndex } from "./frustration-index.ts";
import { kBalance } from "./k-balance.ts";
import type { SignedGraph } from "./signed-graph.ts";
import { type TriadCensus, triadCensus, triangleIndex } from "./triad-census.ts";
import { walkIndex } from "./walk-index.ts";

export interface BalanceOptions {
  /** Minimise the weight of frustrated edges rather than their number. */
  weighted?: boolean;
  /** Seconds for the exact frustration index (default 60). */
  timeLimit?: number;
  /** Also find the best partition into at most this many clusters (k-balance). */
  groups?: number;
}

/** One result of `ana balance` (the JSON shape, with a few extra fields). */
export interface BalanceResult {
  period: string | null;
  nodes: number;
  edges: number;
  negativeEdges: number;
  frustration: number;
  normalizedFrustration: number | null;
  triangleIndex: number | null;
  walkIndex: number | null;
  triads: TriadCensus;
  partition: Record<string, 0 | 1>;
  frustratedEdges: [string, string][];
  optimal: boolean;
  lowerBound: number;
  seconds: number;
  /** Relative gap (frustration − lowerBound) / frustration; 0 when optimal. */
  gap: number;
  weighted: boolean;
  /** Frustrated edges at each node under `partition`. */
  nodeFrustration: Record<string, number>;
  groups?: {
    k: number;
    partition: Record<string, number>;
    value: number;
    lowerBound: number;
    optimal: boolean;
    method: "exact" | "heuristic";
  };
}

/**
 * Everything `ana balance` reports for one signed graph: triad census, triangle and walk
 * indices, the exact frustration index with its two blocs, frustrated edges per node, the
 * normalised frustration 1 − L/(m/2) (Aref & Wilson 2018; m is the total weight when weighted),
 * and optionally the best k-cluster partition.
 */
export async function balanceReport(
  g: SignedGraph,
  period: string | null,
  options: BalanceOptions = {},
): Promise<BalanceResult> {
  const t0 = performance.now();
  const weighted = options.weighted ?? false;
  const triads = triadCensus(g);
  const f = await frustrationIndex(g, { weighted, timeLimit: options.timeLimit ?? 60 });
  // 1 − L/(m/2) from weights divided by the largest one, so that sums of huge weights (1e308)
  // do not overflow and tiny ones keep their precision.
  const unit = g.edges.reduce((m, e) => Math.max(m, weighted ? Math.abs(e.weight) : 1), 0) || 1;
  const total = g.edges.reduce((s, e) => s + (weighted ? e.weight : 1) / unit, 0);
  const frustratedUnit = f.frustrated.reduce(
    (s, k) => s + (weighted ? g.edges[k].weight : 1) / unit,
    0,
  );
  const partition: Record<string, 0 | 1> = {};
  g.nodes.forEach((v, i) => {
    partition[v] = f.side[i] as 0 | 1;
  });
  const nodeFrustration: Record<string, number> = Object.fromEntries(g.nodes.map((v) => [v, 0]));
  const frustratedEdges = f.frustrated.map((k) => {
    const e = g.edges[k];
    nodeFrustration[g.nodes[e.u]]++;
    nodeFrustration[g.nodes[e.v]]++;
    return [g.nodes[e.u], g.nodes[e.v]] as [string, string];
  });
  const result: BalanceResult = {
    period,
    nodes: g.nodes.length,
    edges: g.edges.length,
    negativeEdges: g.edges.filter((e) => e.sign < 0).length,
    frustration: f.value,
    normalizedFrustration: total === 0 ? null : 1 - frustratedUnit / (total / 2),
    triangleIndex: triangleIndex(triads),
    walkIndex: walkIndex(g),
    triads,
    partition,
    frustratedEdges,
    optimal: f.optimal,
    lowerBound: f.lowerBound,
    seconds: 0,
    gap: f.value === 0 ? 0 : (f.value - f.lowerBound) / f.value,
    weighted,
    nodeFrustration,
  };
  if (options.groups !== undefined) {
    const kb = await kBalance(g, options.groups, {
      weighted,
      timeLimit: options.timeLimit ?? 60,
      start: f.side,
    });
    result.groups = {
      k: kb.k,
      partition: Object.fromEntries(g.nodes.map((v, i) => [v, kb.cluster[i]])),
      value: kb.value,
      lowerBound: kb.lowerBound,
      optimal: kb.optimal,
      method: kb.method,
    };
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
