import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, test } from "node:test";
import { frustrationIndex } from "../../src/network/frustration-index.ts";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import {
  buildSignedGraph,
  frustrationOf,
  type SignedGraph,
} from "../../src/network/signed-graph.ts";
import { stopMipWorker } from "../../src/network/solve-mip.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

after(() => stopMipWorker());

const tribesFile = "test/data/graphs/tribes_edges.csv";
const tribes = () =>
  buildSignedGraph(readEdgeList(tribesFile, readFileSync(tribesFile, "utf8"))[0].edges);

test("frustrationIndex(tribes) is 7, proven (Read's highland tribes; signnet 0.7586207 = 1 − 7/29)", async () => {
  const r = await frustrationIndex(tribes());
  assert.equal(r.value, 7);
  assert.equal(r.optimal, true);
  assert.equal(r.lowerBound, 7);
  assert.equal(r.frustrated.length, 7);
  assert.ok(Math.abs(1 - r.value / (58 / 2) - 0.7586207) < 5e-8);
});

test("frustrationIndex equals brute force on 120 random small signed graphs, weighted and not, by every path (enumeration, bound, MIP)", async () => {
  const paths = { enumerated: 0, provedByBound: 0, solvedByMip: 0 };
  for (let seed = 1; seed <= 120; seed++) {
    // The last 20 are dense 13-node graphs, where the bound rarely meets the heuristic.
    const dense = seed > 100;
    const n = dense ? 13 : 4 + (seed % 9);
    const weighted = seed % 2 === 0;
    const g = dense
      ? randomSignedGraph(seed, n, 0.8, weighted, 0.5)
      : randomSignedGraph(seed, n, 0.25 + (seed % 5) * 0.15, weighted, 0.2 + (seed % 4) * 0.15);
    const expected = bruteForceFrustration(g, true);
    // Every third graph skips enumeration, so heuristic + bound + HiGHS must prove it.
    const r = await frustrationIndex(g, {
      weighted: true,
      timeLimit: 30,
      exhaustiveMaxNodes: dense || seed % 3 === 0 ? 0 : undefined,
    });
    assert.equal(r.value, expected, `seed ${seed}`);
    assert.equal(r.optimal, true, `seed ${seed}`);
    for (const k of ["enumerated", "provedByBound", "solvedByMip"] as const) paths[k] += r.stats[k];
    // The partition attains the reported value, and the frustrated edges are exactly those it frustrates.
    assert.equal(frustrationOf(g, r.side), r.value, `seed ${seed}`);
    assert.equal(
      r.frustrated.reduce((s, k) => s + g.edges[k].weight, 0),
      r.value,
    );
  }
  // Each way of proving optimality was exercised.
  for (const k of ["enumerated", "provedByBound", "solvedByMip"] as const)
    assert.ok(paths[k] > 0, k);
});

test("frustrationIndex counts edges, not weight, unless asked", async () => {
  const g = randomSignedGraph(5, 10, 0.6, true);
  const r = await frustrationIndex(g);
  assert.equal(r.value, bruteForceFrustration(g, false));
  assert.equal(frustrationOf(g, r.side, false), r.value);
});

test("switching a node set (flip the signs of its cut edges) leaves the frustration index unchanged", async () => {
  for (let seed = 200; seed < 230; seed++) {
    const g = randomSignedGraph(seed, 11, 0.5, seed % 2 === 0);
    const set = new Set(g.nodes.map((_, i) => i).filter((i) => (i * 7 + seed) % 3 === 0));
    const switched: SignedGraph = {
      nodes: g.nodes,
      edges: g.edges.map((e) => ({
        ...e,
        sign: set.has(e.u) !== set.has(e.v) ? (-e.sign as 1 | -1) : e.sign,
      })),
    };
    const a = await frustrationIndex(g, { weighted: true });
    const b = await frustrationIndex(switched, { weighted: true });
    assert.equal(a.value, b.value, `seed ${seed}`);
    // The switched partition is optimal for the switched graph.
    const moved = a.side.map((s, i) => (set.has(i) ? s ^ 1 : s));
    assert.equal(frustrationOf(switched, moved), b.value);
  }
});

test("a balanced graph has frustration 0, and disconnected parts and bridges are handled", async () => {
  // Two balanced blocs joined by a negative bridge, plus an unbalanced triangle elsewhere.
  const g = buildSignedGraph([
    { source: "a", target: "b", sign: 1 },
    { source: "b", target: "c", sign: 1 },
    { source: "a", target: "c", sign: 1 },
    { source: "c", target: "d", sign: -1 },
    { source: "d", target: "e", sign: 1 },
    { source: "x", target: "y", sign: -1 },
    { source: "y", target: "z", sign: -1 },
    { source: "x", target: "z", sign: -1 },
  ]);
  const r = await frustrationIndex(g);
  assert.equal(r.value, 1);
  assert.equal(r.optimal, true);
  assert.equal(frustrationOf(g, r.side), 1);
  const balanced = buildSignedGraph([
    { source: "a", target: "b", sign: -1 },
    { source: "b", target: "c", sign: -1 },
    { source: "a", target: "c", sign: 1 },
  ]);
  assert.equal((await frustrationIndex(balanced)).value, 0);
});

test("under a time limit the answer is never called optimal unless proven, and its bounds hold", async () => {
  // Dense random graphs with many unbalanced cycles: the bound often falls short of the heuristic.
  for (let seed = 300; seed < 306; seed++) {
    const g = randomSignedGraph(seed, 16, 0.7, false);
    const exact = bruteForceFrustration(g);
    const r = await frustrationIndex(g, { timeLimit: 0.001, exhaustiveMaxNodes: 0 });
    assert.ok(r.lowerBound <= exact, `seed ${seed}: bound ${r.lowerBound} > ${exact}`);
    assert.ok(r.value >= exact);
    assert.equal(frustrationOf(g, r.side), r.value);
    if (r.optimal) assert.equal(r.value, exact);
    else assert.ok(r.lowerBound < r.value);
  }
});
