#!/usr/bin/env node
// The `ana` command. Runs the compiled CLI in dist/ (built from src/ by `npm ci` / `npm install`
// through the `postinstall` script, or by `npm run build`). In a checkout whose dist/ is missing or
// older than src/ (an edited file, a new one, a `git pull`), it runs the TypeScript sources through
// tsx instead, so `ana` never runs stale code; `npm run build` makes it fast again.
// ANA_FROM_SOURCE=1 forces the sources; ANA_DEBUG_START=1 prints which path was taken.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { distIsFresh } from "../scripts/build-stamp.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const hasSrc = existsSync(`${root}src/cli/main.ts`);
const useDist =
  process.env.ANA_FROM_SOURCE !== "1" &&
  (hasSrc ? distIsFresh(root) : existsSync(`${root}dist/cli/main.js`));

if (process.env.ANA_DEBUG_START === "1") {
  process.stderr.write(`ana: running ${useDist ? "dist" : "src"}\n`);
}
if (useDist) {
  await import("../dist/cli/main.js");
} else if (hasSrc) {
  if (process.stderr.isTTY && process.env.ANA_FROM_SOURCE !== "1") {
    process.stderr.write(
      "ana: dist/ is missing or older than src/; running the sources (slower).\n",
    );
    process.stderr.write("     `npm run build` compiles them.\n");
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
} else {
  process.stderr.write(`ana: neither dist/cli/main.js nor src/ found in ${root}; reinstall ANA\n`);
  process.exitCode = 1;
}
