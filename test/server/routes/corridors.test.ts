import assert from "node:assert/strict";
import { after, test } from "node:test";
import { stopWorker } from "../../../src/corridor/run-in-worker.ts";
import { createApp } from "../../../src/server/app.ts";

after(() => stopWorker());

test("GET /api/corridors/compare returns ranked routes", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const r = await app.request("/api/corridors/compare?from=CHN&to=DEU&year=2023&weights=time=2");
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.routes[0].corridor, "Middle");
});

test("GET /api/corridors/network gives nodes and links with lon/lat", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const body = await (await app.request("/api/corridors/network?year=2024")).json();
  assert.ok(
    body.nodes.every(
      (n: { lon: number; lat: number }) => Number.isFinite(n.lon) && Number.isFinite(n.lat),
    ),
  );
  const btk = body.links.find((l: { id: string }) => l.id === "BTK");
  assert.equal(btk.opened, "2017-10-30");
  assert.equal(typeof btk.from.lon, "number");
});

test("GET /api/corridors/disrupt and /leverage run in the worker; bad codes are a 400", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const d = await app.request("/api/corridors/disrupt?close=RUS&year=2024");
  assert.equal(d.status, 200);
  assert.deepEqual((await d.json()).closed, ["RUS"]);
  const l = await app.request("/api/corridors/leverage?country=GEO&network=gas&year=2023");
  assert.equal(l.status, 200);
  assert.equal((await l.json()).rows[0].network, "gas");
  assert.equal((await app.request("/api/corridors/disrupt?close=ZZ9")).status, 400);
});
