import assert from "node:assert/strict";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { createApp } from "../../src/server/app.ts";
import { EncodedBodies } from "../../src/server/encoded-bodies.ts";

const CARD = "/api/scorecard?focal=AZE&from=2015&to=2016";

test("a memoised answer is sent as kept bytes: the same JSON plain, and gzipped when the client accepts gzip", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  try {
    const first = await app.request(CARD);
    assert.equal(first.status, 200);
    const text = await first.text();
    assert.ok(text.length > 16 * 1024, "large enough to be kept");
    const plain = await app.request(CARD);
    assert.equal(plain.headers.get("vary"), "Accept-Encoding");
    assert.equal(plain.headers.get("content-encoding"), null);
    assert.equal(await plain.text(), text);
    const gz = await app.request(CARD, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.equal(gz.headers.get("content-type"), "application/json");
    const bytes = Buffer.from(await gz.arrayBuffer());
    assert.ok(bytes.length < text.length / 4, `gzip ${bytes.length} of ${text.length}`);
    assert.equal(gunzipSync(bytes).toString("utf8"), text);
    // Answers that are not memoised are untouched.
    const h = await app.request("/api/health", { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(h.headers.get("content-encoding"), null);
    assert.deepEqual(await h.json(), { ok: true, writable: false });
  } finally {
    await ctx.close();
  }
});

test("EncodedBodies keeps only long strings, at most `entries` of them, least recently added out first", () => {
  const b = new EncodedBodies({ minChars: 4, entries: 2 });
  b.add("abc");
  assert.equal(b.get("abc", false), undefined);
  const x = "x".repeat(10);
  const y = "y".repeat(10);
  const z = "z".repeat(10);
  b.add(x);
  b.add(y);
  assert.deepEqual(b.get(x, false), { body: Buffer.from(x), gzip: false });
  b.add(z);
  assert.equal(b.get(x, false), undefined);
  assert.equal(gunzipSync(b.get(z, true)!.body).toString(), z);
  assert.equal(b.get("w".repeat(10), true), undefined);
});
