import type { SignedEdge } from "./signed-graph.ts";
import { TimeLimitError } from "./time-limit-error.ts";

const DEFAULTS = {
  /**
   * Two weighted path lengths are equal (a tie: both paths are shortest) when they differ by at
   * most this share of the longer one: a relative tolerance, so that the answer does not depend on
   * the weights' unit (an absolute one merges distinct lengths at weights of 1e10 and splits equal
   * ones at weights of 1e-9).
   */
  relativeTie: 1e-12,
  /** performance.now() time after which the computation stops with a TimeLimitError. */
  deadline: Number.POSITIVE_INFINITY,
};

/**
 * Betweenness centrality (Freeman 1977) by Brandes' (2001) algorithm on an undirected graph:
 * for each node, the sum over unordered pairs {s, t} of the share of shortest s–t paths through
 * it; not normalised. Unweighted: breadth-first search. Weighted: Dijkstra with edge length
 * 1/weight (a stronger tie is a shorter path).
 */
export function betweenness(
  n: number,
  edges: SignedEdge[],
  weighted = false,
  options: Partial<typeof DEFAULTS> = {},
): number[] {
  const rel = options.relativeTie ?? DEFAULTS.relativeTie;
  const deadline = options.deadline ?? DEFAULTS.deadline;
  const tie = (a: number, b: number) => Math.abs(a - b) <= rel * Math.max(a, b);
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    const len = weighted ? 1 / e.weight : 1;
    adj[e.u].push([e.v, len]);
    adj[e.v].push([e.u, len]);
  }
  const cb = new Array<number>(n).fill(0);
  const sigma = new Float64Array(n);
  const dist = new Float64Array(n);
  const delta = new Float64Array(n);
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) {
    if (performance.now() > deadline)
      throw new TimeLimitError(
        `betweenness: the time limit ran out after ${s} of ${n} source nodes (${edges.length} edges; Brandes' algorithm is O(n·m)): raise the time limit`,
      );
    sigma.fill(0);
    dist.fill(Number.POSITIVE_INFINITY);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const order: number[] = [];
    if (!weighted) {
      const queue = [s];
      for (let h = 0; h < queue.length; h++) {
        const v = queue[h];
        order.push(v);
        for (const [w] of adj[v]) {
          if (dist[w] === Number.POSITIVE_INFINITY) {
            dist[w] = dist[v] + 1;
            queue.push(w);
          }
          if (dist[w] === dist[v] + 1) {
            sigma[w] += sigma[v];
            preds[w].push(v);
          }
        }
      }
    } else {
      // Dijkstra with a binary heap of [distance, node].
      const heap: [number, number][] = [[0, s]];
      const done = new Uint8Array(n);
      const push = (item: [number, number]) => {
        heap.push(item);
        let i = heap.length - 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (heap[p][0] <= heap[i][0]) break;
          [heap[p], heap[i]] = [heap[i], heap[p]];
          i = p;
        }
      };
      const pop = () => {
        const top = heap[0];
        const last = heap.pop()!;
        if (heap.length) {
          heap[0] = last;
          let i = 0;
          for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
            if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
            if (m === i) break;
            [heap[m], heap[i]] = [heap[i], heap[m]];
            i = m;
          }
        }
        return top;
      };
      while (heap.length) {
        const [d, v] = pop();
        if (done[v] || (d > dist[v] && !tie(d, dist[v]))) continue;
        done[v] = 1;
        order.push(v);
        for (const [w, len] of adj[v]) {
          const nd = dist[v] + len;
          if (dist[w] === Number.POSITIVE_INFINITY || (nd < dist[w] && !tie(nd, dist[w]))) {
            dist[w] = nd;
            sigma[w] = sigma[v];
            preds[w] = [v];
            push([nd, w]);
          } else if (!done[w] && tie(nd, dist[w])) {
            sigma[w] += sigma[v];
            preds[w].push(v);
          }
        }
      }
    }
    for (let k = order.length - 1; k >= 0; k--) {
      const w = order[k];
      for (const v of preds[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) cb[w] += delta[w];
    }
  }
  // Each unordered pair was counted from both ends.
  return cb.map((x) => x / 2);
}
