// ClickHouse benchmark (issue 9): the same raw GDELT 2.0 file (bench/gen-gdelt2.ts, the import
// benchmark's generator and file) imported and aggregated on DuckDB, on one ClickHouse node and
// on a two-shard ClickHouse cluster on loopback (scripts/clickhouse-cluster.sh, own ports and
// data dir), in one run: import rows/s, aggregation seconds, peak memory of ANA's process and of
// each server. Writes bench/results/clickhouse.md.
// Usage: npx tsx bench/clickhouse.ts [--rows N] [--out FILE]
//   (default 10,000,000 rows → bench/results/clickhouse.md; needs clickhouse-server)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1] || 10_000_000) || 10_000_000;
const out = args.includes("--out")
  ? args[args.indexOf("--out") + 1]
  : "bench/results/clickhouse.md";
const tmp = "bench/tmp";
mkdirSync(tmp, { recursive: true });
const file = `${tmp}/gdelt2-${rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`}.tsv`;
const log = (s: string) => process.stderr.write(`${new Date().toISOString()} ${s}\n`);

const chBase = resolve(`${tmp}/clickhouse-cluster`);
const chEnv = {
  ...process.env,
  ANA_CH_BASE: chBase,
  ANA_CH_HTTP1: "18223",
  ANA_CH_TCP1: "19100",
  ANA_CH_INTERSERVER1: "19109",
  ANA_CH_HTTP2: "28223",
  ANA_CH_TCP2: "29100",
  ANA_CH_INTERSERVER2: "29109",
};
const cluster = (cmd: "start" | "stop") => {
  const r = spawnSync("scripts/clickhouse-cluster.sh", [cmd], { encoding: "utf8", env: chEnv });
  if (r.status !== 0) throw new Error(`clickhouse-cluster.sh ${cmd}: ${r.stderr}`);
};
/** Peak resident memory of a server process since it started (VmHWM), MB. */
const serverPeakMb = (node: 1 | 2) => {
  const pid = readFileSync(`${chBase}/node${node}/pid`, "utf8").trim();
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};
const dataMb = (node: 1 | 2) => {
  const r = spawnSync("du", ["-sm", `${chBase}/node${node}/data/data`], { encoding: "utf8" });
  return Number(r.stdout.split("\t")[0]) || null;
};

if (!existsSync(file)) {
  log(`generating ${rows} rows → ${file}`);
  execFileSync("npx", ["tsx", "bench/gen-gdelt2.ts", String(rows), file], { stdio: "inherit" });
}

type Phase = Record<string, number | string | null> & { seconds: number; maxRssMb: number };
function phase(name: string, target: string[]): Phase {
  const load = loadavg()[0];
  log(`${name} ${target.join(" ")} (load ${load.toFixed(1)})`);
  const r = spawnSync("npx", ["tsx", "bench/clickhouse-phase.ts", name, file, ...target], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const p = JSON.parse(r.stdout.trim().split("\n").pop()!) as Phase;
  p.load = Math.round(((load + loadavg()[0]) / 2) * 10) / 10;
  log(JSON.stringify(p));
  return p;
}

interface Run {
  engine: string;
  imp: Phase;
  agg: Phase;
  serverMb: (number | null)[];
  diskMb: number | null;
}
const runs: Run[] = [];
const load0 = loadavg();
try {
  const duckDb = `${tmp}/clickhouse-bench.duckdb`;
  const di = phase("import", ["--db", duckDb]);
  const da = phase("dyads", ["--db", duckDb]);
  runs.push({
    engine: "DuckDB (embedded)",
    imp: di,
    agg: da,
    serverMb: [],
    diskMb: Math.round(statSync(duckDb).size / 2 ** 20),
  });
  rmSync(duckDb, { force: true });

  cluster("start");
  const single = "clickhouse://127.0.0.1:18223?database=bench";
  const si = phase("import", ["--store", single]);
  const sa = phase("dyads", ["--store", single]);
  runs.push({
    engine: "ClickHouse 18.16, 1 node",
    imp: si,
    agg: sa,
    serverMb: [serverPeakMb(1)],
    diskMb: dataMb(1),
  });
  cluster("stop");

  cluster("start");
  const two = "clickhouse://127.0.0.1:18223,127.0.0.1:28223?cluster=ana_cluster&database=bench";
  const ci = phase("import", ["--store", two]);
  const ca = phase("dyads", ["--store", two]);
  runs.push({
    engine: "ClickHouse 18.16, 2 shards (same 2 cores)",
    imp: ci,
    agg: ca,
    serverMb: [serverPeakMb(1), serverPeakMb(2)],
    diskMb: (dataMb(1) ?? 0) + (dataMb(2) ?? 0),
  });
} finally {
  cluster("stop");
}
const load1 = loadavg();

const same = (k: string) => new Set(runs.map((r) => r.agg[k])).size === 1;
const bytes = statSync(file).size;
const table = runs
  .map(
    (r) =>
      `| ${r.engine} | ${Math.round(rows / r.imp.seconds).toLocaleString("en")} (${r.imp.seconds} s) | ${r.agg.monthly_none_s} | ${r.agg.monthly_exact_s} | ${r.agg.monthly_aze_s} | ${r.imp.maxRssMb} / ${r.agg.maxRssMb} | ${r.serverMb.length ? r.serverMb.join(" + ") : "—"} | ${r.diskMb ?? "?"} | ${r.imp.load} / ${r.agg.load} |`,
  )
  .join("\n");
const md = `# ClickHouse benchmark (bench/clickhouse.ts)

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version};
DuckDB 1.5.6 (@duckdb/node-api), ClickHouse 18.16.1 (Debian 12 \`clickhouse-server\`), @clickhouse/client 1.23.1.
**The 2 cores were shared with other engineers' jobs: load average ${load0.map((x) => x.toFixed(1)).join(" / ")} at the start and
${load1.map((x) => x.toFixed(1)).join(" / ")} at the end (1/5/15 min)**, so absolute times are several times what an idle machine
gives, and the load changed during the run (last column: the 1-minute load average around each phase), so
differences of less than about 2× between engines are within what the changing load alone produces.

Input: ${rows.toLocaleString("en")} synthetic raw GDELT 2.0 rows (\`bench/gen-gdelt2.ts\`), ${(bytes / 2 ** 20).toFixed(0)} MB, imported with
\`ana import gdelt\`'s code path (parse, normalise, Goldstein table, quads; dedup mode exact) by each engine's sink, one
process per phase. Aggregation: \`ana dyads --by month\` over all rows (dedup none and exact) and for one actor (AZE).
ClickHouse ran as two servers on loopback started by \`scripts/clickhouse-cluster.sh\` (the 1-node run used the first
server alone); the cluster's Distributed table shards by \`cityHash64(file_id, line)\`.

| engine | import rows/s (time) | dyads month, dedup none (s) | dyads month, exact (s) | dyads AZE (s) | ANA process peak RSS, import / dyads (MB) | server peak RSS (MB) | on disk (MB) | load avg, import / dyads |
|---|---|---|---|---|---|---|---|---|
${table}

Same answers: ${same("monthly_none_sha256") && same("monthly_exact_sha256") ? "**yes**" : "**NO**"}: the digest of every dyad row (dedup none: ${runs.map((r) => r.agg.monthly_none_sha256).join(", ")}; exact: ${runs.map((r) => r.agg.monthly_exact_sha256).join(", ")}), ${runs[0]?.agg.monthly_exact_rows} dyad-months.

## What the numbers show and do not show

- Both ClickHouse shards are processes on the same 2 cores as ANA's parser, so the 2-shard run shows that the
  cluster path works (rows spread over two shards, inserts synchronous, answers identical), **not** that it scales:
  with the CPU already saturated by parsing, a second server only adds coordination (the Distributed insert
  re-sends every row to its shard; the aggregation merges partial states on the first node). A speed-up needs
  shards on separate machines.
- Parsing and normalising is the same Node code for every engine; the engines differ in how the rows are handed
  over (DuckDB: staging files written to disk and read by its CSV reader in the same process; ClickHouse: one
  streaming HTTP INSERT per file into a staging table in another process, then ATTACH PARTITION), and in how much
  work that hand-over costs on the shared cores.
- The aggregation times include moving the result rows into Node and building the JSON rows. \`exact\` dedup is done
  differently: DuckDB with its own query (\`dedupedEventsSql\` in \`src/store/duckdb/dedup.ts\`), ClickHouse 18.16 (no window functions) with a GROUP BY over the
  dedup key plus a \`GLOBAL IN\` of the kept row ids, whose set is shipped to every shard.
- The generated file has no duplicate GLOBALEVENTIDs, so \`exact\` returns the same rows as \`none\`; its column
  measures the cost of the deduplication step itself.
- Memory: DuckDB runs inside ANA's process, so its peak RSS includes the database engine; with ClickHouse, ANA's
  process holds only the parser and one HTTP stream, and the servers' own peaks are listed beside it (together they
  use more memory than embedded DuckDB here). Compare ANA + servers against DuckDB.
- Server peak RSS is the server process's high-water mark (VmHWM) since it was started for that run; each run
  started fresh servers.
`;
writeFileSync(out, md);
log(`wrote ${out}`);
