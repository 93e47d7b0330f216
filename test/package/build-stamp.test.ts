import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { distIsFresh, STAMP_FILE, sourceState } from "../../scripts/build-stamp.js";

/** A package root with two sources and a dist/ stamped with their current state. */
function stampedRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "ana-stamp-"));
  mkdirSync(join(root, "src", "cli"), { recursive: true });
  writeFileSync(join(root, "src", "index.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "src", "cli", "main.ts"), "export {};\n");
  writeFileSync(join(root, "tsconfig.json"), "{}\n");
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist", STAMP_FILE), JSON.stringify({ inputs: sourceState(root) }));
  return root;
}

test("sourceState(root) lists every file under src/ and the build configuration that exists", () => {
  const root = stampedRoot();
  assert.deepEqual(Object.keys(sourceState(root)), [
    "src/cli/main.ts",
    "src/index.ts",
    "tsconfig.json",
  ]);
  assert.equal(sourceState(root)["src/index.ts"][0], "export const a = 1;\n".length);
  rmSync(root, { recursive: true });
});

test("distIsFresh(root) holds until a source is edited, added or removed", () => {
  const cases: [string, (root: string) => void][] = [
    ["edited (same size, new time)", (r) => utimesSync(join(r, "src", "index.ts"), 1, 1)],
    [
      "edited (new size)",
      (r) => writeFileSync(join(r, "src", "index.ts"), "export const a = 12;\n"),
    ],
    ["added", (r) => writeFileSync(join(r, "src", "cli", "new.ts"), "export {};\n")],
    ["removed", (r) => rmSync(join(r, "src", "cli", "main.ts"))],
    ["config changed", (r) => writeFileSync(join(r, "tsconfig.build.json"), "{}\n")],
    ["stamp missing", (r) => rmSync(join(r, "dist", STAMP_FILE))],
    ["stamp unreadable", (r) => writeFileSync(join(r, "dist", STAMP_FILE), "{")],
  ];
  for (const [what, change] of cases) {
    const root = stampedRoot();
    assert.equal(distIsFresh(root), true, `fresh before: ${what}`);
    change(root);
    assert.equal(distIsFresh(root), false, what);
    rmSync(root, { recursive: true });
  }
});
