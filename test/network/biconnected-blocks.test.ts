import assert from "node:assert/strict";
import { test } from "node:test";
import { biconnectedBlocks } from "../../src/network/biconnected-blocks.ts";
import type { SignedEdge } from "../../src/network/signed-graph.ts";

const e = (u: number, v: number): SignedEdge => ({ u, v, sign: 1, weight: 1 });

test("biconnectedBlocks splits a bow-tie with a tail into two triangles and a bridge", () => {
  const edges = [e(0, 1), e(1, 2), e(0, 2), e(2, 3), e(3, 4), e(2, 4), e(4, 5)];
  const blocks = biconnectedBlocks(6, edges)
    .map((b) => b.sort((x, y) => x - y))
    .sort((a, b) => a[0] - b[0]);
  assert.deepEqual(blocks, [[0, 1, 2], [3, 4, 5], [6]]);
});

test("biconnectedBlocks puts every edge in exactly one block, across components", () => {
  const edges = [e(0, 1), e(1, 2), e(2, 0), e(3, 4), e(5, 6), e(6, 7), e(7, 8), e(8, 5), e(5, 7)];
  const blocks = biconnectedBlocks(9, edges);
  const all = blocks.flat().sort((a, b) => a - b);
  assert.deepEqual(
    all,
    edges.map((_, k) => k),
  );
  assert.equal(blocks.length, 3);
});
