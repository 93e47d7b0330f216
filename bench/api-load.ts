/**
 * API latency under load: `ana serve` in one process, the load generator (bench/load-client.ts)
 * in a second process on loopback, 100 concurrent keep-alive connections per endpoint for a
 * bounded time. Writes bench/results/api-load.md.
 * Usage: node --import tsx bench/api-load.ts [--seconds 10] [--connections 100]
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { startServer } from "../test/e2e/harness.ts";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const seconds = arg("seconds", 10);
const connections = arg("connections", 100);

const server = await startServer();
const doc = (await (
  await fetch(`${server.url}/api/openapi.json`, { keepalive: false })
).json()) as { paths: Record<string, unknown> };
const targets: [string, string][] = [];
if (doc.paths["/api/scorecard"])
  targets.push(["scorecard", "/api/scorecard?focal=AZE&from=2011&to=2025"]);
targets.push(["network", "/api/network?focal=AZE&at=2025"]);
targets.push(["events (filtered)", "/api/events?actor=AZE&with=RUS&from=2020&to=2025"]);
targets.push(["health (floor)", "/api/health"]);

const rows: Record<string, unknown>[] = [];
for (const [name, path] of targets) {
  // Warm up once (first-use loading), then measure.
  await new Promise<void>((resolve, reject) =>
    http
      .get(server.url + path, { agent: false }, (res) => res.resume().on("end", resolve))
      .on("error", reject),
  );
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("./load-client.ts", import.meta.url).pathname,
      server.url + path,
      String(connections),
      String(seconds),
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const res = JSON.parse(r.stdout) as Record<string, number | null>;
  rows.push({ name, path, ...res });
  process.stdout.write(`${name}: ${JSON.stringify(res)}\n`);
}
await server.stop();

const f = (x: unknown, d = 1) => (typeof x === "number" ? x.toFixed(d) : "—");
const md = `# API latency under load

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, shared with other jobs
(1-minute load average at the end of the run: ${loadavg()[0].toFixed(1)}; on 2 cores anything above 2 means
the server, the load generator and other jobs queue for the CPU, so these are pessimistic numbers).
Server: \`ana serve\` (one process, read-only, built-in Azerbaijan scenario). Load: a second process
(\`bench/load-client.ts\`) on loopback, ${connections} concurrent keep-alive connections, ${seconds} s per endpoint
after one warm-up request. Latency is per request, from sending to the end of the response body.
Run: \`node --import tsx bench/api-load.ts\` (${new Date().toISOString().slice(0, 16)}Z).

| endpoint | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.name} \`${r.path}\` | ${r.requests} | ${r.errors} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${f(r.max)} |`).join("\n")}
${doc.paths["/api/scorecard"] ? "" : "\nThe scorecard endpoint (`/api/scorecard`) is not in this build yet; it is measured automatically once it is.\n"}`;
writeFileSync(new URL("./results/api-load.md", import.meta.url), md);
process.stdout.write(md);
