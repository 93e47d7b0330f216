import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { jobsFor } from "../../src/server/jobs.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;

// Issue 15: the server answers only its own origin, and crafted parameters get a 4xx, never a 500.

let app: Hono;
before(async () => {
  ({ app } = await createApp({ db: ":memory:" }));
});

const json = (body: unknown, type = "application/json") => ({
  method: "POST",
  headers: { "content-type": type },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

test("a Host other than the loopback names or the configured host is refused with 403 (DNS rebinding)", async () => {
  for (const host of [
    "evil.example",
    "evil.example:8080",
    "127.0.0.1.nip.io",
    "attacker.localhost.evil",
  ]) {
    const res = await app.request("/api/scenarios", { headers: { host } });
    assert.equal(res.status, 403, host);
    assert.match((await res.json()).error, /not a name of this server/);
  }
  for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST"]) {
    const res = await app.request("/api/health", { headers: { host } });
    assert.equal(res.status, 200, host);
  }
  // Static files too: a rebinding page must not read the dashboard either.
  assert.equal((await app.request("/", { headers: { host: "evil.example" } })).status, 403);
  // A server started with --host NAME answers to NAME (and still to loopback names).
  const named = (await createApp({ db: ":memory:", host: "ana.lan" })).app;
  assert.equal(
    (await named.request("/api/health", { headers: { host: "ana.lan:8080" } })).status,
    200,
  );
  assert.equal(
    (await named.request("/api/health", { headers: { host: "other.lan" } })).status,
    403,
  );
  // --allow-host NAME (a reverse proxy's name).
  const proxied = (await createApp({ db: ":memory:", allowedHosts: ["ana.example.org"] })).app;
  const viaProxy = { host: "ana.example.org", origin: "https://ana.example.org" };
  assert.equal((await proxied.request("/api/health", { headers: viaProxy })).status, 200);
  const evil = { host: "evil.example" };
  assert.equal((await proxied.request("/api/health", { headers: evil })).status, 403);
});

test("requests from another origin get 403: Origin header, null origin, Sec-Fetch-Site cross-site", async () => {
  const cross: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "https://evil.example:8080" },
    { origin: "null" },
    { origin: "file://" },
    { "sec-fetch-site": "cross-site" },
  ];
  for (const headers of cross) {
    const get = await app.request("/api/simulate/doctrine?runs=1&years=1", { headers });
    assert.equal(get.status, 403, JSON.stringify(headers));
    const post = await app.request("/api/compute/jobs", {
      ...json({ kind: "doctrine", params: { runs: 1, years: 1 } }),
      headers: { ...headers, "content-type": "application/json" },
    });
    assert.equal(post.status, 403, JSON.stringify(headers));
  }
  // Its own pages (same origin, or a dev server on a loopback name) are served.
  const own: Record<string, string>[] = [
    { origin: "http://localhost:8080", host: "localhost:8080" },
    { origin: "http://127.0.0.1:5173", host: "127.0.0.1:8080" },
    { "sec-fetch-site": "same-origin" },
    { "sec-fetch-site": "none" },
  ];
  for (const headers of own) {
    const res = await app.request("/api/health", { headers });
    assert.equal(res.status, 200, JSON.stringify(headers));
  }
});

test("POST bodies must be application/json: text/plain, form and multipart get 415 and start nothing", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const body = JSON.stringify({ kind: "doctrine", params: { runs: 1, years: 1 } });
  const form = new FormData();
  form.set("kind", "doctrine");
  for (const init of [
    { method: "POST", body }, // a string body is sent as text/plain;charset=UTF-8
    { method: "POST", headers: { "content-type": "text/plain" }, body },
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body },
    { method: "POST", body: form }, // multipart/form-data
    { method: "POST", body: new URLSearchParams({ kind: "doctrine" }) },
  ]) {
    const res = await app.request("/api/compute/jobs", init);
    assert.equal(res.status, 415, JSON.stringify(init.headers ?? {}));
    assert.match((await res.json()).error, /application\/json/);
  }
  assert.equal(jobsFor(ctx).list().length, 0, "no job was started");
  for (const path of ["/api/compute/whatif", "/api/compute/bargain", "/api/compute/landscape"])
    assert.equal((await app.request(path, json("{}", "text/plain"))).status, 415, path);
  // The documented forms still work: JSON, and CSV edge lists.
  const ok = await app.request("/api/compute/jobs", json({ kind: "nosuch" }));
  assert.equal(ok.status, 404);
  const csv = await app.request("/api/compute/brokerage", json("source,target\nA,B\n", "text/csv"));
  assert.equal(csv.status, 200);
});

test("answers carry X-Content-Type-Options: nosniff; unknown methods get 405 with Allow", async () => {
  for (const path of ["/api/health", "/api/nope", "/api/scorecard?focal=nope!"])
    assert.equal((await app.request(path)).headers.get("x-content-type-options"), "nosniff", path);
  for (const [method, path, allow] of [
    ["DELETE", "/api/health", "GET, HEAD"],
    ["PUT", "/api/jobs/00000000-0000-4000-8000-000000000000", "GET, HEAD"],
    ["PATCH", "/api/compute/whatif", "POST"],
    ["DELETE", "/api/scorecard", "GET, HEAD"],
  ]) {
    const res = await app.request(path, { method });
    assert.equal(res.status, 405, `${method} ${path}`);
    assert.equal(res.headers.get("allow"), allow);
    assert.match((await res.json()).error, /not allowed/);
  }
  assert.equal((await app.request("/api/nope", { method: "DELETE" })).status, 404);
});

test("scenario names that are prototype keys or working-directory folders are 404, not 500", async () => {
  for (const id of [
    "constructor",
    "tostring",
    "hasownproperty",
    "valueof",
    "src",
    "test",
    "data",
  ]) {
    for (const path of [`/api/actors?scenario=${id}`, `/api/scorecard?focal=AZE&scenario=${id}`]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match((await res.json()).error, /no scenario/);
    }
  }
  // __proto__ fails the id pattern (400).
  assert.equal((await app.request("/api/actors?scenario=__proto__")).status, 400);
});

test("impossible dates are 400 naming the parameter on /api/events, /api/network and /api/dyads", async () => {
  for (const path of [
    "/api/events?from=2025-02-30",
    "/api/events?from=2024-01&to=2023-02-29",
    "/api/network?focal=AZE&at=2025-02-30",
    "/api/dyads?from=2025-04-31",
    "/api/dyads?from=2025-13",
  ]) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.match((await res.json()).error, /(from|to|at) must be a date/);
  }
  // Real dates still pass (2024 is a leap year).
  assert.equal((await app.request("/api/network?focal=AZE&at=2024-02-29")).status, 200);
});

test("a YAML alias bomb posted to /api/compute/whatif is a prompt 422, not a 500 or a runaway", async () => {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  lines.push("changes: *a11");
  const t0 = performance.now();
  const res = await app.request(
    "/api/compute/whatif",
    json({ focal: "AZE", changes: lines.join("\n") }),
  );
  assert.equal(res.status, 422);
  assert.match(JSON.stringify(await res.json()), /alias/i);
  assert.ok(performance.now() - t0 < 15_000);
});

test("query numbers are decimal: empty strings, hex and seeds ≥ 2^64 are 400, not 0, 16 or a wrapped seed", async () => {
  for (const path of [
    "/api/simulate/doctrine?runs=",
    "/api/simulate/doctrine?runs=0x10",
    "/api/simulate/doctrine?seed=0x10",
    "/api/simulate/doctrine?seed=4294967296",
    "/api/simulate/doctrine?seed=18446744073709551616",
    "/api/simulate/bargain?seed=18446744073709551616",
    "/api/simulate/bargain?seed=99999999999999999999",
    "/api/alignment?focal=AZE&with=RUS&from=&to=2016",
    "/api/alignment?focal=AZE&with=RUS&from=0x7DF&to=2016",
  ]) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.match((await res.json()).error, /seed|runs|from/);
  }
});

test("unknown state codes are 404 (docs: 404 unknown actor); known ones answer 200", async () => {
  for (const path of [
    "/api/alignment?focal=XYZ&with=RUS&from=2016&to=2016",
    "/api/alignment?focal=AZE&with=RUS,QQQ&from=2016&to=2016",
    "/api/hedging?focal=XYZ",
    "/api/relations?focal=AZE&with=XYZ",
    "/api/scorecard?focal=XYZ&from=2015&to=2016",
    "/api/corridors/leverage?country=XYZ&year=2024",
  ]) {
    const res = await app.request(path);
    assert.equal(res.status, 404, path);
    assert.match((await res.json()).error, /no state or actor "(XYZ|QQQ)"/);
  }
  const ok = await app.request("/api/alignment?focal=AZE&with=RUS&from=2016&to=2016");
  assert.equal(ok.status, 200);
  assert.ok((await ok.json()).rows.length > 0);
});

test("from after to is 400 on every route that takes both", async () => {
  for (const path of [
    "/api/alignment?focal=AZE&with=RUS&from=2020&to=2015",
    "/api/events?from=2020&to=2019",
    "/api/dyads?from=2020-05&to=2020-03",
    "/api/hedging?focal=AZE&from=2020&to=2015",
    "/api/multilateralism?focal=AZE&from=2020&to=2015",
    "/api/scorecard?focal=AZE&from=2020&to=2015",
  ]) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.match((await res.json()).error, /after/);
  }
});

test("a writable server caches memoised answers too (no route writes what they read)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-sec-"));
  try {
    const { app, ctx } = await createApp({ db: join(dir, "store.duckdb"), writable: true });
    const computed = countComputations(ctx, "scorecard|");
    const path = "/api/scorecard?focal=AZE&from=2015&to=2016";
    const a = await app.request(path);
    const b = await app.request(path);
    assert.equal(a.status, 200);
    assert.equal(await a.text(), await b.text());
    assert.equal(computed(), 1, "the second request was answered from the cache");
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Count computations (cache misses) of memo keys starting with `prefix`. */
function countComputations(ctx: ServerContext, prefix: string): () => number {
  let n = 0;
  const memo = ctx.memo.bind(ctx);
  ctx.memo = ((key: string, compute: () => Promise<unknown>, keep?: (v: unknown) => boolean) =>
    memo(
      key,
      () => {
        if (key.startsWith(prefix)) n++;
        return compute();
      },
      keep,
    )) as ServerContext["memo"];
  return () => n;
}

test("a read-only server on a store file that does not exist is an error, not an empty store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-sec-"));
  try {
    await assert.rejects(
      createApp({ db: join(dir, "typo.duckdb") }),
      /no store file .*typo\.duckdb/,
    );
    // Writable may create it; the default store (no --db) may be absent.
    const w = await createApp({ db: join(dir, "new.duckdb"), writable: true });
    await w.ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ana serve refuses an extra scenario folder with a shipped scenario's id instead of silently replacing it", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-sec-"));
  try {
    const copy = join(dir, "az");
    cpSync("data/scenarios/azerbaijan", copy, { recursive: true });
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--scenario", copy], {
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /id "azerbaijan" is a shipped scenario's/);
    assert.doesNotMatch(r.stdout, /serving/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ana serve refuses a read-only --db that does not exist (a typo would serve an empty store)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-sec-"));
  try {
    const r = spawnSync(
      process.execPath,
      [BIN, "serve", "--port", "0", "--db", join(dir, "typo.duckdb")],
      { encoding: "utf8", timeout: 60_000 },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /no store file .*typo\.duckdb/);
    assert.doesNotMatch(r.stdout, /serving/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the CLI rejects impossible dates as usage errors, never printing DuckDB's SQL", () => {
  for (const args of [
    ["events", "--from", "2025-02-30"],
    ["dyads", "--from", "2025-02-30", "--db", ":memory:"],
    ["relations", "AZE", "--with", "RUS", "--to", "2023-02-29"],
  ]) {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /--(from|to) must be a date on the calendar/);
    assert.doesNotMatch(r.stderr, /select|duckdb|conversion/i);
  }
});
