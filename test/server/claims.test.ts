import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";

const SHIPPED = fileURLToPath(new URL("../../data/scenarios/azerbaijan", import.meta.url));
let app: Hono;
let ctx: ServerContext;
let dir: string;
before(async () => {
  // A copy of the shipped scenario without its claims file, under another id.
  dir = mkdtempSync(join(tmpdir(), "ana-noclaims-"));
  cpSync(SHIPPED, dir, { recursive: true });
  rmSync(join(dir, "claims.yaml"));
  const meta = readFileSync(join(dir, "scenario.yaml"), "utf8").replace(
    /^id: .*$/m,
    "id: noclaims",
  );
  writeFileSync(join(dir, "scenario.yaml"), meta);
  ({ app, ctx } = await createApp({ db: ":memory:", scenarios: { noclaims: dir } }));
});
after(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

test("GET /api/claims answers a scenario without a claims file with no claims (200)", async () => {
  const res = await app.request("/api/claims?scenario=noclaims");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(body, { scenario: "noclaims", focal: "AZE", file: null, claims: [] });
});

test("GET /api/claims gives every claim its verdict, interval, rule, periods and inputs", async () => {
  const res = await app.request("/api/claims?scenario=azerbaijan");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.focal, "AZE");
  assert.equal(body.file, "claims.yaml");
  const verdicts = [
    "supported",
    "partly supported",
    "not supported",
    "inconclusive",
    "not testable",
  ];
  for (const c of body.claims) {
    for (const k of ["id", "claim", "measure", "command", "finding", "verdict", "sources"])
      assert.ok(k in c, `${c.id}: ${k}`);
    assert.ok(verdicts.includes(c.verdict), c.id);
    assert.ok(c.interval === null || (c.interval.length === 2 && c.interval[0] <= c.interval[1]));
    assert.ok(typeof c.rule.kind === "string" && typeof c.rule.text === "string");
    assert.ok(Array.isArray(c.inputs.used) && Array.isArray(c.inputs.dropped));
    assert.equal(typeof c.periods, "object");
    // A verdict resting on a number shows an interval, or says why it has none.
    if (c.value !== null && c.interval === null) assert.ok(c.intervalNote.length > 10, c.id);
  }
});

test("GET /api/claims rejects a bad scenario id with 400", async () => {
  const res = await app.request("/api/claims?scenario=../etc");
  assert.equal(res.status, 400);
});
