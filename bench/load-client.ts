/**
 * HTTP load generator, run as its own process by bench/api-load.ts: N concurrent keep-alive
 * connections issue GETs back to back for a fixed duration; prints latency percentiles as JSON.
 * Usage: node --import tsx bench/load-client.ts <url> <connections> <seconds> [gzip]
 * With `gzip` every request sends `Accept-Encoding: gzip` as browsers do (bodies are not inflated).
 */
import http from "node:http";

const [url, connArg = "100", secArg = "10", gzipArg] = process.argv.slice(2);
const headers: Record<string, string> = gzipArg === "gzip" ? { "Accept-Encoding": "gzip" } : {};
const connections = Number(connArg);
const seconds = Number(secArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const lat: number[] = [];
let errors = 0;
const statuses: Record<string, number> = {};
const end = performance.now() + seconds * 1000;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on("end", () => {
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        if (res.statusCode === 200) lat.push(performance.now() - t0);
        else errors++;
        resolve();
      });
    });
    req.on("error", () => {
      errors++;
      resolve();
    });
  });
}

async function loop(): Promise<void> {
  while (performance.now() < end) await once();
}

const t0 = performance.now();
await Promise.all(Array.from({ length: connections }, loop));
const wall = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const q = (p: number) =>
  lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : null;
process.stdout.write(
  `${JSON.stringify({ url, connections, seconds: wall, requests: lat.length, errors, statuses, rps: lat.length / wall, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: lat.at(-1) ?? null })}\n`,
);
agent.destroy();
