import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { atlas } from "../../src/index.ts";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";

let app: Hono;
let ctx: ServerContext;
before(async () => {
  ({ app, ctx } = await createApp({ db: ":memory:" }));
});
after(() => ctx.close());

test("GET /api/atlas answers TEAM.md's AtlasResult shape, the same as the library", async () => {
  const res = await app.request("/api/atlas?year=2012&draws=20");
  assert.equal(res.status, 200);
  const body = await res.json();
  for (const k of [
    "from",
    "to",
    "poles",
    "weights",
    "formula",
    "draws",
    "seed",
    "level",
    "components",
    "rows",
  ])
    assert.ok(k in body, k);
  assert.deepEqual(body.poles, { WEST: ["USA"], RUS: ["RUS"], CHN: ["CHN"] });
  assert.equal(body.from, 2012);
  assert.equal(body.to, 2012);
  const row = body.rows.find((r: { iso3: string }) => r.iso3 === "AZE");
  for (const k of [
    "iso3",
    "name",
    "year",
    "index",
    "status",
    "interval",
    "coverage",
    "rank",
    "rankInterval",
    "components",
  ])
    assert.ok(k in row, k);
  for (const c of ["unvotes", "alliances", "igo", "idealpoints", "arms", "trade"])
    assert.ok(
      ["value", "interval", "status"].every((k) => k in row.components[c]),
      c,
    );
  const lib = await atlas({ year: 2012, draws: 20 });
  assert.deepEqual(JSON.parse(JSON.stringify(lib)), body);
});

test("GET /api/atlas: bad input is a 400 naming the parameter", async () => {
  for (const [q, name] of [
    ["year=2012&weights=foo=1", "weights"],
    ["year=2012&poles=WEST=USA", "poles"],
    ["from=2015&to=2010", "from"],
    ["year=2012&draws=99999", "draws"],
    ["year=2012&level=2", "level"],
  ]) {
    const res = await app.request(`/api/atlas?${q}`);
    assert.equal(res.status, 400, q);
    const text = await res.text();
    assert.ok(text.includes(name), `${q}: ${text}`);
  }
});
