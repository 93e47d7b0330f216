import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";

let app: Hono;
let ctx: ServerContext;
before(async () => {
  ({ app, ctx } = await createApp({ db: ":memory:" }));
});
after(() => ctx.close());

test("GET /api/alignment returns the issue's row shape", async () => {
  const res = await app.request("/api/alignment?focal=AZE&with=RUS,USA&from=2015&to=2016");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.rows.length, 4);
  assert.deepEqual(Object.keys(body.rows[0]).sort(), [
    "a",
    "agreement",
    "alignmentIndex",
    "b",
    "intervals",
    "kappa",
    "minRollCalls",
    "n",
    "pi",
    "sAbs",
    "sSq",
    "status",
    "year",
  ]);
  // TEAM.md interface 5: every measured row carries seeded bootstrap intervals.
  assert.deepEqual(Object.keys(body.rows[0].intervals).sort(), [
    "agreement",
    "alignmentIndex",
    "kappa",
    "pi",
    "sAbs",
    "sSq",
  ]);
});

test("GET /api/dependence, /api/relations and /api/scorecard answer; bad input is a 400 naming the parameter", async () => {
  const dep = await app.request(
    "/api/dependence?focal=AZE&domain=arms&from=2011&to=2020&window=true",
  );
  assert.equal(dep.status, 200);
  const d = await dep.json();
  assert.equal(d.rows.length, 1);
  assert.equal(d.rows[0].from, 2011);
  const rel = await app.request(
    "/api/relations?focal=AZE&with=ARM&by=year&from=2020&to=2021&evidence=scenario",
  );
  assert.equal(rel.status, 200);
  const r = await rel.json();
  assert.equal(r.quadScheme, "gdelt");
  assert.ok(r.rows.length >= 2);
  const card = await app.request(
    "/api/scorecard?focal=AZE&from=2019&to=2019&weights=relations.warmth=2",
  );
  assert.equal(card.status, 200);
  const sc = await card.json();
  assert.equal(sc.cells.length, 12);
  assert.equal(sc.weights["relations.warmth"], 2);
  assert.ok(Array.isArray(sc.powerGap));
  const bad = await app.request("/api/dependence?focal=AZE&domain=oil");
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /domain/);
  const badW = await app.request("/api/scorecard?focal=AZE&weights=nope=1");
  assert.equal(badW.status, 400);
});

test("a broken default scenario is an error the client sees, never a 200 computed without it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-broken-"));
  writeFileSync(join(dir, "scenario.yaml"), "id: azerbaijan\nfocal: AZE\nfrom: 2011\n");
  const broken = await createApp({ db: ":memory:", scenarios: { azerbaijan: dir } });
  try {
    for (const path of [
      "/api/scorecard?focal=AZE&from=2019&to=2019",
      "/api/dependence?focal=AZE&domain=arms&from=2011&to=2012",
      "/api/relations?focal=AZE&with=ARM&from=2020&to=2021",
    ]) {
      const res = await broken.app.request(path);
      assert.ok(res.status >= 400, `${path} answered ${res.status}`);
      assert.ok((await res.json()).error, path);
    }
    const unknown = await app.request("/api/scorecard?focal=AZE&scenario=no-such-scenario");
    assert.equal(unknown.status, 404);
  } finally {
    await broken.ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
