import assert from "node:assert/strict";
import { after, test } from "node:test";
import { frustrationModel } from "../../src/network/frustration-model.ts";
import { toCplexLp } from "../../src/network/mip-model.ts";
import { solveMip, stopMipWorker } from "../../src/network/solve-mip.ts";
import { unbalancedTriangles } from "../../src/network/triangles.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

after(() => stopMipWorker());

test("the XOR model solved by HiGHS in the worker gives the brute-force frustration index", async () => {
  for (let seed = 1; seed <= 12; seed++) {
    const g = randomSignedGraph(seed, 9, 0.6, seed % 2 === 0);
    const m = frustrationModel(g.nodes.length, g.edges, {
      triangles: unbalancedTriangles(g),
      binaryEdges: seed % 3 === 0,
    });
    const r = await solveMip({ model: m, timeLimit: 20, relGap: 0, absGap: 0.5 });
    assert.equal(r.status, "optimal");
    assert.ok(
      Math.abs((r.objective ?? Number.NaN) - bruteForceFrustration(g)) < 1e-6,
      `seed ${seed}`,
    );
  }
});

test("the XOR model without triangle inequalities gives the same optimum", async () => {
  const g = randomSignedGraph(77, 10, 0.5, false);
  const r = await solveMip({
    model: frustrationModel(10, g.edges),
    timeLimit: 20,
    relGap: 0,
    absGap: 0.5,
  });
  assert.equal(Math.round(r.objective ?? -1), bruteForceFrustration(g));
});

test("toCplexLp writes every variable, row, bound and the integer section", () => {
  const g = randomSignedGraph(3, 5, 1, false);
  const m = frustrationModel(5, g.edges, {
    fixedNode: 2,
    triangles: unbalancedTriangles(g),
    binaryEdges: true,
  });
  const lp = toCplexLp(m);
  assert.match(lp, /^Minimize/m);
  assert.match(lp, / x2 = 1/);
  assert.equal((lp.match(/^ c\d+:/gm) ?? []).length, m.rowLower.length);
  assert.match(lp, /^General/m);
  assert.match(lp, /^End/m);
});
