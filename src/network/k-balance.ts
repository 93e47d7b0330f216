import { addColumn, addRow, emptyModel } from "./mip-model.ts";
import { mulberry32 } from "./random.ts";
import type { SignedEdge, SignedGraph } from "./signed-graph.ts";
import { solveMip } from "./solve-mip.ts";
import { weightScale } from "./weight-scale.ts";

export interface KBalanceOptions {
  weighted?: boolean;
  /** Seconds for the whole call: the heuristic and the exact solve (default 30). */
  timeLimit?: number;
  /** Largest number of nodes solved exactly (default 60); beyond, the heuristic answers. */
  exactMaxNodes?: number;
  /** A starting labelling (e.g. the optimal two blocs). */
  start?: ArrayLike<number>;
  seed?: number;
}

export interface KBalanceResult {
  k: number;
  /** Cluster 0…k−1 of every node (clusters may be empty). */
  cluster: Uint8Array;
  /** Negative edges inside clusters plus positive edges between them (number or weight). */
  value: number;
  lowerBound: number;
  optimal: boolean;
  method: "exact" | "heuristic";
}

const cost = (edges: SignedEdge[], label: ArrayLike<number>, weighted: boolean) => {
  let v = 0;
  for (const e of edges)
    if (e.sign > 0 ? label[e.u] !== label[e.v] : label[e.u] === label[e.v])
      v += weighted ? e.weight : 1;
  return v;
};

/**
 * k-balance (Davis 1967 clusterability with at most k clusters): the partition into at most k
 * clusters minimising negative ties inside clusters plus positive ties between them: the
 * Doreian & Mrvar (1996, 2009) criterion with α = ½, counted once per edge. k = 2 is the
 * frustration index. Exact by binary programming (assignment variables z_ic, symmetry broken by
 * z_ic = 0 for c > i) with HiGHS up to `exactMaxNodes` nodes, under a time limit; larger graphs
 * get the relocation heuristic (single-node moves to the best cluster, with random kicks), and
 * `optimal` is then false.
 */
export async function kBalance(
  g: SignedGraph,
  k: number,
  options: KBalanceOptions = {},
): Promise<KBalanceResult> {
  if (!Number.isInteger(k) || k < 1 || k > 32)
    throw new Error("k-balance: k must be an integer from 1 to 32");
  // Solve on unit-scale weights (exact power-of-two factor) so the tolerances and MIP gaps below
  // are relative to the data's scale; the value is recomputed from the original weights.
  const scale = options.weighted ? weightScale(g.edges.map((e) => e.weight)) : 1;
  if (scale === 1) return kBalanceUnit(g, k, options);
  const unit = await kBalanceUnit(
    { nodes: g.nodes, edges: g.edges.map((e) => ({ ...e, weight: e.weight * scale })) },
    k,
    options,
  );
  const value = cost(g.edges, unit.cluster, true);
  return {
    ...unit,
    value,
    lowerBound: unit.optimal ? value : Math.min(value, unit.lowerBound / scale),
  };
}

async function kBalanceUnit(
  g: SignedGraph,
  k: number,
  options: KBalanceOptions,
): Promise<KBalanceResult> {
  const weighted = options.weighted ?? false;
  const deadline = performance.now() + (options.timeLimit ?? 30) * 1000;
  const n = g.nodes.length;
  const edges = g.edges;
  const w = (e: SignedEdge) => (weighted ? e.weight : 1);
  // The heuristic may use up to half the time when an exact solve follows, all of it otherwise.
  const exact = k > 1 && n > 1 && n <= (options.exactMaxNodes ?? 60);
  const heurDeadline = exact ? performance.now() + (deadline - performance.now()) / 2 : deadline;
  const heur = relocation(n, edges, k, w, options.start, options.seed ?? 7, heurDeadline);
  let cluster = heur;
  let value = cost(edges, cluster, weighted);
  if (k === 1 || n <= 1) {
    const negatives = edges.filter((e) => e.sign < 0).reduce((s, e) => s + w(e), 0);
    return {
      k,
      cluster: new Uint8Array(n),
      value: negatives,
      lowerBound: negatives,
      optimal: true,
      method: "exact",
    };
  }
  if (value === 0) return { k, cluster, value, lowerBound: 0, optimal: true, method: "exact" };
  if (n > (options.exactMaxNodes ?? 60))
    return { k, cluster, value, lowerBound: 0, optimal: false, method: "heuristic" };

  // Nodes in decreasing degree order; node at position p may only use clusters 0…p.
  const deg = new Array<number>(n).fill(0);
  for (const e of edges) {
    deg[e.u]++;
    deg[e.v]++;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => deg[b] - deg[a] || a - b);
  const pos = new Int32Array(n);
  order.forEach((i, p) => {
    pos[i] = p;
  });
  const m = emptyModel();
  const z = (i: number, c: number) => i * k + c;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) addColumn(m, `z${i}_${c}`, 0, 0, c > pos[i] ? 0 : 1, true);
  const y0 = n * k;
  edges.forEach((e, j) => {
    addColumn(m, `y${j}`, w(e), 0, 1, false);
  });
  for (let i = 0; i < n; i++)
    addRow(
      m,
      1,
      1,
      Array.from({ length: k }, (_, c) => z(i, c)),
      new Array(k).fill(1),
    );
  edges.forEach((e, j) => {
    for (let c = 0; c < k; c++) {
      if (e.sign > 0) {
        addRow(m, 0, Infinity, [y0 + j, z(e.u, c), z(e.v, c)], [1, -1, 1]);
        addRow(m, 0, Infinity, [y0 + j, z(e.u, c), z(e.v, c)], [1, 1, -1]);
      } else addRow(m, -1, Infinity, [y0 + j, z(e.u, c), z(e.v, c)], [1, -1, -1]);
    }
  });
  // Warm start: relabel clusters by first appearance in `order` so the symmetry rule holds.
  const relabel = new Map<number, number>();
  for (const i of order) if (!relabel.has(cluster[i])) relabel.set(cluster[i], relabel.size);
  const start = new Array<number>(y0 + edges.length).fill(0);
  for (let i = 0; i < n; i++) start[z(i, relabel.get(cluster[i])!)] = 1;
  edges.forEach((e, j) => {
    const a = relabel.get(cluster[e.u]);
    const b = relabel.get(cluster[e.v]);
    start[y0 + j] = (e.sign > 0 ? a !== b : a === b) ? 1 : 0;
  });
  const integer = !weighted || edges.every((e) => Number.isInteger(e.weight));
  const r = await solveMip({
    model: m,
    start,
    timeLimit: Math.max(0.05, ((deadline - performance.now()) / 1000) * 0.9 - 0.1),
    // HiGHS may overrun its own limit: the worker is stopped at the deadline.
    hardLimit: Math.max(0.1, (deadline - performance.now()) / 1000),
    relGap: integer ? 0 : 1e-7,
    absGap: integer ? 0.999 : 1e-7,
  });
  if (r.solution) {
    const sol = r.solution;
    const c2 = Uint8Array.from({ length: n }, (_, i) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (sol[z(i, c)] > sol[z(i, best)]) best = c;
      return best;
    });
    const v2 = cost(edges, c2, weighted);
    if (v2 < value) {
      cluster = c2;
      value = v2;
    }
  }
  let lowerBound = r.bound === undefined ? 0 : integer ? Math.ceil(r.bound - 1e-6) : r.bound;
  const optimal = r.status === "optimal" || value <= lowerBound + 1e-9;
  if (optimal) lowerBound = value;
  return { k, cluster, value, lowerBound: Math.min(lowerBound, value), optimal, method: "exact" };
}

function relocation(
  n: number,
  edges: SignedEdge[],
  k: number,
  w: (e: SignedEdge) => number,
  start: ArrayLike<number> | undefined,
  seed: number,
  deadline = Number.POSITIVE_INFINITY,
): Uint8Array {
  const rand = mulberry32(seed);
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    adj[e.u].push([e.v, e.sign * w(e)]);
    adj[e.v].push([e.u, e.sign * w(e)]);
  }
  const label = new Uint8Array(n);
  const total = (l: Uint8Array) => {
    let v = 0;
    for (const e of edges) if (e.sign > 0 ? l[e.u] !== l[e.v] : l[e.u] === l[e.v]) v += w(e);
    return v;
  };
  // Cost of node i in cluster c is (its positive weight) − A[c], A[c] = Σ_{j in c} σ_ij w_ij.
  const descend = () => {
    let moved = true;
    while (moved) {
      moved = false;
      for (let i = 0; i < n; i++) {
        const a = new Float64Array(k);
        for (const [j, sw] of adj[i]) a[label[j]] += sw;
        let best = label[i];
        for (let c = 0; c < k; c++) if (a[c] > a[best] + 1e-12) best = c;
        if (best !== label[i]) {
          label[i] = best;
          moved = true;
        }
      }
    }
  };
  let best = new Uint8Array(n);
  let bestValue = Number.POSITIVE_INFINITY;
  const restarts = 6;
  // The first descent always runs (a partition is needed); restarts and kicks stop at the deadline.
  for (let r = 0; r < restarts && (r === 0 || performance.now() < deadline); r++) {
    if (r === 0 && start) for (let i = 0; i < n; i++) label[i] = Math.min(k - 1, start[i]);
    else for (let i = 0; i < n; i++) label[i] = Math.floor(rand() * k);
    descend();
    let cur = total(label);
    for (let s = 0; s < Math.min(40 * n, 3000) && performance.now() < deadline; s++) {
      const saved = label.slice();
      for (let t = 0; t < 2; t++) label[Math.floor(rand() * n)] = Math.floor(rand() * k);
      descend();
      const v = total(label);
      if (v <= cur) cur = v;
      else label.set(saved);
    }
    if (cur < bestValue) {
      bestValue = cur;
      best = label.slice();
    }
  }
  return best;
}
