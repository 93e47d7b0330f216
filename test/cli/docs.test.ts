import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const root = new URL("../../", import.meta.url).pathname;

test("docs/cli.md is what the commands' own definitions generate", () => {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/build-cli-docs.ts", "--check"],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
});

test("docs/measures.md is built from docs/measures/*.md", () => {
  const r = spawnSync(process.execPath, ["scripts/build-docs.js", "--check"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
});
