import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import { buildSignedGraph } from "../../src/network/signed-graph.ts";
import { structuralHoles } from "../../src/network/structural-holes.ts";

const f = "test/data/graphs/borgatti1997_structural_holes_example_edges.csv";
const g = buildSignedGraph(
  readEdgeList(f, readFileSync(f, "utf8"), { requireSign: false })[0].edges,
);
const at = (xs: (number | null)[], v: string) => xs[g.nodes.indexOf(v)]!;

test("effective size on Borgatti's (1997) example: G 4.67, A 2.50, C 1 (unweighted)", () => {
  const { effectiveSize } = structuralHoles(g.nodes.length, g.edges);
  assert.ok(Math.abs(at(effectiveSize, "G") - 14 / 3) < 1e-9);
  assert.ok(Math.abs(at(effectiveSize, "A") - 2.5) < 1e-9);
  assert.equal(at(effectiveSize, "C"), 1);
});

test("constraint on Borgatti's example: G 0.400, A 0.595, C 1 (unweighted)", () => {
  const { constraint } = structuralHoles(g.nodes.length, g.edges);
  assert.ok(Math.abs(at(constraint, "G") - 0.4) < 5e-4);
  assert.ok(Math.abs(at(constraint, "A") - 0.595) < 5e-4);
  assert.equal(at(constraint, "C"), 1);
});

test("weighted constraint and effective size on Borgatti's example: G 0.299 / 5.47, A 0.795 / 2.47, C 1 / 1", () => {
  const { constraint, effectiveSize } = structuralHoles(g.nodes.length, g.edges, true);
  assert.ok(Math.abs(at(constraint, "G") - 0.299) < 5e-4);
  assert.ok(Math.abs(at(constraint, "A") - 0.795) < 5e-4);
  assert.equal(at(constraint, "C"), 1);
  assert.ok(Math.abs(at(effectiveSize, "G") - 5.47) < 5e-3);
  assert.ok(Math.abs(at(effectiveSize, "A") - 2.47) < 5e-3);
  assert.equal(at(effectiveSize, "C"), 1);
});

test("unweighted effective size is n − 2t/n (Borgatti's shortcut) for every node", () => {
  const { effectiveSize } = structuralHoles(g.nodes.length, g.edges);
  const nb = g.nodes.map(() => new Set<number>());
  for (const e of g.edges) {
    nb[e.u].add(e.v);
    nb[e.v].add(e.u);
  }
  g.nodes.forEach((_, i) => {
    const alters = [...nb[i]];
    let t = 0;
    for (const a of alters) for (const b of alters) if (a < b && nb[a].has(b)) t++;
    assert.ok(Math.abs(effectiveSize[i]! - (alters.length - (2 * t) / alters.length)) < 1e-12);
  });
});

test("an isolate has no constraint or effective size (null, not 0)", () => {
  const r = structuralHoles(3, [{ u: 0, v: 1, sign: 1, weight: 1 }]);
  assert.equal(r.constraint[2], null);
  assert.equal(r.effectiveSize[2], null);
});
