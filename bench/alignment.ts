// Benchmark: S, κ, π (and agreement, alignment index) for every dyad of every year of the UN vote
// panel, (1) in one DuckDB statement (`alignmentAllDyads`) and (2) with a straightforward
// per-dyad implementation in TypeScript (for each year, for each pair of states, walk the roll
// calls both voted on, build the 3×3 table, compute). Both results are compared.
// Run: npx tsx bench/alignment.ts   (uses the attached panel, else the shared CSVs)
import { cpus, loadavg } from "node:os";
import { alignmentAllDyads } from "../src/measure/alignment.ts";
import { similarityFromTable } from "../src/measure/similarity.ts";
import { Store } from "../src/store/store.ts";
import { ensurePanel } from "../test/measure/csv-panel.ts";

const store = await Store.open(":memory:");
await ensurePanel(store);
let t0 = performance.now();
await store.run("CREATE TEMP TABLE bench_votes AS SELECT rcid, year, iso3, vote FROM ref_unvotes");
const [{ votes }] = await store.all<{ votes: number }>("SELECT count(*) AS votes FROM bench_votes");
const loadMs = performance.now() - t0;

// Wall time depends on what else the shared machine runs; CPU time (user + system, all threads
// of this process) is the work done, and both are reported with the load average.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const runs: number[] = [];
const cpuRuns: number[] = [];
let dyadYears = 0;
for (let i = 0; i < 3; i++) {
  t0 = performance.now();
  const c0 = cpu();
  dyadYears = await alignmentAllDyads(store, "bench_sql", { table: "bench_votes" });
  runs.push(performance.now() - t0);
  cpuRuns.push(cpu() - c0);
}

// Straightforward per-dyad implementation.
t0 = performance.now();
const naiveCpu0 = cpu();
const rows = await store.all<{ rcid: number; year: number; iso3: string; vote: number }>(
  "SELECT rcid, year, iso3, vote FROM bench_votes WHERE vote BETWEEN 1 AND 3 AND iso3 IS NOT NULL",
);
const byYear = new Map<number, Map<string, Map<number, number>>>();
for (const r of rows) {
  const y = byYear.get(r.year) ?? new Map<string, Map<number, number>>();
  byYear.set(r.year, y);
  const s = y.get(r.iso3) ?? new Map<number, number>();
  y.set(r.iso3, s);
  s.set(r.rcid, r.vote);
}
const naive = new Map<string, { kappa: number; pi: number; sAbs: number; sSq: number }>();
for (const [year, states] of byYear) {
  const names = [...states.keys()].sort();
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const va = states.get(names[i])!;
      const vb = states.get(names[j])!;
      const t = [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ];
      for (const [rc, x] of va) {
        const y = vb.get(rc);
        if (y !== undefined) t[x - 1][y - 1]++;
      }
      const m = similarityFromTable(t, [1, 2, 3]);
      if (m) naive.set(`${year} ${names[i]} ${names[j]}`, m);
    }
}
const naiveMs = performance.now() - t0;
const naiveCpu = cpu() - naiveCpu0;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(", ")}`,
);
console.log(`votes: ${votes}; dyad-years: ${dyadYears}; loading votes into a table: ${s(loadMs)}`);
console.log(
  `DuckDB one-pass SQL: wall ${runs.map(s).join(", ")} (best ${s(Math.min(...runs))}); CPU ${cpuRuns.map(s).join(", ")}`,
);
console.log(
  `per-dyad TypeScript (incl. reading the votes out): wall ${s(naiveMs)}; CPU ${s(naiveCpu)}`,
);
const sql = await store.all<{
  year: number;
  a: string;
  b: string;
  kappa: number;
  pi: number;
  sAbs: number;
  sSq: number;
}>("SELECT year, a, b, kappa, pi, sAbs, sSq FROM bench_sql");
let maxDiff = 0;
for (const r of sql) {
  const m = naive.get(`${r.year} ${r.a} ${r.b}`);
  if (!m) throw new Error(`dyad ${r.year} ${r.a} ${r.b} missing from the per-dyad result`);
  maxDiff = Math.max(
    maxDiff,
    Math.abs(m.kappa - r.kappa),
    Math.abs(m.pi - r.pi),
    Math.abs(m.sAbs - r.sAbs),
    Math.abs(m.sSq - r.sSq),
  );
}
if (sql.length !== naive.size) throw new Error(`dyad-years differ: ${sql.length} vs ${naive.size}`);

console.log(`largest |difference| in S, κ, π between the two: ${maxDiff.toExponential(2)}`);
store.close();
