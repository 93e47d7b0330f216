import type { SignedEdge } from "./signed-graph.ts";

/**
 * A smaller weighted signed graph with the same frustration index up to a constant: the
 * original index = kernel index + `offset`, and every original node's side follows from its
 * representative's side: side(i) = side(rep(i)) XOR parity(i).
 */
export interface Kernel {
  /** Original node indices kept as kernel nodes, in kernel order. */
  nodes: number[];
  /** Kernel edges over kernel node indices (weights merged; may be non-unit). */
  edges: SignedEdge[];
  offset: number;
  /** For every original node: its representative (an original node kept) and the parity. */
  rep: Int32Array;
  parity: Uint8Array;
}

/**
 * Exact reductions for the (weighted) frustration index, applied until none fires:
 *  - heavy edge: if |w_uv| ≥ the total weight of u's other edges, some optimum leaves uv
 *    unfrustrated (switching u never costs more than it saves), so u is merged into v
 *    (this covers degree-1 nodes);
 *  - twins: if u and v have the same signed, weighted neighbours up to switching one of them,
 *    and the edge between them (if any) is satisfied by that switching, some optimum puts them
 *    on sides that satisfy it (give both the side that is best for one), so u is merged into v.
 * Merging u into v with parity p moves u's edges to v with signs multiplied by (−1)^p;
 * parallel edges add, and two parallel edges of opposite sign leave the lighter one's weight as
 * a constant (one of the pair is always frustrated) and the difference as one edge.
 * Twins are common in alliance networks, where members of one pact share all their ties.
 */
export function kernelize(n: number, edges: SignedEdge[]): Kernel {
  const adj: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  let offset = 0;
  const add = (a: number, b: number, val: number) => {
    const cur = adj[a].get(b) ?? 0;
    if (cur * val < 0) offset += Math.min(Math.abs(cur), Math.abs(val));
    const nv = cur + val;
    if (Math.abs(nv) < 1e-12) {
      adj[a].delete(b);
      adj[b].delete(a);
    } else {
      adj[a].set(b, nv);
      adj[b].set(a, nv);
    }
  };
  for (const e of edges) add(e.u, e.v, e.sign * e.weight);
  const rep = Int32Array.from({ length: n }, (_, i) => i);
  const parity = new Uint8Array(n);
  const alive = new Uint8Array(n).fill(1);
  const contract = (u: number, v: number, p: number) => {
    const s = p ? -1 : 1;
    const uv = adj[u].get(v);
    if (uv !== undefined) {
      if (Math.sign(uv) !== s) offset += Math.abs(uv);
      adj[u].delete(v);
      adj[v].delete(u);
    }
    for (const [z, val] of [...adj[u]]) {
      adj[u].delete(z);
      adj[z].delete(u);
      add(v, z, val * s);
    }
    rep[u] = v;
    parity[u] = p;
    alive[u] = 0;
  };
  const twins = (u: number, v: number, s: number) => {
    if (adj[u].size !== adj[v].size) return false;
    for (const [z, val] of adj[u]) {
      if (z === v) continue;
      const other = adj[v].get(z);
      if (other === undefined || Math.abs(other * s - val) > 1e-9) return false;
    }
    return true;
  };

  // Worklist: a node is (re)checked whenever its neighbourhood changed.
  const queued = new Uint8Array(n);
  const work: number[] = [];
  const enqueue = (i: number) => {
    if (alive[i] && !queued[i]) {
      queued[i] = 1;
      work.push(i);
    }
  };
  const merge = (u: number, v: number, p: number) => {
    const touched = [v, ...adj[u].keys()];
    contract(u, v, p);
    for (const z of touched) enqueue(z);
  };
  let changed = true;
  for (let i = 0; i < n; i++) enqueue(i);
  while (changed) {
    changed = false;
    while (work.length) {
      const u = work.pop()!;
      queued[u] = 0;
      if (!alive[u] || adj[u].size === 0) continue;
      // Heavy edge (and degree 1).
      let total = 0;
      let best = -1;
      let bestAbs = 0;
      for (const [z, val] of adj[u]) {
        total += Math.abs(val);
        if (Math.abs(val) > bestAbs) {
          bestAbs = Math.abs(val);
          best = z;
        }
      }
      if (bestAbs >= total - bestAbs - 1e-12) {
        merge(u, best, adj[u].get(best)! < 0 ? 1 : 0);
        continue;
      }
      // Adjacent twins.
      for (const [v, val] of adj[u]) {
        if (twins(u, v, Math.sign(val))) {
          merge(u, v, val < 0 ? 1 : 0);
          break;
        }
      }
    }
    // Non-adjacent twins, found by a signature canonical under switching.
    const groups = new Map<string, number[]>();
    for (let u = 0; u < n; u++) {
      if (!alive[u] || adj[u].size === 0) continue;
      const entries = [...adj[u]].sort((a, b) => a[0] - b[0]);
      const c = Math.sign(entries[0][1]);
      const key = entries.map(([z, val]) => `${z}:${val * c}`).join(",");
      const g = groups.get(key);
      if (g) g.push(u);
      else groups.set(key, [u]);
    }
    for (const g of groups.values()) {
      for (let k = 1; k < g.length; k++) {
        const u = g[k];
        const v = g[0];
        if (!alive[u] || !alive[v] || adj[u].has(v)) continue;
        const fu = [...adj[u]].sort((a, b) => a[0] - b[0])[0];
        const s = Math.sign(fu[1]) * Math.sign(adj[v].get(fu[0]) ?? 0);
        if (s !== 0 && twins(u, v, s)) {
          merge(u, v, s < 0 ? 1 : 0);
          changed = true;
        }
      }
    }
  }

  const nodes: number[] = [];
  const local = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++)
    if (alive[i] && adj[i].size > 0) {
      local[i] = nodes.length;
      nodes.push(i);
    }
  const out: SignedEdge[] = [];
  for (const i of nodes)
    for (const [j, val] of adj[i])
      if (i < j)
        out.push({ u: local[i], v: local[j], sign: val > 0 ? 1 : -1, weight: Math.abs(val) });
  return { nodes, edges: out, offset, rep, parity };
}

/** Side of every original node from the kernel nodes' sides (isolated kernel leftovers: 0). */
export function expandSides(k: Kernel, kernelSide: ArrayLike<number>): Uint8Array {
  const n = k.rep.length;
  const side = new Int8Array(n).fill(-1);
  k.nodes.forEach((i, j) => {
    side[i] = kernelSide[j];
  });
  // Follow each representative chain (iteratively: chains can be long), then fill it back.
  for (let i = 0; i < n; i++) {
    const chain: number[] = [];
    let j = i;
    while (side[j] < 0 && k.rep[j] !== j) {
      chain.push(j);
      j = k.rep[j];
    }
    if (side[j] < 0) side[j] = 0;
    for (let c = chain.length - 1; c >= 0; c--)
      side[chain[c]] = side[k.rep[chain[c]]] ^ k.parity[chain[c]];
  }
  return Uint8Array.from(side);
}
