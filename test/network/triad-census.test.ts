import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import { buildSignedGraph } from "../../src/network/signed-graph.ts";
import { triadCensus, triangleIndex } from "../../src/network/triad-census.ts";
import { randomSignedGraph } from "../util/signed-graphs.ts";

test("triangleIndex(tribes) is 0.8676471 (signnet balance_score 'triangles')", () => {
  const f = "test/data/graphs/tribes_edges.csv";
  const g = buildSignedGraph(readEdgeList(f, readFileSync(f, "utf8"))[0].edges);
  assert.ok(Math.abs(triangleIndex(triadCensus(g))! - 0.8676471) < 5e-8);
});

test("triadCensus matches a count over all node triples", () => {
  for (let seed = 1; seed <= 10; seed++) {
    const g = randomSignedGraph(seed, 12, 0.5);
    const sign = new Map(
      g.edges.map((e) => [`${Math.min(e.u, e.v)},${Math.max(e.u, e.v)}`, e.sign]),
    );
    const expected = { ppp: 0, ppm: 0, pmm: 0, mmm: 0 };
    const n = g.nodes.length;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        for (let c = b + 1; c < n; c++) {
          const s = [sign.get(`${a},${b}`), sign.get(`${a},${c}`), sign.get(`${b},${c}`)];
          if (s.some((x) => x === undefined)) continue;
          const neg = s.filter((x) => x === -1).length;
          expected[(["ppp", "ppm", "pmm", "mmm"] as const)[neg]]++;
        }
    assert.deepEqual(triadCensus(g), expected);
  }
});

test("triangleIndex is null without triangles", () => {
  assert.equal(triangleIndex({ ppp: 0, ppm: 0, pmm: 0, mmm: 0 }), null);
});
