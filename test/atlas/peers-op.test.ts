import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import * as ana from "../../src/index.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createApp } from "../../src/server/index.ts";
import { Store } from "../../src/store/store.ts";

let app: Hono;
let ctx: ServerContext;
let store: Store;
before(async () => {
  ({ app, ctx } = await createApp({ db: ":memory:" }));
  store = await Store.panel();
});
after(async () => {
  await ctx.close();
  store.close();
});

test("ana atlas compare: AZE's percentile among NATO members in 2010 is a brute-force count over the Atlas's own rows", async () => {
  const res = await ana.atlasCompare({ focal: "AZE", peers: "NATO", year: 2010, draws: 50 });
  const atlas = await ana.atlasOf(store, { from: 2010, to: 2010, draws: 0 });
  const nato2010 = ["ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FRA", "DEU"]
    .concat(["GRC", "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "NLD", "NOR", "POL", "PRT", "ROU"])
    .concat(["SVK", "SVN", "ESP", "TUR", "GBR", "USA"]);
  assert.deepEqual(res.peerGroups[0].members, [...nato2010].sort());
  for (const measure of ["index", "unvotes", "igo"]) {
    const val = (iso3: string) => {
      const r = atlas.rows.find((x) => x.iso3 === iso3)!;
      return measure === "index" ? r.index : r.components[measure].value;
    };
    const f = val("AZE");
    const xs = nato2010.map(val).filter((x): x is number => x !== null);
    const row = res.rows.find((r) => r.measure === measure)!;
    assert.equal(row.n, xs.length, measure);
    assert.equal(row.missing, nato2010.length - xs.length, measure);
    if (f === null || xs.length < 5) assert.equal(row.percentile, null);
    else {
      const p = xs.reduce((s, x) => s + (x < f ? 1 : x === f ? 0.5 : 0), 0) / xs.length;
      assert.ok(Math.abs(row.percentile! - p) < 1e-12, measure);
      assert.ok(row.interval && row.interval[0] <= p + 1e-9 && row.interval[1] >= p - 1e-9);
    }
  }
  assert.match(res.method, /paired/);
});

test("GET /api/atlas/compare answers 400 naming a bad peer group, 404 for an unknown focal state", async () => {
  const bad = await app.request("/api/atlas/compare?focal=AZE&peers=NATO,WARSAW&year=2010");
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /WARSAW/);
  const custom = await app.request("/api/atlas/compare?focal=AZE&peers=custom:ARM,QQQ&year=2010");
  assert.equal(custom.status, 400);
  assert.match(await custom.text(), /QQQ is not a state code/);
  // An unknown state is the server's 404, as for every route taking a state code.
  const focal = await app.request("/api/atlas/compare?focal=XXX&peers=NATO&year=2010");
  assert.equal(focal.status, 404);
  assert.match(await focal.text(), /XXX/);
});
