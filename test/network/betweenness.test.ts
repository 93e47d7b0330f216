import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { betweenness } from "../../src/network/betweenness.ts";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import type { SignedEdge } from "../../src/network/signed-graph.ts";
import { buildSignedGraph } from "../../src/network/signed-graph.ts";
import { randomSignedGraph } from "../util/signed-graphs.ts";

/** Oracle: enumerate all simple paths between each pair, keep the shortest ones, count inner nodes. */
function pathBetweenness(n: number, edges: SignedEdge[], weighted: boolean): number[] {
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    const len = weighted ? 1 / e.weight : 1;
    adj[e.u].push([e.v, len]);
    adj[e.v].push([e.u, len]);
  }
  const cb = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = s + 1; t < n; t++) {
      const paths: { len: number; inner: number[] }[] = [];
      const walk = (v: number, len: number, seen: number[]) => {
        if (v === t) {
          paths.push({ len, inner: seen.slice(1) });
          return;
        }
        for (const [w, l] of adj[v]) if (!seen.includes(w)) walk(w, len + l, [...seen, w]);
      };
      walk(s, 0, [s]);
      if (!paths.length) continue;
      const best = Math.min(...paths.map((p) => p.len));
      const shortest = paths.filter((p) => Math.abs(p.len - best) < 1e-9);
      for (const p of shortest) for (const v of p.inner) if (v !== t) cb[v] += 1 / shortest.length;
    }
  return cb;
}

test("betweenness on Borgatti's example: G 9, A 1.5, B 0.5, others 0", () => {
  const f = "test/data/graphs/borgatti1997_structural_holes_example_edges.csv";
  const g = buildSignedGraph(
    readEdgeList(f, readFileSync(f, "utf8"), { requireSign: false })[0].edges,
  );
  const b = betweenness(g.nodes.length, g.edges);
  const at = (v: string) => b[g.nodes.indexOf(v)];
  assert.equal(at("G"), 9);
  assert.equal(at("A"), 1.5);
  assert.equal(at("B"), 0.5);
  assert.equal(at("C"), 0);
});

test("betweenness (unweighted and weighted) agrees with shortest-path enumeration on random graphs", () => {
  for (let seed = 1; seed <= 8; seed++) {
    const g = randomSignedGraph(seed, 7, 0.45, true);
    for (const weighted of [false, true]) {
      const got = betweenness(g.nodes.length, g.edges, weighted);
      const want = pathBetweenness(g.nodes.length, g.edges, weighted);
      got.forEach((x, i) => {
        assert.ok(
          Math.abs(x - want[i]) < 1e-9,
          `seed ${seed} weighted ${weighted} node ${i}: ${x} vs ${want[i]}`,
        );
      });
    }
  }
});

test("weighted betweenness: A-B 1e10, B-C 1e10, A-C 5.02e9 gives B 0 (A–C direct, length 1.992e-10, is shorter than 2e-10 via B)", () => {
  // Lengths 1/weight: via B 1e-10 + 1e-10 = 2e-10; direct 1/5.02e9 ≈ 1.992e-10. B is on no shortest path.
  const edges: SignedEdge[] = [
    { u: 0, v: 1, sign: 1, weight: 1e10 },
    { u: 1, v: 2, sign: 1, weight: 1e10 },
    { u: 0, v: 2, sign: 1, weight: 5.02e9 },
  ];
  assert.deepEqual(betweenness(3, edges, true), [0, 0, 0]);
  // At weight 4.98e9 the direct edge is longer (≈ 2.008e-10): B carries the A–C pair.
  assert.deepEqual(
    betweenness(3, [edges[0], edges[1], { ...edges[2], weight: 4.98e9 }], true),
    [0, 1, 0],
  );
  // An exact tie (5e9: both 2e-10) splits the pair: B 0.5.
  assert.deepEqual(
    betweenness(3, [edges[0], edges[1], { ...edges[2], weight: 5e9 }], true),
    [0, 0.5, 0],
  );
});

test("weighted betweenness is unchanged when every weight is scaled by 1e-9 or 1e9 (random graphs with tied paths, vs path enumeration)", () => {
  for (let seed = 1; seed <= 12; seed++) {
    // Integer weights 1…3 make many equal-length paths (1/2 + 1/2 = 1), the hard case for ties.
    const g = randomSignedGraph(seed, 7, 0.5, true);
    const want = pathBetweennessRelative(g.nodes.length, g.edges);
    for (const f of [1, 1e-9, 1e9]) {
      const edges = g.edges.map((e) => ({ ...e, weight: e.weight * f }));
      const got = betweenness(g.nodes.length, edges, true);
      got.forEach((x, i) => {
        assert.ok(Math.abs(x - want[i]) < 1e-9, `seed ${seed} ×${f} node ${i}: ${x} vs ${want[i]}`);
      });
    }
  }
});

/** Oracle for the scaling test: path enumeration with ties judged relative to the shortest length. */
function pathBetweennessRelative(n: number, edges: SignedEdge[]): number[] {
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    adj[e.u].push([e.v, 1 / e.weight]);
    adj[e.v].push([e.u, 1 / e.weight]);
  }
  const cb = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = s + 1; t < n; t++) {
      const paths: { len: number; inner: number[] }[] = [];
      const walk = (v: number, len: number, seen: number[]) => {
        if (v === t) {
          paths.push({ len, inner: seen.slice(1, -1) });
          return;
        }
        for (const [w, l] of adj[v]) if (!seen.includes(w)) walk(w, len + l, [...seen, w]);
      };
      walk(s, 0, [s]);
      if (!paths.length) continue;
      const best = paths.reduce((m, p) => Math.min(m, p.len), Number.POSITIVE_INFINITY);
      const shortest = paths.filter((p) => p.len - best <= 1e-9 * best);
      for (const p of shortest) for (const v of p.inner) cb[v] += 1 / shortest.length;
    }
  return cb;
}
