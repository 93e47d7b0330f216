#!/usr/bin/env node
// Build the dashboard (web/ → web/dist) when it is missing or older than its sources, so that
// `npm ci && npm start` works on a fresh clone. `--force` always rebuilds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../web/", import.meta.url).pathname;
const dist = join(root, "dist", "index.html");

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === "dist" || name === "node_modules") continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const force = process.argv.includes("--force");
if (!force && existsSync(dist) && statSync(dist).mtimeMs >= newest(root)) process.exit(0);
const r = spawnSync(
  process.execPath,
  [
    "node_modules/vite/bin/vite.js",
    "build",
    "--config",
    "web/vite.config.ts",
    "--logLevel",
    "warn",
  ],
  {
    stdio: "inherit",
    cwd: new URL("..", import.meta.url).pathname,
  },
);
process.exit(r.status ?? 1);
