/**
 * Dashboard first render on localhost: `ana serve` with the built-in data, Debian Chromium
 * (headless, fresh profile, cache disabled by a new context per load). For each page, the time from
 * navigation start until the page has drawn its data (body[data-ready], set after the page's API
 * answers are rendered), plus first contentful paint. Writes bench/results/dashboard.md.
 * Usage: node --import tsx bench/dashboard.ts [--runs 5]
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { buildWeb, CHROMIUM_ARGS, startServer } from "../test/e2e/harness.ts";

const i = process.argv.indexOf("--runs");
const runs = i > 0 ? Number(process.argv[i + 1]) : 5;
const PAGES = ["overview", "map", "network", "timeline", "dependence", "lab", "data"];

buildWeb();
const server = await startServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
// Warm the server's caches (scenario parse, panel) once, as any first visitor would.
{
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  for (const page of PAGES) {
    await p.goto(`${server.url}/${page}`);
    await p.waitForSelector("body[data-ready]", { timeout: 120_000 });
  }
  await ctx.close();
}
const rows: { page: string; ready: number[]; fcp: number[] }[] = [];
for (const page of PAGES) {
  const ready: number[] = [];
  const fcp: number[] = [];
  for (let r = 0; r < runs; r++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/${page}`);
    await p.waitForSelector("body[data-ready]", { timeout: 120_000 });
    const t = await p.evaluate(() => ({
      ready: performance.now(),
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    }));
    ready.push(t.ready);
    fcp.push(t.fcp);
    await ctx.close();
  }
  rows.push({ page, ready, fcp });
  process.stdout.write(`${page}: ready ${ready.map((x) => x.toFixed(0)).join(", ")} ms\n`);
}
await browser.close();
await server.stop();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const md = `# Dashboard first render

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, Debian Chromium headless
(1-minute load average at the end: ${loadavg()[0].toFixed(1)}; the machine is shared with other jobs).
\`ana serve\` on loopback with the built-in Azerbaijan scenario; each load in a fresh browser context
(empty cache), ${runs} loads per page after one warm-up pass. "Drawn" is the time from navigation
start until the page has rendered its data (\`body[data-ready]\`); target < 1500 ms.
Run: \`node --import tsx bench/dashboard.ts\` (${new Date().toISOString().slice(0, 16)}Z).

| page | drawn, median ms | drawn, max ms | first contentful paint, median ms | under 1.5 s |
|---|---:|---:|---:|---|
${rows.map((r) => `| ${r.page} | ${median(r.ready).toFixed(0)} | ${Math.max(...r.ready).toFixed(0)} | ${median(r.fcp).toFixed(0)} | ${median(r.ready) < 1500 ? "yes" : "no"} |`).join("\n")}

The Map page's transit-leverage section runs as a server job after the page has drawn (progress
shown in place); it is not part of the first render.
`;
writeFileSync(new URL("./results/dashboard.md", import.meta.url), md);
process.stdout.write(md);
