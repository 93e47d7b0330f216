#!/usr/bin/env node
// The whole test suite: type check, lint, then every test file under test/ with node's test
// runner. Node 20's `node --test` does not expand globs, so the files are listed here.
//
// On a fresh machine it needs no hand step: when the chosen tests need Debian's `chromium` or
// `clickhouse-server` and they are missing, it installs them with apt-get if it runs as root, and
// otherwise stops at once with the exact command to run (scripts/test-prereqs.js). When
// ANA_CLICKHOUSE is unset and ClickHouse tests are among them, it starts the two-shard loopback
// cluster (scripts/clickhouse-cluster.sh, on free ports in a temporary folder) and stops it at the
// end, also when interrupted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installCommands, missingTools, onPath, plan, toolsNeeded } from "./test-prereqs.js";

const args = process.argv.slice(2);
const check = !args.includes("--no-check");
const only = args.filter((a) => !a.startsWith("--"));

/** Cleanups to run before leaving (the cluster's stop). */
const cleanups = [];
function cleanup() {
  while (cleanups.length > 0) cleanups.pop()();
}
function exit(code) {
  cleanup();
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    process.stderr.write(`\nrun-tests: ${sig}: stopping\n`);
    exit(130);
  });

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", ...opts });
  if (r.status !== 0) exit(r.status ?? 1);
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      // test/data/ holds fixtures and the tests of src/data/; fixtures carry no *.test.ts files.
      out.push(...walk(p));
    } else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** A port nobody listens on now (the kernel's choice). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const files = only.length > 0 ? only : walk("test");

// 1. What the machine must have: install it (root) or stop at once with the command.
const missing = missingTools(toolsNeeded(files));
const todo = plan(missing, {
  root: typeof process.getuid === "function" && process.getuid() === 0,
  apt: onPath("apt-get"),
});
if (todo.action === "stop") {
  process.stderr.write(`run-tests: ${todo.message}\n`);
  process.exit(1);
}
if (todo.action === "install") {
  process.stderr.write(
    `run-tests: installing ${missing.join(", ")} with apt-get (running as root)\n`,
  );
  for (const [cmd, ...rest] of installCommands(missing))
    run(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const still = missingTools(toolsNeeded(files));
  if (still.length > 0) {
    process.stderr.write(`run-tests: ${still.join(", ")} still missing after apt-get install\n`);
    process.exit(1);
  }
}

// 2. Checks.
if (check) {
  run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  run("npx", ["biome", "check", "."]);
}

// 3. A ClickHouse cluster for the store tests, unless one is given.
const env = { ...process.env };
if (toolsNeeded(files).includes("clickhouse-server") && !env.ANA_CLICKHOUSE) {
  const base = mkdtempSync(join(tmpdir(), "ana-test-clickhouse-"));
  const names = ["HTTP1", "TCP1", "INTERSERVER1", "HTTP2", "TCP2", "INTERSERVER2"];
  const chEnv = { ...env, ANA_CH_BASE: base };
  for (const n of names) chEnv[`ANA_CH_${n}`] = String(await freePort());
  const script = "scripts/clickhouse-cluster.sh";
  cleanups.push(() => {
    spawnSync(script, ["stop"], { env: chEnv, stdio: "ignore" });
    rmSync(base, { recursive: true, force: true });
  });
  const r = spawnSync(script, ["start"], { env: chEnv, encoding: "utf8" });
  const m = /ANA_CLICKHOUSE=(\S+)/.exec(r.stdout ?? "");
  if (r.status !== 0 || !m) {
    process.stderr.write(`run-tests: could not start the ClickHouse cluster:\n${r.stderr}\n`);
    exit(1);
  }
  env.ANA_CLICKHOUSE = m[1];
  process.stderr.write(`run-tests: ClickHouse cluster on ${m[1]} (stopped at the end)\n`);
}

// 4. The tests.
run(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { env });
exit(0);
