// Benchmark: exact frustration index on the signed IR networks in bench/data/ (built by
// bench/build-ir-networks.ts), ANA's solver against GLPK's `glpsol --cuts` on the XOR model of
// Aref, Mason & Wilson (2020) with unbalanced-triangle inequalities and the highest-degree node
// fixed, written from the same graph. Both are timed end to end from the graph in memory to the
// answer: ANA's whole pipeline (kernel, blocks, heuristic, bound, any MIP including the worker's
// start-up); glpsol's process (start, read the LP file, solve, write the solution). Writing the
// LP file is not counted against glpsol. Median of --repeat runs. Results must agree.
//   node --import tsx bench/frustration.ts [--repeat 3] [--highs] [--out bench/results/frustration.md]
// --highs adds HiGHS alone on the same XOR model (no reductions, no bound, warm worker), to show
// what the reductions buy.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { frustrationIndex } from "../src/network/frustration-index.ts";
import { frustrationModel } from "../src/network/frustration-model.ts";
import { toCplexLp } from "../src/network/mip-model.ts";
import { readEdgeList } from "../src/network/read-edge-list.ts";
import { buildSignedGraph } from "../src/network/signed-graph.ts";
import { solveMip, stopMipWorker } from "../src/network/solve-mip.ts";
import { unbalancedTriangles } from "../src/network/triangles.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const repeat = Number(opt("repeat", "3"));
const out = opt("out", "bench/results/frustration.md");
const withHighs = args.includes("--highs");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const index = readFileSync("bench/data/index.csv", "utf8").trim().split("\n").slice(1);
const tmp = mkdtempSync(join(tmpdir(), "ana-bench-"));
const glpsolVersion = execFileSync("glpsol", ["--version"], { encoding: "utf8" }).split("\n")[0];

// glpsol's fixed cost (process start, tiny model), to report its times with that taken off too.
const tinyLp = join(tmp, "tiny.lp");
writeFileSync(
  tinyLp,
  "Minimize\n obj: x\nSubject To\n c: x >= 0\nBounds\n 0 <= x <= 1\nGeneral\n x\nEnd\n",
);
const overheads: number[] = [];
for (let r = 0; r < 5; r++) {
  const s = performance.now();
  spawnSync("glpsol", ["--lp", tinyLp, "--cuts", "-o", join(tmp, "tiny.sol")]);
  overheads.push((performance.now() - s) / 1000);
}
const overhead = median(overheads);

interface Row {
  file: string;
  nodes: number;
  edges: number;
  negative: number;
  L: number;
  ana: number;
  glpsol: number;
  highs?: number;
  how: string;
  kernel: string;
}
const rows: Row[] = [];
const t0 = performance.now();
for (const line of index) {
  const [file] = line.split(",");
  const path = join("bench/data", file);
  const g = buildSignedGraph(readEdgeList(path, readFileSync(path, "utf8"))[0].edges);
  const n = g.nodes.length;
  // GLPK: the AMW XOR model, binary f, all unbalanced-triangle inequalities, max-degree node fixed.
  const model = frustrationModel(n, g.edges, {
    triangles: unbalancedTriangles(g),
    binaryEdges: true,
  });
  const lpFile = join(tmp, `${file}.lp`);
  const solFile = join(tmp, `${file}.sol`);
  writeFileSync(lpFile, toCplexLp(model));
  const glp: number[] = [];
  let glpObjective = Number.NaN;
  for (let r = 0; r < repeat; r++) {
    const s = performance.now();
    const p = spawnSync("glpsol", ["--lp", lpFile, "--cuts", "-o", solFile], { encoding: "utf8" });
    glp.push((performance.now() - s) / 1000);
    if (p.status !== 0 || !/INTEGER OPTIMAL SOLUTION FOUND/.test(p.stdout))
      throw new Error(`glpsol did not prove optimality on ${file}:\n${p.stdout.slice(-500)}`);
    glpObjective = Number(
      /Objective:\s+obj = ([\d.e+-]+)/.exec(readFileSync(solFile, "utf8"))?.[1],
    );
  }
  const ours: number[] = [];
  let res: Awaited<ReturnType<typeof frustrationIndex>> | undefined;
  for (let r = 0; r < repeat; r++) {
    const s = performance.now();
    res = await frustrationIndex(g, { timeLimit: 600 });
    ours.push((performance.now() - s) / 1000);
  }
  if (!res!.optimal || res!.value !== glpObjective)
    throw new Error(
      `${file}: ANA ${res!.value} (optimal ${res!.optimal}) vs glpsol ${glpObjective}`,
    );
  let highs: number | undefined;
  if (withHighs) {
    const s = performance.now();
    const h = await solveMip({ model, timeLimit: 600, relGap: 0, absGap: 0.999 });
    highs = (performance.now() - s) / 1000;
    if (h.status !== "optimal" || Math.round(h.objective ?? -1) !== glpObjective)
      throw new Error(`${file}: HiGHS alone ${h.status} ${h.objective}`);
  }
  const st = res!.stats;
  const how =
    [
      st.enumerated ? `${st.enumerated} enum` : "",
      st.provedByBound ? `${st.provedByBound} bound` : "",
      st.solvedByMip ? `${st.solvedByMip} MIP` : "",
    ]
      .filter(Boolean)
      .join(", ") || "kernel only";
  rows.push({
    file,
    nodes: n,
    edges: g.edges.length,
    negative: g.edges.filter((e) => e.sign < 0).length,
    L: res!.value,
    ana: median(ours),
    glpsol: median(glp),
    highs,
    how,
    kernel: `${st.kernelNodes}/${st.kernelEdges}`,
  });
  process.stderr.write(
    `${file}: L=${res!.value} ana ${median(ours).toFixed(3)} s, glpsol ${median(glp).toFixed(3)} s${highs === undefined ? "" : `, highs ${highs.toFixed(3)} s`}\n`,
  );
}
await stopMipWorker();

const sum = (k: "ana" | "glpsol" | "highs") => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.glpsol / r.ana), 0) / rows.length);
const wins = rows.filter((r) => r.ana < r.glpsol).length;
const f = (x: number) => x.toFixed(3);
const md = [
  "# Exact frustration index: ANA vs `glpsol --cuts`",
  "",
  `Run ${new Date().toISOString().slice(0, 16)}Z by \`node --import tsx bench/frustration.ts --repeat ${repeat}${withHighs ? " --highs" : ""}\`.`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), shared with other jobs (load average at the end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " / ",
    )}, so absolute times are inflated and noisy; both solvers ran interleaved under the same load); Node ${process.version}; ${glpsolVersion}; highs (npm) 1.15.3.`,
  "",
  "Networks: bench/data/ (see bench/data/README.md): yearly signed networks of states, + = ATOP alliance, − = strategic rivalry (Thompson–Dreyer ∪ TSS); `def` counts defence/offence pacts, `any` every ATOP obligation.",
  "",
  "Both solvers are timed end to end from the graph to a proven optimum (median of the runs). ANA: kernelisation (heavy edges, twins), biconnected blocks, enumeration of small blocks, local search + unbalanced-cycle packing bound, HiGHS XOR model in a worker only when the bound does not meet the heuristic (its start-up is then counted). glpsol: the XOR model of Aref, Mason & Wilson (2020) with binary f, every unbalanced-triangle inequality, the highest-degree node fixed, `--cuts`; process start, LP parsing and solution writing included, LP file writing not. Every frustration index below was proven optimal by both and they agree.",
  "",
  `glpsol's fixed cost (process start and a one-variable model, median of 5) was ${f(overhead)} s; with it taken off every run, glpsol's total is ${f(Math.max(0, sum("glpsol") - rows.length * overhead))} s, ratio ${(Math.max(0, sum("glpsol") - rows.length * overhead) / sum("ana")).toFixed(1)}×.`,
  "",
  `**Totals over ${rows.length} networks: ANA ${f(sum("ana"))} s, glpsol ${f(sum("glpsol"))} s, ratio ${(sum("glpsol") / sum("ana")).toFixed(1)}× (geometric mean of per-network ratios ${geo.toFixed(1)}×); ANA faster on ${wins} of ${rows.length}.**${withHighs ? ` HiGHS alone on the same XOR model (warm worker, no reductions): ${f(sum("highs"))} s.` : ""}`,
  "",
  `| network | nodes | edges | negative | L(G) | ANA s | glpsol s | glpsol/ANA |${withHighs ? " HiGHS alone s |" : ""} kernel n/m | proved by |`,
  `|---|---|---|---|---|---|---|---|${withHighs ? "---|" : ""}---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.file.replace(".csv", "")} | ${r.nodes} | ${r.edges} | ${r.negative} | ${r.L} | ${f(r.ana)} | ${f(r.glpsol)} | ${(r.glpsol / r.ana).toFixed(1)} |${withHighs ? ` ${f(r.highs ?? Number.NaN)} |` : ""} ${r.kernel} | ${r.how} |`,
  ),
  "",
  `Wall time of the whole benchmark: ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  "",
];
writeFileSync(out, md.join("\n"));
console.log(md.slice(0, 12).join("\n"));
