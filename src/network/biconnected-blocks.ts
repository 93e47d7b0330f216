import type { SignedEdge } from "./signed-graph.ts";

/**
 * The blocks (biconnected components) of an undirected graph, each as the list of its edge
 * indices; every edge lies in exactly one block. Every cycle lies inside one block, so the
 * frustration index is the sum over blocks, and a block that is a single edge (a bridge, which
 * includes every edge to a degree-1 node) is never frustrated. Hopcroft–Tarjan, iterative.
 */
export function biconnectedBlocks(n: number, edges: SignedEdge[]): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, k) => {
    adj[e.u].push(k);
    adj[e.v].push(k);
  });
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const blocks: number[][] = [];
  const edgeStack: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    disc[root] = low[root] = time++;
    // Frames: node, edge used to enter it, next adjacency position.
    const stack: [number, number, number][] = [[root, -1, 0]];
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const [v, parentEdge] = frame;
      if (frame[2] < adj[v].length) {
        const k = adj[v][frame[2]++];
        if (k === parentEdge) continue;
        const e = edges[k];
        const w = e.u === v ? e.v : e.u;
        if (disc[w] < 0) {
          edgeStack.push(k);
          disc[w] = low[w] = time++;
          stack.push([w, k, 0]);
        } else if (disc[w] < disc[v]) {
          edgeStack.push(k);
          low[v] = Math.min(low[v], disc[w]);
        }
      } else {
        stack.pop();
        if (stack.length) {
          const u = stack[stack.length - 1][0];
          low[u] = Math.min(low[u], low[v]);
          if (low[v] >= disc[u]) {
            const block: number[] = [];
            for (;;) {
              const k = edgeStack.pop()!;
              block.push(k);
              if (k === parentEdge) break;
            }
            blocks.push(block);
          }
        }
      }
    }
  }
  return blocks;
}
