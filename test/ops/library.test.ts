import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { test } from "node:test";
import { alignment, dependence, OPERATIONS, scorecard, UsageError } from "../../src/index.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const FIXTURE = new URL("../data/scenarios/measures/", import.meta.url).pathname;
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, "--db", ":memory:", "--json"], { encoding: "utf8" });

test("alignment({ focal, with, from, to }) returns the same rows as `ana alignment --json`", async () => {
  const lib = await alignment({
    focal: "AZE",
    with: ["RUS"],
    from: 2015,
    to: 2016,
    db: ":memory:",
  });
  const r = ana("alignment", "AZE", "--with", "RUS", "--from", "2015", "--to", "2016");
  assert.equal(r.status, 0, r.stderr);
  const cli = JSON.parse(r.stdout);
  assert.equal(lib.rows.length, 2);
  assert.deepEqual(JSON.parse(JSON.stringify(lib)), cli);
  assert.deepEqual(
    lib.rows.map((x) => [x.year, x.a, x.b]),
    [
      [2015, "AZE", "RUS"],
      [2016, "AZE", "RUS"],
    ],
  );
});

test("dependence() and scorecard() return what their commands print with --json", async () => {
  const dep = await dependence({
    focal: "GEO",
    domain: "trade-export",
    from: 2015,
    to: 2017,
    scenario: FIXTURE,
    db: ":memory:",
  });
  const r = ana(
    "dependence",
    "GEO",
    "--domain",
    "trade-export",
    "--from",
    "2015",
    "--to",
    "2017",
    "--scenario",
    FIXTURE,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(JSON.stringify(dep)), JSON.parse(r.stdout));
  const card = await scorecard({
    focal: "AZE",
    from: 2019,
    to: 2019,
    weights: { "relations.warmth": 2 },
    db: ":memory:",
  });
  const c = ana(
    "scorecard",
    "AZE",
    "--from",
    "2019",
    "--to",
    "2019",
    "--weights",
    "relations.warmth=2",
  );
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(JSON.parse(JSON.stringify(card)), JSON.parse(c.stdout));
  assert.equal(card.weights["relations.warmth"], 2);
});

test("a library call with a bad or unknown option throws a UsageError naming it", async () => {
  await assert.rejects(
    alignment({ focal: "AZE", from: 2016, to: 2015, db: ":memory:" }),
    (e: Error) => e instanceof UsageError && /from 2016 is after to 2015/.test(e.message),
  );
  await assert.rejects(
    // @ts-expect-error: `partners` is not an option of alignment (it is `with`)
    alignment({ focal: "AZE", partners: ["RUS"], db: ":memory:" }),
    (e: Error) => e instanceof UsageError && /unknown option partners/.test(e.message),
  );
  await assert.rejects(
    scorecard({ focal: "AZE", from: 2019, to: 2019, weights: { nope: 1 }, db: ":memory:" }),
    (e: Error) => e instanceof UsageError && /weights: unknown input "nope"/.test(e.message),
  );
});

test("every operation's library name is its command in camelCase", () => {
  for (const op of OPERATIONS) {
    const expected = op.name
      .split(" ")
      .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
      .join("")
      .replace(/-(.)/g, (_, ch: string) => ch.toUpperCase());
    assert.equal(op.fnName, expected);
  }
});

/** Files `file` imports at load time (static imports and re-exports; not `import type`, not `await import`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms))
    out.push(m[1]);
  for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) out.push(m[1]);
  return out;
}

test('importing "ana" loads no HTTP server: no module reached from src/index.ts imports hono', () => {
  const root = new URL("../../src/index.ts", import.meta.url).pathname;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of staticImports(f)) {
      if (spec.startsWith(".")) stack.push(resolve(dirname(f), spec));
      else packages.add(spec.split("/")[0]);
    }
  }
  assert.ok(seen.size > 50, `walked ${seen.size} files`);
  assert.ok(!packages.has("hono"), "a module reached from src/index.ts imports hono");
  assert.ok(!packages.has("@hono"), "a module reached from src/index.ts imports @hono/*");
  assert.ok(![...seen].some((f) => f.includes("/src/server/")), "src/server is reached");
});
