#!/usr/bin/env node
// The whole test suite: type check, lint, then every test file under test/ with node's test
// runner. Node 20's `node --test` does not expand globs, so the files are listed here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const check = !args.includes("--no-check");
const only = args.filter((a) => !a.startsWith("--"));

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
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

if (check) {
  run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  run("npx", ["biome", "check", "."]);
}
const files = only.length > 0 ? only : walk("test");
run(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files]);
