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
