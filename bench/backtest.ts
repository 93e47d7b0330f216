// The DEU backtest's cost: parse, point forecasts of every model, and the SMP/BDM Monte Carlo,
// on the 121-issue development file and on a 363-issue file (the same issues three times with new
// ids: the size of the full DEU III set), with 1 and 2 worker threads. Prints wall and CPU time
// and the load average before and after each step (the machine is shared: read it with the load).
// Also: one EU-27-sized issue (the file's first issue moved to 2008 with every member stating a
// position: 29 actors), the size of most of the unseen DEU II/III issues.
// Usage: node --import tsx bench/backtest.ts [file.tsv] [draws]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { BACKTEST_DEFAULTS } from "../src/backtest/defaults.ts";
import { parseDeu } from "../src/backtest/deu-parse.ts";
import { runModels } from "../src/backtest/models.ts";
import { forecastIssuesParallel } from "../src/backtest/parallel.ts";
import type { BacktestIssue } from "../src/backtest/types.ts";

const file = process.argv[2] ?? "/work/shared/data/models/deu/deu3_development_issues_1-121.tsv";
const draws = Number(process.argv[3] ?? BACKTEST_DEFAULTS.draws);
const issues = parseDeu(readFileSync(file, "utf8"), { file });
const triple: BacktestIssue[] = [0, 1, 2].flatMap((k) =>
  issues.map((i) => ({ ...i, id: `${i.id}#${k}` })),
);
const load = () => loadavg()[0].toFixed(1);
const rows: string[] = [];
async function step(name: string, f: () => Promise<unknown> | unknown) {
  const l0 = load();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  rows.push(
    `| ${name} | ${wall.toFixed(1)} | ${((c.user + c.system) / 1e6).toFixed(1)} | ${l0} → ${load()} |`,
  );
  console.error(rows[rows.length - 1]);
}
const all = ["smp", "bdm", "compromise", "median", "mean", "statusquo"];
await step("parse 121 issues", () => parseDeu(readFileSync(file, "utf8"), { file }));
await step("121 issues, point forecasts only (draws 0), 1 thread", () =>
  forecastIssuesParallel(issues, all, { draws: 0, perturb: 10, seed: 1, threads: 1 }),
);
await step(`121 issues, draws ${draws}, 2 threads`, () =>
  forecastIssuesParallel(issues, all, { draws, perturb: 10, seed: 1, threads: 2 }),
);
await step(`363 issues, draws ${draws}, 2 threads`, () =>
  forecastIssuesParallel(triple, all, { draws, perturb: 10, seed: 1, threads: 2 }),
);
// the EU-27-sized issue
{
  const lines = readFileSync(file, "utf8").split("\n");
  const h = lines[0].split("\t").map((x) => x.replace(/"/g, ""));
  const row = lines[2].split("\t");
  row[h.indexOf("intro")] = '"01-02-08"';
  const vals = [0, 40, 100, 60, 20];
  let k = 0;
  for (const a of [
    "bu",
    "cy",
    "cz",
    "ee",
    "hu",
    "lv",
    "lt",
    "mt",
    "pl",
    "ro",
    "si",
    "sk",
    "el",
    "lu",
    "ie",
  ]) {
    if (row[h.indexOf(`p${a}`)] === "") row[h.indexOf(`p${a}`)] = String(vals[k++ % 5]);
    row[h.indexOf(`s${a}`)] = "50";
  }
  const [big] = parseDeu([lines[0], row.join("\t")].join("\n"), { file: "eu27" });
  for (const m of ["smp", "bdm"])
    await step(`one ${big.actors.length}-actor EU-27 issue, ${m}, point + draws ${draws}`, () =>
      runModels(big, [m], { draws }),
    );
}
console.log("| step | wall s | CPU s (process, all threads) | load (1 min) |");
console.log("|---|---:|---:|---|");
for (const r of rows) console.log(r);
