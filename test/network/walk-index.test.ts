import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import { buildSignedGraph } from "../../src/network/signed-graph.ts";
import { walkIndex } from "../../src/network/walk-index.ts";

test("walkIndex(tribes) is 0.3575761 (signnet balance_score 'walk')", () => {
  const f = "test/data/graphs/tribes_edges.csv";
  const g = buildSignedGraph(readEdgeList(f, readFileSync(f, "utf8"))[0].edges);
  assert.ok(Math.abs(walkIndex(g)! - 0.3575761) < 5e-8);
});

test("walkIndex is 1 for a balanced graph (A is similar to |A| by switching)", () => {
  const g = buildSignedGraph([
    { source: "a", target: "b", sign: 1 },
    { source: "b", target: "c", sign: -1 },
    { source: "a", target: "c", sign: -1 },
    { source: "c", target: "d", sign: 1 },
  ]);
  assert.ok(Math.abs(walkIndex(g)! - 1) < 1e-12);
});

test("walkIndex of an all-negative triangle is (2e + e^-2)/(e^2 + 2/e)", () => {
  const g = buildSignedGraph([
    { source: "a", target: "b", sign: -1 },
    { source: "b", target: "c", sign: -1 },
    { source: "a", target: "c", sign: -1 },
  ]);
  // Eigenvalues of −(J − I): 1, 1, −2; of J − I: 2, −1, −1.
  const expected = (2 * Math.E + Math.exp(-2)) / (Math.exp(2) + 2 * Math.exp(-1));
  assert.ok(Math.abs(walkIndex(g)! - expected) < 1e-12);
});
