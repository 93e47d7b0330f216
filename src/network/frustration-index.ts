import { biconnectedBlocks } from "./biconnected-blocks.ts";
import { cyclePackingBound } from "./cycle-packing-bound.ts";
import { frustrationExhaustive } from "./frustration-exhaustive.ts";
import { frustrationHeuristic } from "./frustration-heuristic.ts";
import { frustrationModel } from "./frustration-model.ts";
import { expandSides, kernelize } from "./kernelize.ts";
import type { SignedEdge, SignedGraph } from "./signed-graph.ts";
import { solveMip, startMipWorker } from "./solve-mip.ts";
import { unbalancedTriangles } from "./triangles.ts";
import { weightScale } from "./weight-scale.ts";

export interface FrustrationOptions {
  /** Minimise total weight of frustrated edges (default: their number). */
  weighted?: boolean;
  /** Wall-clock budget in seconds for the whole graph (default 60). */
  timeLimit?: number;
  /** Seed of the heuristic start. */
  seed?: number;
  /** Blocks of at most this many nodes that the bound does not settle are enumerated (default 20). */
  exhaustiveMaxNodes?: number;
}

export interface FrustrationResult {
  /** Weight (or number) of frustrated edges under `side`: the index when `optimal`. */
  value: number;
  /** Proven lower bound on the index; equals `value` when `optimal`. */
  lowerBound: number;
  /** True only when `value` is proven minimal. */
  optimal: boolean;
  /** Side 0/1 of every node: the two blocs. */
  side: Uint8Array;
  /** Indices of the frustrated edges under `side`. */
  frustrated: number[];
  seconds: number;
  /** How the blocks were settled. */
  stats: {
    /** Size of the kernel after exact reductions. */
    kernelNodes: number;
    kernelEdges: number;
    blocks: number;
    bridges: number;
    enumerated: number;
    provedByBound: number;
    solvedByMip: number;
    unresolved: number;
  };
}

interface BlockResult {
  nodes: number[];
  side: Uint8Array;
  value: number;
  lowerBound: number;
  optimal: boolean;
  via: "enumeration" | "bound" | "mip" | "unresolved";
}

/** Tie tolerance on unit-scale weights (the graph is scaled so that its largest weight is in [1, 2)). */
const EPS = 1e-9;
/** Packing orders tried, and their time budget, before a block goes to the MIP solver. */
const PACKING_ROUNDS = 40;
const PACKING_BUDGET_MS = 250;
/** Share of the remaining time the local search may use. */
const HEURISTIC_SHARE = 0.3;
/**
 * Cost model of the MIP path, so that it starts only when it can finish inside the time limit:
 * building the model (seconds per edge, unbalanced triangles included) and handing it to the
 * solver worker and reading the answer back (seconds per nonzero, plus a fixed part). Measured on
 * 200k-edge graphs (1.4 s to build, ~0.9 s of transfer for ~1.3M nonzeros), with a margin.
 */
const MIP_BUILD_SECONDS_PER_EDGE = 1e-5;
const MIP_TRANSFER_SECONDS = { fixed: 0.15, perNonzero: 1e-6 };

/**
 * Exact frustration index (line index of balance) of a signed graph: the minimum number, or
 * weight, of edges whose removal (equivalently, sign change) makes the graph balanced.
 *
 * Speed-ups: exact kernelisation first (heavy-edge contraction, which removes degree-1 nodes,
 * and merging of twins, which collapses alliance cliques; see kernelize.ts); then the kernel is
 * split into biconnected blocks (every cycle lies in one block, so the
 * index is their sum; this solves components separately and drops bridges and degree-1 nodes);
 * each block gets a local-search upper bound and an unbalanced-cycle-packing lower bound, and
 * only when they differ is the block enumerated (≤ 20 nodes) or the XOR model solved by HiGHS in a worker thread, with the heuristic
 * as its start, the highest-degree node fixed, and unbalanced-triangle inequalities. Blocks'
 * partitions are then combined across cut vertices by switching whole blocks.
 *
 * Under the time limit the best partition found is returned with its proven lower bound and
 * `optimal: false`; `optimal` is true only when every block is proven.
 */
export async function frustrationIndex(
  g: SignedGraph,
  options: FrustrationOptions = {},
): Promise<FrustrationResult> {
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimit ?? 60) * 1000;
  const n = g.nodes.length;
  const weightOf = (e: SignedEdge) => (options.weighted ? e.weight : 1);
  // Solve on unit-scale weights (an exact power-of-two factor), so that every tolerance below is
  // relative to the data's scale; the value is then summed from the original weights.
  const scale = weightScale(g.edges.map(weightOf));
  const edges: SignedEdge[] = g.edges.map((e) => ({ ...e, weight: weightOf(e) * scale }));
  const integer = edges.every((e) => Number.isInteger(e.weight));
  const kernel = kernelize(n, edges);
  const kn = kernel.nodes.length;
  const blocks = biconnectedBlocks(kn, kernel.edges);
  const stats = {
    kernelNodes: kn,
    kernelEdges: kernel.edges.length,
    blocks: blocks.length,
    bridges: 0,
    enumerated: 0,
    provedByBound: 0,
    solvedByMip: 0,
    unresolved: 0,
  };

  const results: BlockResult[] = [];
  for (const block of blocks) {
    if (block.length === 1) {
      const e = kernel.edges[block[0]];
      stats.bridges++;
      results.push({
        nodes: [e.u, e.v],
        side: Uint8Array.of(0, e.sign > 0 ? 0 : 1),
        value: 0,
        lowerBound: 0,
        optimal: true,
        via: "bound",
      });
      continue;
    }
    const r = await solveBlock(kernel.edges, block, integer, deadline, options);
    stats[
      r.via === "enumeration"
        ? "enumerated"
        : r.via === "bound"
          ? "provedByBound"
          : r.via === "mip"
            ? "solvedByMip"
            : "unresolved"
    ]++;
    results.push(r);
  }

  // Combine: walk the block–cut tree, switching each block to agree at its cut vertex.
  const side = new Int8Array(kn).fill(-1);
  const nodeBlocks: number[][] = Array.from({ length: kn }, () => []);
  results.forEach((r, b) => {
    for (const i of r.nodes) nodeBlocks[i].push(b);
  });
  const done = new Uint8Array(results.length);
  for (let b0 = 0; b0 < results.length; b0++) {
    if (done[b0]) continue;
    done[b0] = 1;
    const queue = [b0];
    while (queue.length) {
      const b = queue.shift()!;
      const r = results[b];
      let flip = 0;
      const anchor = r.nodes.findIndex((i) => side[i] >= 0);
      if (anchor >= 0) flip = side[r.nodes[anchor]] ^ r.side[anchor];
      r.nodes.forEach((i, k) => {
        side[i] = r.side[k] ^ flip;
      });
      for (const i of r.nodes)
        for (const b2 of nodeBlocks[i])
          if (!done[b2]) {
            done[b2] = 1;
            queue.push(b2);
          }
    }
  }
  const finalSide = expandSides(
    kernel,
    Uint8Array.from(side, (s) => Math.max(s, 0)),
  );
  const frustrated: number[] = [];
  let value = 0;
  let unitValue = 0;
  edges.forEach((e, k) => {
    if (e.sign > 0 ? finalSide[e.u] !== finalSide[e.v] : finalSide[e.u] === finalSide[e.v]) {
      frustrated.push(k);
      value += weightOf(g.edges[k]);
      unitValue += e.weight;
    }
  });
  const blockSum = kernel.offset + results.reduce((s, r) => s + r.value, 0);
  if (Math.abs(blockSum - unitValue) > 1e-6 * Math.max(1, unitValue))
    throw new Error(
      `frustration-index: blocks sum to ${blockSum} but the combined partition frustrates ${unitValue}`,
    );
  const lowerBound = (kernel.offset + results.reduce((s, r) => s + r.lowerBound, 0)) / scale;
  const optimal = results.every((r) => r.optimal);
  return {
    value,
    lowerBound: optimal ? value : Math.min(lowerBound, value),
    optimal,
    side: finalSide,
    frustrated,
    seconds: (performance.now() - t0) / 1000,
    stats,
  };
}

async function solveBlock(
  all: SignedEdge[],
  block: number[],
  integer: boolean,
  deadline: number,
  options: FrustrationOptions,
): Promise<BlockResult> {
  const local = new Map<number, number>();
  const nodes: number[] = [];
  const id = (i: number) => {
    let j = local.get(i);
    if (j === undefined) {
      j = nodes.length;
      local.set(i, j);
      nodes.push(i);
    }
    return j;
  };
  const edges: SignedEdge[] = block.map((k) => {
    const e = all[k];
    return { u: id(e.u), v: id(e.v), sign: e.sign, weight: e.weight };
  });
  const n = nodes.length;
  // One greedy packing first: the heuristic stops as soon as it reaches that bound.
  const round = (b: number) => (integer ? Math.ceil(b - 1e-6) : b);
  // Budgets are shares of what is left of the whole call's time (a packing cut short still
  // gives a valid bound; the heuristic always returns a partition).
  const left = () => Math.max(0, deadline - performance.now());
  const first = round(cyclePackingBound(n, edges, { budgetMs: Math.max(1, left() * 0.1) }).bound);
  const h = frustrationHeuristic(n, edges, {
    seed: options.seed,
    target: first,
    deadline: performance.now() + Math.max(5, left() * HEURISTIC_SHARE),
  });
  let side = h.side;
  let value = h.value;
  let lowerBound = first;
  if (value > lowerBound + EPS) {
    // Try more packing orders; stop as soon as the bound meets the heuristic value.
    const budgetMs = Math.min(PACKING_BUDGET_MS, Math.max(0, (deadline - performance.now()) / 4));
    const packed = cyclePackingBound(n, edges, {
      target: value,
      rounds: PACKING_ROUNDS,
      budgetMs,
      seed: 2,
    });
    lowerBound = Math.max(lowerBound, round(packed.bound));
  }
  if (value <= lowerBound + EPS)
    return { nodes, side, value, lowerBound: value, optimal: true, via: "bound" };
  // Small blocks the bound does not settle: enumerate every partition rather than start a MIP.
  if (n <= (options.exhaustiveMaxNodes ?? 20)) {
    const x = frustrationExhaustive(n, edges);
    return {
      nodes,
      side: x.side,
      value: x.value,
      lowerBound: x.value,
      optimal: true,
      via: "enumeration",
    };
  }

  // The MIP path only when building, posting and solving it fits in the time left.
  const buildSeconds = MIP_BUILD_SECONDS_PER_EDGE * edges.length;
  if (left() / 1000 > 2 * buildSeconds + 0.1) await startMipWorker();
  if (left() / 1000 <= 2 * buildSeconds + 0.1)
    return { nodes, side, value, lowerBound, optimal: false, via: "unresolved" };
  const deg = new Array<number>(n).fill(0);
  for (const e of edges) {
    deg[e.u]++;
    deg[e.v]++;
  }
  const fixed = deg.reduce((best, d, i) => (d > deg[best] ? i : best), 0);
  const model = frustrationModel(n, edges, {
    fixedNode: fixed,
    triangles: unbalancedTriangles({ nodes, edges }),
  });
  // Time for HiGHS itself: what is left after building, minus handing the model over and back.
  const transfer =
    MIP_TRANSFER_SECONDS.fixed + MIP_TRANSFER_SECONDS.perNonzero * model.rowIndex.length;
  const remaining = left() / 1000 - transfer;
  if (remaining <= 0.05)
    return { nodes, side, value, lowerBound, optimal: false, via: "unresolved" };
  const x = side[fixed] === 1 ? side : side.map((s) => s ^ 1);
  const start = [
    ...Array.from(x),
    ...edges.map((e) => ((e.sign > 0 ? x[e.u] !== x[e.v] : x[e.u] === x[e.v]) ? 1 : 0)),
  ];
  const r = await solveMip({
    model,
    start,
    timeLimit: Math.max(0.05, remaining * 0.9),
    // HiGHS can overrun its limit on large models: the worker is stopped at the deadline.
    hardLimit: Math.max(0.1, left() / 1000 - 0.05),
    relGap: integer ? 0 : 1e-7,
    absGap: integer ? 0.999 : 1e-7,
  });
  if (r.solution) {
    const s = Uint8Array.from(r.solution.slice(0, n), (v) => (v > 0.5 ? 1 : 0));
    let v = 0;
    for (const e of edges) if (e.sign > 0 ? s[e.u] !== s[e.v] : s[e.u] === s[e.v]) v += e.weight;
    if (v < value - EPS) {
      side = s;
      value = v;
    }
  }
  if (r.bound !== undefined)
    lowerBound = Math.max(lowerBound, integer ? Math.ceil(r.bound - 1e-6) : r.bound);
  const optimal =
    (r.status === "optimal" && r.objective !== undefined && value <= r.objective + 1e-6) ||
    value <= lowerBound + EPS;
  if (r.status === "optimal" && !integer)
    lowerBound = Math.max(lowerBound, Math.min(value, r.bound ?? value));
  return {
    nodes,
    side,
    value,
    lowerBound: optimal ? value : lowerBound,
    optimal,
    via: optimal ? "mip" : "unresolved",
  };
}
