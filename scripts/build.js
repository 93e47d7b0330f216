#!/usr/bin/env node
// Compile every file under src/ to dist/: JavaScript beside the same relative paths (so code that
// finds data, docs or web/dist relative to its own file still resolves from dist/), declarations in
// dist/types/, files that are not TypeScript (e.g. src/network/highs-worker.mjs) copied as they are.
//
// The compiler is TypeScript's own `tsc` (a regular dependency, because this runs at install
// time: `postinstall` runs on a clone's `npm ci`/`npm install` and when another project installs
// ANA, see docs/build.md): one tool for JavaScript and declarations, the same module semantics
// as the type check, and `rewriteRelativeImportExtensions` turns `./x.ts` specifiers (static and
// literal dynamic imports) into `./x.js`. Type errors do not stop the build (`noCheck`; `npm test`
// runs the type check); syntax errors do.
//
// Skips the work when dist/ already holds a build of the current sources (scripts/build-stamp.js).
// Builds into a temporary folder and swaps it in, so a concurrent `ana` never sees half a build.
//   node scripts/build.js [--force] [--quiet]
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { distIsFresh, STAMP_FILE, sourceState } from "./build-stamp.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const force = args.includes("--force");
const quiet = args.includes("--quiet");
const log = (msg) => {
  if (!quiet) process.stdout.write(`ana build: ${msg}\n`);
};

function fail(msg) {
  process.stderr.write(`ana build: ${msg}\n`);
  process.exit(1);
}

if (!existsSync(join(ROOT, "src"))) fail(`no src/ folder in ${ROOT}: nothing to compile`);
if (!force && distIsFresh(ROOT)) {
  log("dist/ is up to date");
  process.exit(0);
}

const t0 = Date.now();
const inputs = sourceState(ROOT);
let tsc;
try {
  const pkg = createRequire(import.meta.url).resolve("typescript/package.json");
  tsc = join(dirname(pkg), "bin", "tsc");
} catch {
  fail(
    `the TypeScript compiler (npm package \`typescript\`) is not installed for ${ROOT}. ` +
      "Run `npm ci` there first (installed as a directory dependency, ANA uses the checkout's " +
      "own node_modules).",
  );
}

const tmp = join(ROOT, `dist.tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
const r = spawnSync(
  process.execPath,
  [
    tsc,
    "-p",
    join(ROOT, "tsconfig.build.json"),
    "--outDir",
    tmp,
    "--declarationDir",
    join(tmp, "types"),
  ],
  { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] },
);
if (r.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  fail(`tsc -p tsconfig.build.json failed (exit ${r.status ?? r.signal}); dist/ left unchanged`);
}

// Files under src/ that are not TypeScript are used as they are.
let copied = 0;
for (const f of readdirSync(join(ROOT, "src"), { recursive: true })) {
  const from = join(ROOT, "src", f);
  if (/\.[cm]?ts$/.test(f) || !statSync(from).isFile()) continue;
  cpSync(from, join(tmp, f));
  copied++;
}
writeFileSync(join(tmp, STAMP_FILE), `${JSON.stringify({ inputs }, null, 1)}\n`);

// Swap the new build in. Another build may finish at the same moment: retry until ours lands.
const olds = [];
for (let attempt = 0; ; attempt++) {
  try {
    if (existsSync(join(ROOT, "dist"))) {
      olds.push(join(ROOT, `dist.old-${process.pid}-${attempt}`));
      renameSync(join(ROOT, "dist"), olds.at(-1));
    }
    renameSync(tmp, join(ROOT, "dist"));
    break;
  } catch (e) {
    if (attempt >= 5) fail(`could not move the new build into dist/: ${e.message}`);
  }
}
for (const o of olds) rmSync(o, { recursive: true, force: true });
const modules = Object.keys(inputs).filter((f) => /^src\/.*\.ts$/.test(f)).length;
log(
  `compiled ${modules} modules (+${copied} other files) to dist/ in ${(Date.now() - t0) / 1000} s`,
);
