import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, test } from "node:test";
import { kBalance } from "../../src/network/k-balance.ts";
import { readEdgeList } from "../../src/network/read-edge-list.ts";
import { buildSignedGraph, type SignedGraph } from "../../src/network/signed-graph.ts";
import { stopMipWorker } from "../../src/network/solve-mip.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

after(() => stopMipWorker());

const criterion = (g: SignedGraph, c: ArrayLike<number>) =>
  g.edges.filter((e) => (e.sign > 0 ? c[e.u] !== c[e.v] : c[e.u] === c[e.v])).length;

function bruteK(g: SignedGraph, k: number): number {
  const n = g.nodes.length;
  const c = new Uint8Array(n);
  let best = Number.POSITIVE_INFINITY;
  const rec = (i: number) => {
    if (i === n) {
      best = Math.min(best, criterion(g, c));
      return;
    }
    for (let x = 0; x < k; x++) {
      c[i] = x;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

test("kBalance(tribes, 3) is 2, proven (signnet signed_blockmodel k = 3 criterion 2)", async () => {
  const f = "test/data/graphs/tribes_edges.csv";
  const g = buildSignedGraph(readEdgeList(f, readFileSync(f, "utf8"))[0].edges);
  const r = await kBalance(g, 3);
  assert.equal(r.value, 2);
  assert.equal(r.optimal, true);
  assert.equal(criterion(g, r.cluster), 2);
});

test("kBalance equals brute force for k = 3 on random small graphs, and k = 2 is the frustration index", async () => {
  for (let seed = 1; seed <= 8; seed++) {
    const g = randomSignedGraph(seed, 8, 0.5, false, 0.5);
    const r3 = await kBalance(g, 3);
    assert.equal(r3.value, bruteK(g, 3), `seed ${seed}`);
    assert.equal(criterion(g, r3.cluster), r3.value);
    const r2 = await kBalance(g, 2);
    assert.equal(r2.value, bruteForceFrustration(g), `seed ${seed}`);
  }
});

test("kBalance beyond the exact size limit is a heuristic and says so", async () => {
  const g = randomSignedGraph(9, 12, 0.5);
  const r = await kBalance(g, 3, { exactMaxNodes: 5 });
  assert.equal(r.method, "heuristic");
  assert.ok(r.value >= bruteK(g, 3));
  assert.equal(r.optimal, r.value === 0);
});
