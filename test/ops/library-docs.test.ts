import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const DOC = new URL("../../docs/library.md", import.meta.url);
const SRC = new URL("../../src/", import.meta.url);

/** The ```ts blocks of docs/library.md, with `"ana"` (and its subpaths) pointing at this checkout. */
function blocks(): string[] {
  const text = readFileSync(DOC, "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) =>
    m[1].replace(/from "ana(\/[a-z]+)?"/g, (_, sub: string | undefined) => {
      const path = sub ? `${sub.slice(1)}/index.ts` : "index.ts";
      return `from ${JSON.stringify(new URL(path, SRC).href)}`;
    }),
  );
}

test("docs/library.md has examples for the measures, events, corridors, bargaining and networks", () => {
  const b = blocks();
  assert.ok(b.length >= 5, `${b.length} examples`);
  for (const name of [
    "alignment",
    "dependence",
    "scorecard",
    "corridorsCompare",
    "bargain",
    "balance",
  ])
    assert.ok(
      b.some((x) => x.includes(`${name}(`)),
      `docs/library.md calls ${name}()`,
    );
});

test("every example in docs/library.md runs and prints", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-library-doc-"));
  // The store file for imported events: an empty one of this test's own, never the user's.
  const env = { ...process.env, ANA_DB: join(dir, "store.duckdb") };
  try {
    for (const [i, code] of blocks().entries()) {
      const file = join(dir, `example-${i}.mts`);
      writeFileSync(file, code);
      const r = spawnSync(process.execPath, ["--import", "tsx", file], {
        encoding: "utf8",
        env,
        cwd: new URL("../..", import.meta.url).pathname,
      });
      assert.equal(r.status, 0, `example ${i + 1} failed:\n${code}\n${r.stderr}`);
      assert.ok(r.stdout.trim().length > 0, `example ${i + 1} printed nothing`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
