// Benchmark: the Atlas for every UN member state-year 1995–2023 (200 draws): the library call
// `atlas(store, …)` three times in one process (wall and CPU time, per-component split of the
// first run), then the command `ana atlas --from 1995 --to 2023 --json` as a fresh process
// (start-up, panel, computation, JSON on stdout), with the machine's load average.
// Run: npx tsx bench/atlas.ts [--cli-only]
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { atlas } from "../src/atlas/atlas.ts";
import { COMPONENT_SPECS } from "../src/atlas/registry.ts";
import { atlasUniverse } from "../src/atlas/universe.ts";
import { Store } from "../src/store/store.ts";

const FROM = 1995;
const TO = 2023;
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}; load average ${load()}`,
);

if (!process.argv.includes("--cli-only")) {
  const store = await Store.panel();
  // Per component (first run: includes DuckDB's first reads of the Parquet files).
  const years = await atlasUniverse(store, FROM, TO);
  const input = {
    store,
    years,
    poles: { WEST: ["USA"], RUS: ["RUS"], CHN: ["CHN"] },
    poleIds: ["WEST", "RUS", "CHN"],
    draws: 200,
    seed: 1,
    minRollCalls: 40,
    armsWindow: 5,
  };
  const parts: string[] = [];
  for (const c of COMPONENT_SPECS) {
    if (!c.compute) continue;
    const t = performance.now();
    const c0 = cpu();
    await c.compute(input);
    parts.push(`${c.key} ${s(performance.now() - t)} (CPU ${s(cpu() - c0)})`);
  }
  console.log(`components (200 draws): ${parts.join(", ")}`);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c0 = cpu();
    const r = await atlas(store, { from: FROM, to: TO });
    const wall = performance.now() - t;
    const c = cpu() - c0;
    const withIndex = r.rows.filter((x) => x.index !== null).length;
    console.log(
      `library run ${i + 1}: wall ${s(wall)}, CPU ${s(c)}; ${r.rows.length} state-years, ${withIndex} with an index; load ${load()}`,
    );
  }
  store.close();
}

const t = performance.now();
const out = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "src/cli/main.ts",
    "atlas",
    "--from",
    String(FROM),
    "--to",
    String(TO),
    "--json",
  ],
  { cwd: ROOT, maxBuffer: 1 << 30, encoding: "utf8" },
);
const wall = performance.now() - t;
if (out.status !== 0) throw new Error(`ana atlas failed: ${out.stderr}`);
const r = JSON.parse(out.stdout) as { rows: { year: number }[] };
console.log(
  `CLI (tsx, fresh process) ana atlas --from ${FROM} --to ${TO} --json: wall ${s(wall)}; ${r.rows.length} rows, ${(out.stdout.length / 1e6).toFixed(1)} MB of JSON; load ${load()}`,
);
