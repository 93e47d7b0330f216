import assert from "node:assert/strict";
import { test } from "node:test";
import { createApp } from "../../src/server/app.ts";

test("GET /api/health answers and says the server is read-only by default", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/health");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, writable: false });
});

test("the API rejects bad query input with 400 and names the parameter", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/events?from=yesterday");
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /from/);
});

test("the API never resolves a request's scenario name to a path", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/actors?scenario=..%2F..%2Fetc");
  assert.equal(res.status, 400);
  const missing = await app.request("/api/actors?scenario=no-such-scenario");
  assert.equal(missing.status, 404);
});

test("a read-only server refuses changes with 403", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/anything", { method: "POST", body: "{}" });
  assert.equal(res.status, 403);
});

test("unknown endpoints get a JSON 404 pointing at the OpenAPI document", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/nope");
  assert.equal(res.status, 404);
  assert.match((await res.json()).error, /openapi/);
});
