import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createApp } from "../../src/server/app.ts";
import { dataFingerprint, ResponseCache } from "../../src/server/response-cache.ts";
import { warmUp, warmUpPaths } from "../../src/server/warm-up.ts";

const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "ana-warm-"));

test("warmUp answers the listed requests in the background, reports progress and failures in /api/health", async () => {
  const cacheDir = tmp();
  try {
    const { app, ctx } = await createApp({ db: ":memory:", cacheDir });
    const paths = [
      "/api/sources",
      "/api/scenario/sources?scenario=azerbaijan",
      "/api/claims?scenario=nope",
    ];
    const running = warmUp(app, ctx, { paths });
    assert.equal(ctx.warmup.state, "warming");
    assert.equal(ctx.warmup.total, 3);
    await running;
    const h = (await (await app.request("/api/health")).json()) as {
      ok: boolean;
      writable: boolean;
      warmup: typeof ctx.warmup;
    };
    assert.equal(h.ok, true);
    assert.equal(h.warmup.state, "failed");
    assert.equal(h.warmup.done, 3);
    assert.equal(h.warmup.current, null);
    assert.deepEqual(
      h.warmup.failed.map((f) => [f.path, f.status]),
      [["/api/claims?scenario=nope", 404]],
    );
    assert.match(h.warmup.failed[0].error, /nope/);
    // The two answers are on disk, under the code-and-data fingerprint.
    const [fp] = readdirSync(cacheDir);
    assert.equal(readdirSync(join(cacheDir, fp)).length, 2);
    await ctx.close();

    // A second server on the same code and data answers from disk without computing: every
    // kept key gives its answer even when computing it would fail.
    const second = await createApp({ db: ":memory:", cacheDir });
    const fresh = await (await app.request("/api/sources")).text();
    const answers: string[] = [];
    for (const f of readdirSync(join(cacheDir, fp))) {
      const { key } = JSON.parse(readFileSync(join(cacheDir, fp, f), "utf8")) as { key: string };
      const v = await second.ctx.memo(key, async (): Promise<unknown> => {
        throw new Error("computed again");
      });
      answers.push((v as { json: string }).json);
    }
    assert.ok(answers.includes(fresh));
    await second.ctx.close();
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test("the warm-up yields: it starts nothing while a visitor's request is being answered", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  ctx.activeRequests = 1;
  const running = warmUp(app, ctx, { paths: ["/api/sources"], yieldMs: 10 });
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(ctx.warmup.done, 0);
  assert.equal(ctx.warmup.current, null);
  ctx.activeRequests = 0;
  await running;
  assert.equal(ctx.warmup.done, 1);
  assert.equal(ctx.warmup.state, "ready");
  // Its own requests are not counted as visitors'.
  assert.equal(ctx.activeRequests, 0);
  await ctx.close();
});

test("warmUpPaths lists the dashboard's first requests for every served scenario, default first", async () => {
  const { ctx } = await createApp({ db: ":memory:", scenarios: { mini: MINI } });
  const paths = warmUpPaths(ctx);
  assert.equal(paths[0], "/api/scorecard?scenario=azerbaijan&focal=AZE&from=2011&to=2025");
  assert.ok(paths.includes("/api/scorecard?focal=AZE&from=2011&to=2025"));
  assert.ok(paths.includes("/api/claims?scenario=mini"));
  assert.ok(paths.includes("/api/network?scenario=mini&focal=AZE&at=2025"));
  assert.equal(paths.at(-1), "/api/sources");
});

test("a writable server keeps no answers on disk, and health keeps its shape until a warm-up runs", async () => {
  const cacheDir = tmp();
  try {
    const { app, ctx } = await createApp({ db: ":memory:", cacheDir, writable: true });
    await ctx.memo("k", async () => "v");
    assert.deepEqual(readdirSync(cacheDir), []);
    assert.deepEqual(await (await app.request("/api/health")).json(), {
      ok: true,
      writable: true,
    });
    await ctx.close();
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test("the fingerprint changes with an extra scenario folder's content; at most three other fingerprints are kept and the cache stops at maxEntries", async () => {
  const dir = tmp();
  try {
    const scen = join(dir, "mini");
    cpSync(MINI, scen, { recursive: true });
    const a = dataFingerprint([scen]);
    assert.equal(dataFingerprint([scen]), a);
    writeFileSync(join(scen, "events.csv"), "changed\n", { flag: "a" });
    const b = dataFingerprint([scen]);
    assert.notEqual(a, b);
    const root = join(dir, "cache");
    new ResponseCache(root, a).put("k", { x: 1 });
    assert.deepEqual(new ResponseCache(root, a).get("k"), { x: 1 });
    const c = new ResponseCache(root, b, 2);
    assert.equal(c.get("k"), undefined);
    // The other fingerprint is kept (another checkout may be serving it); beyond three, the
    // least recently used go.
    assert.deepEqual(readdirSync(root).sort(), [a, b].sort());
    for (const f of ["0000000000000001", "0000000000000002", "0000000000000003"]) {
      new ResponseCache(root, f);
      await new Promise((r) => setTimeout(r, 20));
    }
    new ResponseCache(root, b);
    assert.deepEqual(
      readdirSync(root).sort(),
      [b, "0000000000000001", "0000000000000002", "0000000000000003"].sort(),
    );
    // Full: further answers stay in memory only.
    for (const k of ["a", "b", "c"]) c.put(k, k);
    assert.deepEqual(
      ["a", "b", "c"].map((k) => c.get(k)),
      ["a", "b", undefined],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
