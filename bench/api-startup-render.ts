/**
 * The dashboard's first render right after start-up (the issue's "first render after `npm start`").
 * For each start: spawn `ana serve` (read-only, built-in data, the answer cache in a temporary
 * folder), open the Overview in Debian Chromium (headless, fresh context) the moment the server
 * prints "serving", and time until the page has drawn its data (`body[data-ready]`), from
 * navigation start and from the process start. Starts: the first ever (empty answer cache: the
 * answers are computed, the warm-up already running), then the next ones (answers cached on disk
 * by the first). Writes bench/results/api-startup-render.md.
 * Usage: node --import tsx bench/api-startup-render.ts [--runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildWeb, CHROMIUM_ARGS, startServer } from "../test/e2e/harness.ts";

const i = process.argv.indexOf("--runs");
const runs = i > 0 ? Number(process.argv[i + 1]) : 3;

buildWeb();
const cacheDir = mkdtempSync(join(tmpdir(), "ana-bench-render-"));
process.env.ANA_CACHE_DIR = cacheDir;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const rows: { start: string; serving: number; drawn: number; fromStart: number; load: number }[] =
  [];
for (let r = 0; r <= runs; r++) {
  const t0 = performance.now();
  const server = await startServer();
  const serving = performance.now() - t0;
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/overview`);
  await page.waitForSelector("body[data-ready]", { timeout: 300_000 });
  const drawn = await page.evaluate(() => performance.now());
  const fromStart = performance.now() - t0;
  await ctx.close();
  await server.stop();
  const row = {
    start: r === 0 ? "first start (empty answer cache)" : `next start #${r} (answers on disk)`,
    serving,
    drawn,
    fromStart,
    load: loadavg()[0],
  };
  rows.push(row);
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
await browser.close();
rmSync(cacheDir, { recursive: true, force: true });

const md = `# Dashboard first render right after start-up

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, Debian Chromium headless, shared
with other jobs (1-minute load average after each start in the table; on ${cpus().length} cores anything above
${cpus().length} means everything queues for the CPU). Each start: \`ana serve\` (read-only, built-in Azerbaijan
scenario, answer cache in a temporary folder); the Overview is opened in a fresh browser context the
moment the server prints "serving". "Drawn" is from navigation start until the page has rendered its
data (\`body[data-ready]\`); target < 1500 ms. The first start computes the answers (the background
warm-up is already on them; the page shows what it waits for); later starts read them from the disk
cache the first one wrote. Run: \`node --import tsx bench/api-startup-render.ts\` (${new Date().toISOString().slice(0, 16)}Z).

| start | process start → serving, ms | Overview drawn (from navigation), ms | process start → drawn, ms | load average |
|---|---:|---:|---:|---:|
${rows.map((r) => `| ${r.start} | ${r.serving.toFixed(0)} | ${r.drawn.toFixed(0)} | ${r.fromStart.toFixed(0)} | ${r.load.toFixed(1)} |`).join("\n")}
`;
writeFileSync(new URL("./results/api-startup-render.md", import.meta.url), md);
process.stdout.write(md);
