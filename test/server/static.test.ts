import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Hono } from "hono";
import { ServerContext } from "../../src/server/context.ts";
import { register, safeFile } from "../../src/server/routes/static.ts";

function site() {
  const root = mkdtempSync(join(tmpdir(), "ana-static-"));
  mkdirSync(join(root, "dist", "assets"), { recursive: true });
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>ANA</title>");
  writeFileSync(join(root, "dist", "assets", "app-1.js"), "console.log(1)");
  writeFileSync(join(root, "secret.txt"), "do not serve");
  const app = new Hono();
  register(app, new ServerContext({ db: ":memory:" }), join(root, "dist"));
  app.get("/api/later", (c) => c.json({ later: true }));
  return { root, app };
}

test("the dashboard's files are served with their type, a CSP that keeps requests on this server, and long caching for hashed assets", async () => {
  const { app } = site();
  const js = await app.request("/assets/app-1.js");
  assert.equal(js.status, 200);
  assert.match(js.headers.get("content-type")!, /javascript/);
  assert.match(js.headers.get("cache-control")!, /immutable/);
  const index = await app.request("/");
  assert.match(await index.text(), /<title>ANA/);
  assert.match(index.headers.get("content-security-policy")!, /default-src 'self'/);
  assert.match(index.headers.get("content-security-policy")!, /connect-src 'self'/);
});

test("page paths get the single-page app; missing asset paths get 404", async () => {
  const { app } = site();
  const page = await app.request("/timeline?focal=AZE");
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>ANA/);
  assert.equal((await app.request("/assets/nope.js")).status, 404);
});

test("no request path reaches a file outside the built dashboard", async () => {
  const { root, app } = site();
  for (const p of [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/..%2F..%2Fsecret.txt",
    "/..%5csecret.txt",
    "/%00",
    "/.hidden",
  ]) {
    const res = await app.request(p);
    assert.doesNotMatch(await res.text(), /do not serve/, p);
  }
  const dist = join(root, "dist");
  assert.equal(safeFile(dist, "/../secret.txt"), null);
  assert.equal(safeFile(dist, "/assets/%2e%2e/%2e%2e/secret.txt"), null);
  assert.equal(safeFile(dist, "/%E0%A4%A"), null);
  assert.equal(safeFile(dist, "/assets/app-1.js"), join(dist, "assets", "app-1.js"));
});

test("API routes registered after the static route still answer", async () => {
  const { app } = site();
  const res = await app.request("/api/later");
  assert.deepEqual(await res.json(), { later: true });
});
