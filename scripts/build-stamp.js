// What dist/ was compiled from: the size and modification time of every file under src/ plus the
// build configuration. scripts/build.js writes it to dist/.build-stamp.json after compiling;
// bin/ana.js runs dist/ only while the stamp still matches, so an edited checkout never runs stale
// JavaScript (it runs the sources through tsx until `npm run build`). Plain JS, node:fs only:
// bin/ana.js loads it on every start.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Files outside src/ whose change makes a new build necessary. */
export const BUILD_INPUTS = ["tsconfig.json", "tsconfig.build.json", "scripts/build.js"];
export const STAMP_FILE = ".build-stamp.json";

/**
 * The current state of the build's inputs under `root`: `{ "src/cli/main.ts": [size, mtimeMs], … }`
 * with keys in sorted order, so two states compare equal as JSON strings.
 */
export function sourceState(root) {
  const state = {};
  const files = readdirSync(join(root, "src"), { recursive: true })
    .map((f) => join("src", f))
    .concat(BUILD_INPUTS)
    .sort();
  for (const f of files) {
    const s = statSync(join(root, f), { throwIfNoEntry: false });
    if (s?.isFile()) state[f.split("\\").join("/")] = [s.size, s.mtimeMs];
  }
  return state;
}

/** True when `root`/dist holds a build of exactly the current sources. */
export function distIsFresh(root) {
  let stamp;
  try {
    stamp = readFileSync(join(root, "dist", STAMP_FILE), "utf8");
  } catch {
    return false;
  }
  try {
    return JSON.stringify(JSON.parse(stamp).inputs) === JSON.stringify(sourceState(root));
  } catch {
    return false;
  }
}
