import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, test } from "node:test";
import { stopMipWorker } from "../../src/network/solve-mip.ts";
import { createApp } from "../../src/server/app.ts";

after(() => stopMipWorker());

test("POST /api/compute/balance takes CSV text and returns the published tribes values", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/compute/balance", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: readFileSync("test/data/graphs/tribes_edges.csv", "utf8"),
  });
  assert.equal(res.status, 200);
  const r = (await res.json()).results[0];
  assert.equal(r.frustration, 7);
  assert.equal(r.optimal, true);
});

test("POST /api/compute/balance takes JSON edges and rejects bad rows with 422 naming line and field", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const ok = await app.request("/api/compute/balance", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ edges: [{ source: "a", target: "b", sign: -1 }] }),
  });
  assert.equal(ok.status, 200);
  const bad = await app.request("/api/compute/balance", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ edges: [{ source: "a", target: "b" }] }),
  });
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).problems[0].field, "sign");
  const tooLong = await app.request("/api/compute/balance", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ edges: [{ source: "a", target: "b", sign: 1 }], timeLimit: 3600 }),
  });
  assert.equal(tooLong.status, 400);
});

test("POST /api/compute/brokerage takes blocs and returns roles", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/compute/brokerage", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      edges: [
        { source: "A", target: "B" },
        { source: "B", target: "C" },
      ],
      blocs: { A: "x", B: "y", C: "z" },
    }),
  });
  assert.equal(res.status, 200);
  const b = (await res.json()).nodes.find((n: { id: string }) => n.id === "B");
  assert.equal(b.roles.liaison, 2);
  assert.equal(b.betweenness, 1);
});

test("GET /api/network validates focal and date", async () => {
  const { app } = await createApp({ db: ":memory:" });
  assert.equal((await app.request("/api/network?focal=AZE&at=yesterday")).status, 400);
  assert.equal((await app.request("/api/network?at=2019")).status, 400);
});

test("GET /api/network answers for the Azerbaijan scenario in 2019 with AZE's bloc and brokerage", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/network?focal=AZE&at=2019-06-01");
  assert.equal(res.status, 200);
  const v = await res.json();
  assert.equal(v.focal, "AZE");
  assert.equal(v.focalView.inNetwork, true);
  assert.ok(v.balance.edges > 0);
  assert.ok(v.focalView.brokerage.betweenness >= 0);
});
