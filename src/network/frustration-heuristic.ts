import { mulberry32 } from "./random.ts";
import type { SignedEdge } from "./signed-graph.ts";

export interface HeuristicResult {
  /** Side (0/1) of every node. */
  side: Uint8Array;
  /** Weight of the frustrated edges under `side`: an upper bound on the frustration index. */
  value: number;
}

export interface HeuristicOptions {
  /** Stop as soon as this value is reached (a proven lower bound). */
  target?: number;
  /** Number of perturbation steps (default scales with the graph). */
  steps?: number;
  seed?: number;
  /** Stop by this time (performance.now() milliseconds). */
  deadline?: number;
}

/**
 * Upper bound on the (weighted) frustration index by iterated local search: start from the
 * balanced state induced by a random spanning tree (each tree fixes one nearest balanced state,
 * as in graphB+), descend by single-node switches with the best gain, then repeatedly perturb
 * a few nodes and descend again, keeping a perturbation when it is no worse. Deterministic for a
 * given seed.
 */
export function frustrationHeuristic(
  n: number,
  edges: SignedEdge[],
  options: HeuristicOptions = {},
): HeuristicResult {
  const rand = mulberry32(options.seed ?? 12345);
  const target = options.target ?? Number.NEGATIVE_INFINITY;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let timeUp = false;
  // Improvement threshold relative to the largest weight (any weight scale works).
  let maxWeight = 0;
  for (const e of edges) maxWeight = Math.max(maxWeight, Math.abs(e.weight));
  const eps = 1e-9 * (maxWeight || 1);
  // CSR adjacency.
  const start = new Int32Array(n + 1);
  for (const e of edges) {
    start[e.u + 1]++;
    start[e.v + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const nbr = new Int32Array(2 * edges.length);
  const sgn = new Float64Array(2 * edges.length); // sign × weight
  const fill = start.slice(0, n);
  for (const e of edges) {
    nbr[fill[e.u]] = e.v;
    sgn[fill[e.u]++] = e.sign * e.weight;
    nbr[fill[e.v]] = e.u;
    sgn[fill[e.v]++] = e.sign * e.weight;
  }
  const side = new Uint8Array(n);
  const gain = new Float64Array(n);
  // gain[i]: decrease of the objective when i switches side.
  const computeGains = () => {
    for (let i = 0; i < n; i++) {
      let g = 0;
      for (let k = start[i]; k < start[i + 1]; k++) {
        const sw = sgn[k];
        const same = side[i] === side[nbr[k]];
        // Frustrated: positive across, or negative within. Switching i toggles this edge.
        const frustrated = sw > 0 ? !same : same;
        g += frustrated ? Math.abs(sw) : -Math.abs(sw);
      }
      gain[i] = g;
    }
  };
  const value = () => {
    let v = 0;
    for (const e of edges)
      if (e.sign > 0 ? side[e.u] !== side[e.v] : side[e.u] === side[e.v]) v += e.weight;
    return v;
  };
  // Nodes switched in the current step, so that a rejected step can be undone in O(degree).
  const log: number[] = [];
  const flip = (i: number) => {
    log.push(i);
    side[i] ^= 1;
    gain[i] = -gain[i];
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = nbr[k];
      const sw = sgn[k];
      const same = side[i] === side[j];
      const frustrated = sw > 0 ? !same : same;
      // The edge changed state; j's gain changes by ±2|w|.
      gain[j] += frustrated ? 2 * Math.abs(sw) : -2 * Math.abs(sw);
    }
  };
  const descend = (cur: number) => {
    for (;;) {
      let best = -1;
      let bg = eps;
      for (let i = 0; i < n; i++)
        if (gain[i] > bg) {
          bg = gain[i];
          best = i;
        }
      if (best < 0) return cur;
      cur -= bg;
      flip(best);
    }
  };
  const treeState = () => {
    side.fill(0);
    const seen = new Uint8Array(n);
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
    for (const root of order) {
      if (seen[root]) continue;
      seen[root] = 1;
      side[root] = rand() < 0.5 ? 0 : 1;
      const queue = [root];
      while (queue.length) {
        const i = queue.splice(Math.floor(rand() * queue.length), 1)[0];
        for (let k = start[i]; k < start[i + 1]; k++) {
          const j = nbr[k];
          if (seen[j]) continue;
          seen[j] = 1;
          side[j] = sgn[k] > 0 ? side[i] : side[i] ^ 1;
          queue.push(j);
        }
      }
    }
  };

  const bestSide = new Uint8Array(n);
  let bestValue = Number.POSITIVE_INFINITY;
  const totalSteps = options.steps ?? Math.min(30000, 60 * n + 200);
  const restarts = Math.max(1, Math.min(8, Math.ceil(n / 10)));
  const perRestart = Math.ceil(totalSteps / restarts);
  for (let r = 0; r < restarts && bestValue > target + eps && !timeUp; r++) {
    treeState();
    computeGains();
    let cur = descend(value());
    if (cur < bestValue - eps) {
      bestValue = cur;
      bestSide.set(side);
    }
    for (let s = 0; s < perRestart && bestValue > target + eps; s++) {
      if ((s & 31) === 31 && performance.now() > deadline) {
        timeUp = true;
        break;
      }
      log.length = 0;
      const before = cur;
      const kicks = 1 + Math.floor(rand() * 3);
      for (let t = 0; t < kicks; t++) {
        const i = Math.floor(rand() * n);
        cur -= gain[i];
        flip(i);
        // Sometimes drag a neighbour along, to move small clusters together.
        if (start[i + 1] > start[i] && rand() < 0.5) {
          const j = nbr[start[i] + Math.floor(rand() * (start[i + 1] - start[i]))];
          cur -= gain[j];
          flip(j);
        }
      }
      cur = descend(cur);
      if (cur < bestValue - eps) {
        bestValue = cur;
        bestSide.set(side);
      }
      if (cur > before + eps) {
        const undo = log.slice().reverse();
        for (const i of undo) flip(i);
        cur = before;
      }
    }
  }
  side.set(bestSide);
  return { side: bestSide, value: value() };
}
