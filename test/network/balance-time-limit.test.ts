import assert from "node:assert/strict";
import { after, test } from "node:test";
import { balanceReport } from "../../src/network/balance-report.ts";
import { brokerageReport } from "../../src/network/brokerage-report.ts";
import { frustrationHeuristic } from "../../src/network/frustration-heuristic.ts";
import { kernelize } from "../../src/network/kernelize.ts";
import { mulberry32 } from "../../src/network/random.ts";
import type { SignedGraph } from "../../src/network/signed-graph.ts";
import { frustrationOf } from "../../src/network/signed-graph.ts";
import { stopMipWorker } from "../../src/network/solve-mip.ts";
import { TimeLimitError } from "../../src/network/time-limit-error.ts";
import { triadCensus } from "../../src/network/triad-census.ts";
import { balanceOfPeriods } from "../../src/ops/operations/balance.ts";
import { randomSignedGraph } from "../util/signed-graphs.ts";

after(() => stopMipWorker());

/** A sparse random signed graph with m distinct edges on n nodes (70 % positive). */
function sparseGraph(seed: number, n: number, m: number): SignedGraph {
  const rand = mulberry32(seed);
  const seen = new Set<number>();
  const edges: SignedGraph["edges"] = [];
  while (edges.length < m) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    if (a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ u: a, v: b, sign: rand() < 0.7 ? 1 : -1, weight: 1 });
  }
  return { nodes: Array.from({ length: n }, (_, i) => `n${i}`), edges };
}

/**
 * Seconds of the linear-time work that runs whatever the limit (kernelisation, one descent of the
 * local search, the triad census), measured here and now: the slack allowed over the limit scales
 * with it, so that a loaded machine does not fail the test, while an unbounded run (the old code
 * took minutes on these graphs) still does.
 */
function fixedWork(g: SignedGraph): number {
  const t0 = performance.now();
  kernelize(g.nodes.length, g.edges);
  frustrationHeuristic(g.nodes.length, g.edges, { deadline: 0 });
  triadCensus(g);
  return (performance.now() - t0) / 1000;
}
const slack = (g: SignedGraph, times = 1) => 1 + 3 * times * fixedWork(g);

test("balanceReport with k-balance on a 60k-edge graph finishes within its time limit (+ slack) with a valid partition", async () => {
  const g = sparseGraph(1, 6000, 60_000);
  const limit = 2;
  const allowed = limit + slack(g);
  const t0 = performance.now();
  const r = await balanceReport(g, null, { timeLimit: limit, groups: 3 });
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < allowed, `took ${seconds} s for a ${limit} s limit (allowed ${allowed})`);
  // The answers are still real: the partition attains the reported value, the bound is below it.
  const side = Uint8Array.from(g.nodes, (v) => r.partition[v]);
  assert.equal(frustrationOf(g, side, false), r.frustration);
  assert.ok(r.lowerBound <= r.frustration);
  assert.ok(r.groups && r.groups.value >= 0);
  assert.equal(r.walkIndex, null);
  assert.match(r.notes?.join(" ") ?? "", /walk index left out/);
});

test("the time limit bounds the whole call over many periods, not each period", async () => {
  const periods = Array.from({ length: 4 }, (_, i) => {
    const g = sparseGraph(10 + i, 3000, 30_000);
    return {
      period: String(2000 + i),
      edges: g.edges.map((e) => ({
        source: g.nodes[e.u],
        target: g.nodes[e.v],
        sign: e.sign,
        weight: 1,
      })),
    };
  });
  const limit = 2;
  const allowed = limit + slack(sparseGraph(10, 3000, 30_000), 4);
  const t0 = performance.now();
  const out = await balanceOfPeriods(periods, { timeLimit: limit, groups: 2 });
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(out.results.length, 4);
  assert.ok(
    seconds < allowed,
    `took ${seconds} s for a ${limit} s limit over 4 periods (allowed ${allowed})`,
  );
});

test("small graphs still get the walk index and a proven optimum under the time limit", async () => {
  const g = randomSignedGraph(3, 12, 0.5);
  const r = await balanceReport(g, null, { timeLimit: 10 });
  assert.equal(r.optimal, true);
  assert.equal(typeof r.walkIndex, "number");
  assert.equal(r.notes, undefined);
});

test("brokerageReport on a graph too large for its time limit stops with a TimeLimitError within the limit (+ slack)", async () => {
  const g = sparseGraph(7, 20_000, 100_000);
  const limit = 1;
  const allowed = limit + slack(g);
  const t0 = performance.now();
  await assert.rejects(brokerageReport(g, { timeLimit: limit }), (e: unknown) => {
    assert.ok(e instanceof TimeLimitError, String(e));
    assert.match(e.message, /betweenness: the time limit ran out after \d+ of 20000 source nodes/);
    return true;
  });
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < allowed, `took ${seconds} s for a ${limit} s limit (allowed ${allowed})`);
});
