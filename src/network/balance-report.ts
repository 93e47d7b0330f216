import { frustrationIndex } from "./frustration-index.ts";
import { kBalance } from "./k-balance.ts";
import type { SignedGraph } from "./signed-graph.ts";
import { type TriadCensus, triadCensus, triangleIndex } from "./triad-census.ts";
import { walkIndex } from "./walk-index.ts";

/** The walk index is computed up to this many nodes (two dense n×n eigenvalue problems). */
const WALK_MAX_NODES = 1500;
/** Seconds per n³ of one dense symmetric eigenvalue problem (measured ~1.2e-9, with a margin). */
const WALK_SECONDS_PER_N3 = 2.5e-9;

export interface BalanceOptions {
  /** Minimise the weight of frustrated edges rather than their number. */
  weighted?: boolean;
  /**
   * Seconds for the whole report (default 60): the frustration index and k-balance share it, and
   * the walk index is left out (null, with a note) when its O(n³) eigenvalues would not fit.
   */
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
  /** What was left out, and why (e.g. the walk index when its eigenvalues would exceed the time limit). */
  notes?: string[];
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
  const deadline = t0 + (options.timeLimit ?? 60) * 1000;
  const left = () => Math.max(0, deadline - performance.now()) / 1000;
  const notes: string[] = [];
  const weighted = options.weighted ?? false;
  const triads = triadCensus(g);
  // The walk index's two dense eigenvalue problems cost ~WALK_SECONDS_PER_N3·n³: reserve that
  // time (when it fits at all), give k-balance a share, and the frustration index the rest.
  const n = g.nodes.length;
  const walkSeconds =
    n <= WALK_MAX_NODES ? 2 * WALK_SECONDS_PER_N3 * n ** 3 : Number.POSITIVE_INFINITY;
  const reserve = walkSeconds < left() / 2 ? walkSeconds : 0;
  const share = options.groups !== undefined ? 0.6 : 0.95;
  const f = await frustrationIndex(g, {
    weighted,
    timeLimit: Math.max(0.01, (left() - reserve) * share),
  });
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
    walkIndex: null,
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
  if (g.edges.length > 0) {
    if (n > WALK_MAX_NODES)
      notes.push(
        `walk index left out: ${n} nodes (its dense eigenvalues are computed up to ${WALK_MAX_NODES})`,
      );
    else if (walkSeconds > left())
      notes.push(
        `walk index left out: its eigenvalues (~${walkSeconds.toFixed(1)} s for ${n} nodes) would exceed the time limit`,
      );
    else result.walkIndex = walkIndex(g, WALK_MAX_NODES);
  }
  if (options.groups !== undefined) {
    const kb = await kBalance(g, options.groups, {
      weighted,
      timeLimit: Math.max(0.01, left()),
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
  if (notes.length) result.notes = notes;
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
