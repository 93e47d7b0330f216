// Benchmark: start-up time of `ana --help` against a bare `node -e 0` on the same machine, in the
// same run, interleaved round by round so that both see the same load. Three commands:
//   node -e 0                                   the floor: starting Node itself
//   node bin/ana.js --help                      the compiled CLI in dist/ (what `ana` runs)
//   ANA_FROM_SOURCE=1 node bin/ana.js --help    the TypeScript sources through tsx (the old path)
// Each run is timed from spawn to exit. Reports the median of --repeat runs (default 5) and the
// ratio to `node -e 0`; the target (issue 13) is at most 3x.
//   node --import tsx bench/cli-startup.ts [--repeat 5] [--out bench/results/cli-startup.md] [--extra FILE]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const repeat = Number(opt("repeat", "5"));
const out = opt("out", "");
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/ana.js", import.meta.url));

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const cases: Case[] = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "ana --help (dist, compiled)", args: [BIN, "--help"] },
  { name: "ana --help (src via tsx)", args: [BIN, "--help"], env: { ANA_FROM_SOURCE: "1" } },
];
// --extra <file>: also time another entry script (e.g. a patched copy of dist/ to try a change)
const extra = opt("extra", "");
if (extra) cases.push({ name: `node ${extra} --help (extra)`, args: [extra, "--help"] });

/** Which path bin/ana.js takes right now (it prints it with ANA_DEBUG_START=1). */
function pathTaken(c: Case): string {
  const r = spawnSync(process.execPath, c.args, {
    cwd: ROOT,
    env: { ...process.env, ...c.env, ANA_DEBUG_START: "1" },
    encoding: "utf8",
  });
  return /ana: running (\S+)/.exec(r.stderr)?.[1] ?? "unknown";
}

function timeOnce(c: Case): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, {
    cwd: ROOT,
    env: { ...process.env, ...c.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * The packages that `ana --help` loads, each with the chain of modules through which it is first
 * reached from bin/ana.js: what the start-up pays for besides Node itself. A resolve hook records
 * every import edge; a breadth-first search gives the shortest chain.
 */
function packagesLoaded(): { pkg: string; chain: string }[] {
  const log = join(mkdtempSync(join(tmpdir(), "ana-startup-")), "edges.txt");
  const hooks = `data:text/javascript,${encodeURIComponent(
    `import { appendFileSync } from "node:fs";
     export async function resolve(s, c, next) {
       const r = await next(s, c);
       if (c.parentURL && !s.startsWith("node:")) appendFileSync(${JSON.stringify(log)}, c.parentURL + " " + r.url + " " + s + "\\n");
       return r;
     }`,
  )}`;
  const reg = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hooks)});`)}`;
  spawnSync(process.execPath, ["--import", reg, BIN, "--help"], { cwd: ROOT, stdio: "ignore" });
  const edges = new Map<string, { to: string; spec: string }[]>();
  for (const line of existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) {
    const [from, to, spec] = line.split(" ");
    edges.set(from, [...(edges.get(from) ?? []), { to, spec }]);
  }
  const short = (u: string) => u.replace(`file://${ROOT}`, "");
  const pkgOf = (spec: string) =>
    spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  const start = `file://${BIN}`;
  const prev = new Map<string, string>([[start, ""]]);
  const found: { pkg: string; chain: string }[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const u = queue.shift()!;
    for (const e of edges.get(u) ?? []) {
      if (prev.has(e.to)) continue;
      prev.set(e.to, u);
      // only our own modules are followed; a package is reported where it is entered
      if (!/^[./]|^file:/.test(e.spec)) {
        if (found.some((f) => f.pkg === pkgOf(e.spec))) continue;
        const chain = [pkgOf(e.spec)];
        for (let p = u; p; p = prev.get(p) ?? "") chain.unshift(short(p));
        found.push({ pkg: pkgOf(e.spec), chain: chain.join(" → ") });
      } else queue.push(e.to);
    }
  }
  return found;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const loaded = packagesLoaded();
const paths = cases.map((c) => (c.args[0] === BIN ? pathTaken(c) : "-"));
const load0 = loadavg();
// one warm-up round (file cache), not counted
for (const c of cases) timeOnce(c);
const times: number[][] = cases.map(() => []);
for (let r = 0; r < repeat; r++) {
  for (const [i, c] of cases.entries()) times[i].push(timeOnce(c));
}
const load1 = loadavg();

const base = median(times[0]);
const commit = existsSync(`${ROOT}.git`)
  ? execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
  : "?";
const fmt = (x: number) => x.toFixed(1);
const lines = [
  "# CLI start-up: `ana --help` vs `node -e 0`",
  "",
  `Run ${new Date().toISOString().slice(0, 16)}Z by \`node --import tsx bench/cli-startup.ts --repeat ${repeat}\` at commit ${commit}.`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared with other jobs; Node ${process.version}.`,
  `Load average before ${load0.map((x) => x.toFixed(2)).join(" / ")}, after ${load1.map((x) => x.toFixed(2)).join(" / ")}.`,
  "Each command is timed from spawn to exit; the commands run interleaved, one round at a time, after one uncounted warm-up round.",
  "",
  "| command | path taken | median ms | runs (ms) | × node -e 0 |",
  "|---|---|---|---|---|",
  ...cases.map(
    (c, i) =>
      `| \`${c.env ? `${Object.entries(c.env).map(([k, v]) => `${k}=${v} `)}` : ""}${c.name.replace(/ \(.*/, "")}\`${c.name.includes("(") ? ` ${c.name.replace(/.*\(/, "(")}` : ""} | ${paths[i]} | ${fmt(median(times[i]))} | ${times[i].map(fmt).join(", ")} | ${(median(times[i]) / base).toFixed(2)} |`,
  ),
  "",
  `Packages that \`ana --help\` loads (${paths[1]}), each with the shortest import chain from bin/ana.js:`,
  "",
  ...loaded.map((l) => `- ${l.pkg}: ${l.chain}`),
  "",
];
const text = lines.join("\n");
process.stdout.write(text);
if (out) writeFileSync(out, text);
