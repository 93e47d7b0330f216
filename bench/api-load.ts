/**
 * API latency after start-up and under load. `ana serve` in one process; first the time until the
 * Overview's answers (scorecard, claims, events) arrive when asked for the moment the server says
 * it is serving — with an empty answer cache (first start ever) and with the disk cache the first
 * start left — and how long the background warm-up takes (GET /api/health); then the load
 * generator (bench/load-client.ts) in a second process on loopback, 100 concurrent keep-alive
 * connections per endpoint for a bounded time, after the warm-up. Writes bench/results/api-load.md.
 * Usage: node --import tsx bench/api-load.ts [--seconds 10] [--connections 100]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../test/e2e/harness.ts";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const seconds = arg("seconds", 10);
const connections = arg("connections", 100);

const loads: number[] = [loadavg()[0]];
// The answer cache of this run only (never the user's): empty at the first start.
const cacheDir = mkdtempSync(join(tmpdir(), "ana-bench-cache-"));
process.env.ANA_CACHE_DIR = cacheDir;
const OVERVIEW = [
  "/api/scorecard?scenario=azerbaijan&focal=AZE&from=2011&to=2025",
  "/api/claims?scenario=azerbaijan",
  "/api/events?scenario=azerbaijan&actor=AZE&from=2011&to=2025",
];
type Warmup = { state: string; seconds: number | null; done: number; total: number };
async function startup(label: string) {
  const t0 = performance.now();
  const srv = await startServer();
  const serving = performance.now() - t0;
  const t1 = performance.now();
  const statuses = await Promise.all(
    OVERVIEW.map(async (p) => {
      const r = await fetch(srv.url + p);
      await r.arrayBuffer();
      return r.status;
    }),
  );
  const overview = performance.now() - t1;
  let w: Warmup;
  for (;;) {
    w = ((await (await fetch(`${srv.url}/api/health`)).json()) as { warmup: Warmup }).warmup;
    if (w.state !== "warming") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const row = { label, serving, overview, statuses: statuses.join(","), warmup: w };
  process.stdout.write(`${JSON.stringify(row)}\n`);
  return { srv, row };
}
const cold = await startup("first start (empty answer cache)");
await cold.srv.stop();
loads.push(loadavg()[0]);
const warm = await startup("next start (answers cached on disk)");
const startRows = [cold.row, warm.row];
const server = warm.srv;
const doc = (await (
  await fetch(`${server.url}/api/openapi.json`, { keepalive: false })
).json()) as { paths: Record<string, unknown> };
// [name, path, send Accept-Encoding: gzip as browsers do]
const targets: [string, string, boolean][] = [];
if (doc.paths["/api/scorecard"]) {
  targets.push(["scorecard", "/api/scorecard?focal=AZE&from=2011&to=2025", false]);
  targets.push(["scorecard, gzip", "/api/scorecard?focal=AZE&from=2011&to=2025", true]);
}
targets.push(["network", "/api/network?focal=AZE&at=2025", false]);
targets.push(["network, gzip", "/api/network?focal=AZE&at=2025", true]);
targets.push(["events (filtered)", "/api/events?actor=AZE&with=RUS&from=2020&to=2025", false]);
targets.push(["health (floor)", "/api/health", false]);

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
const cpuSeconds = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
};
const rows: Record<string, unknown>[] = [];
for (const [name, path, gzip] of targets) {
  // Warm up once (first-use loading), then measure.
  await new Promise<void>((resolve, reject) =>
    http
      .get(server.url + path, { agent: false }, (res) => res.resume().on("end", resolve))
      .on("error", reject),
  );
  const cpu0 = cpuSeconds(server.proc.pid!);
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("./load-client.ts", import.meta.url).pathname,
      server.url + path,
      String(connections),
      String(seconds),
      ...(gzip ? ["gzip"] : []),
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const res = JSON.parse(r.stdout) as Record<string, number | null>;
  const cpuMs = ((cpuSeconds(server.proc.pid!) - cpu0) * 1000) / Math.max(1, Number(res.requests));
  rows.push({ name, path, ...res, cpuMs });
  loads.push(loadavg()[0]);
  process.stdout.write(`${name}: ${JSON.stringify(res)}\n`);
}
await server.stop();
rmSync(cacheDir, { recursive: true, force: true });

const f = (x: unknown, d = 1) => (typeof x === "number" ? x.toFixed(d) : "—");
const md = `# API latency: start-up and load

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, shared with other jobs.
1-minute load average during the run (at the start, between phases, at the end): ${loads.map((l) => l.toFixed(1)).join(", ")}.
On ${cpus().length} cores anything above ${cpus().length} means the server, the load generator and other jobs queue for
the CPU, so numbers from a loaded run are pessimistic.
Server: \`ana serve\` (one process, read-only, built-in Azerbaijan scenario, answer cache in a
temporary folder). Run: \`node --import tsx bench/api-load.ts\` (${new Date().toISOString().slice(0, 16)}Z).

## After start-up

The Overview's three answers (${OVERVIEW.map((p) => `\`${p}\``).join(", ")}), asked for in parallel the
moment the server prints "serving" (what a dashboard opened at once waits for), and the background
warm-up of the dashboard's first answers (GET /api/health \`warmup\`).

| start | process start → serving, ms | Overview answers, ms | statuses | warm-up (requests, s) |
|---|---:|---:|---|---|
${startRows.map((r) => `| ${r.label} | ${r.serving.toFixed(0)} | ${r.overview.toFixed(0)} | ${r.statuses} | ${r.warmup.state}: ${r.warmup.done}/${r.warmup.total} in ${r.warmup.seconds} s |`).join("\n")}

## Under load

A second process (\`bench/load-client.ts\`) on loopback, ${connections} concurrent keep-alive connections,
${seconds} s per endpoint, after the warm-up and one request per endpoint. Latency is per request,
from sending to the end of the response body. ", gzip" rows send \`Accept-Encoding: gzip\` as
browsers do (memoised answers are kept gzipped, so they cost no compression per request). "Server CPU" is the server process's CPU time
(/proc, user + system) during the phase divided by the requests answered: what one request costs
the server whatever the machine's load (p99 at 100 connections on a quiet core is roughly 100 ×
that, plus the load generator's own share).

| endpoint | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/request |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.name} \`${r.path}\` | ${r.requests} | ${r.errors} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.cpuMs, 2)} |`).join("\n")}
${doc.paths["/api/scorecard"] ? "" : "\nThe scorecard endpoint (`/api/scorecard`) is not in this build yet; it is measured automatically once it is.\n"}`;
writeFileSync(new URL("./results/api-load.md", import.meta.url), md);
process.stdout.write(md);
