/** One undirected signed edge between node indices `u` and `v` (u ≠ v), with a positive weight. */
export interface SignedEdge {
  u: number;
  v: number;
  sign: 1 | -1;
  weight: number;
}

/** An undirected signed graph: node labels and edges over their indices. No loops, no multi-edges. */
export interface SignedGraph {
  nodes: string[];
  edges: SignedEdge[];
}

/** An edge given by node labels, as read from a file or built from a scenario. */
export interface LabelledEdge {
  source: string;
  target: string;
  sign: 1 | -1;
  weight?: number;
}

/**
 * Build a signed graph from labelled edges. Nodes are numbered in order of first appearance
 * (so output follows the input's order). Extra isolated nodes may be listed in `nodes`.
 * Throws on a self-loop, a non-positive weight or a repeated pair (callers that read files check
 * these first so they can name the line).
 */
export function buildSignedGraph(edges: LabelledEdge[], nodes: string[] = []): SignedGraph {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = labels.length;
      index.set(s, i);
      labels.push(s);
    }
    return i;
  };
  for (const n of nodes) id(n);
  const seen = new Set<string>();
  const out: SignedEdge[] = [];
  for (const e of edges) {
    if (e.source === e.target) throw new Error(`signed-graph: self-loop at "${e.source}"`);
    const w = e.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w))
      throw new Error(`signed-graph: weight of ${e.source}–${e.target} must be > 0, not ${w}`);
    const u = id(e.source);
    const v = id(e.target);
    const key = u < v ? `${u},${v}` : `${v},${u}`;
    if (seen.has(key))
      throw new Error(`signed-graph: the pair ${e.source}–${e.target} appears more than once`);
    seen.add(key);
    out.push({ u, v, sign: e.sign, weight: w });
  }
  return { nodes: labels, edges: out };
}

/** Neighbour lists: for node i, the pairs (neighbour, edge index). */
export function adjacency(g: { nodes: unknown[]; edges: SignedEdge[] }): number[][][] {
  const adj: number[][][] = g.nodes.map(() => []);
  g.edges.forEach((e, k) => {
    adj[e.u].push([e.v, k]);
    adj[e.v].push([e.u, k]);
  });
  return adj;
}

/** Whether every edge weight is an integer (then frustration bounds can be rounded up). */
export function hasIntegerWeights(g: { edges: SignedEdge[] }): boolean {
  return g.edges.every((e) => Number.isInteger(e.weight));
}

/** Whether an edge is frustrated under a two-sided partition `side` (0/1 per node). */
export function isFrustrated(e: SignedEdge, side: ArrayLike<number>): boolean {
  return e.sign === 1 ? side[e.u] !== side[e.v] : side[e.u] === side[e.v];
}

/** Total weight of frustrated edges under a partition (the number of them when unweighted). */
export function frustrationOf(
  g: { edges: SignedEdge[] },
  side: ArrayLike<number>,
  weighted = true,
): number {
  let s = 0;
  for (const e of g.edges) if (isFrustrated(e, side)) s += weighted ? e.weight : 1;
  return s;
}
