import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createApp } from "../../src/server/app.ts";
import { EVENTS_IDLE_MS, ServerContext } from "../../src/server/context.ts";
import { Store } from "../../src/store/store.ts";

const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "ana-ctx-"));

test("a broken default scenario is an error the user sees, never an answer computed without it", async () => {
  const dir = tmp();
  try {
    const broken = join(dir, "azerbaijan");
    cpSync(MINI, broken, { recursive: true });
    writeFileSync(join(broken, "events.csv"), "id,date\nx,not-a-date\n");
    const { app, ctx } = await createApp({ db: ":memory:", scenarios: { azerbaijan: broken } });
    for (const path of [
      "/api/scorecard?focal=AZE&from=2015&to=2016",
      "/api/dependence?focal=AZE&domain=arms",
      "/api/relations?focal=AZE&with=ARM",
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 422, path);
      const body = (await res.json()) as { error: string; problems: unknown[] };
      assert.equal(body.error, "invalid data");
      assert.ok(body.problems.length > 0);
    }
    assert.throws(() => ctx.scenarioOrDefault(), /events\.csv|invalid/i);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("scenarioOrDefault is undefined only when the server serves no default scenario", () => {
  const ctx = new ServerContext({ db: ":memory:" });
  assert.equal(ctx.scenarioOrDefault()?.meta.id, "azerbaijan");
  assert.equal(ctx.scenarioOrDefault("azerbaijan")?.meta.id, "azerbaijan");
});

const STORE_TS = new URL("../../src/store/store.ts", import.meta.url).href;

/** Try to open `path` for writing in another process (DuckDB's locks are per process). */
function writeFromOtherProcess(path: string): { status: number | null; stderr: string } {
  const src = `const { Store } = await import(${JSON.stringify(STORE_TS)});
    (await Store.open(${JSON.stringify(path)}, { access: "write" })).close();`;
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", src], {
    encoding: "utf8",
  });
}

test("a read-only server's event reads share one READ_ONLY handle and release the file when idle", async () => {
  const dir = tmp();
  const db = join(dir, "s.duckdb");
  try {
    (await Store.open(db, { access: "write" })).close();
    const ctx = new ServerContext({ db });
    const [a, b] = await Promise.all([
      ctx.withEvents(async (s) => s),
      ctx.withEvents(async (s) => s),
    ]);
    assert.equal(a, b);
    assert.equal(a.access, "read");
    assert.equal(a.file, true);
    // Just after a request the handle is still open: a writer elsewhere is refused, naming us.
    const busy = writeFromOtherProcess(db);
    assert.notEqual(busy.status, 0);
    assert.match(busy.stderr, new RegExp(`in use by PID ${process.pid}`));
    // Once idle, the file is free for a writer.
    await new Promise((r) => setTimeout(r, EVENTS_IDLE_MS + 500));
    const free = writeFromOtherProcess(db);
    assert.equal(free.status, 0, free.stderr);
    assert.equal(await ctx.withEvents(async () => 2), 2);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("while another process writes the store, event reads answer 503 naming it", async () => {
  const dir = tmp();
  const db = join(dir, "s.duckdb");
  const src = `const { Store } = await import(${JSON.stringify(STORE_TS)});
    await Store.open(${JSON.stringify(db)}, { access: "write" });
    process.stdout.write("open\\n"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", src], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("open") && resolve());
      child.on("exit", (c) => reject(new Error(`writer exited ${c}`)));
    });
    const ctx = new ServerContext({ db });
    await assert.rejects(
      ctx.withEvents(async () => 1),
      (e: Error & { status?: number }) =>
        e.status === 503 && new RegExp(`being written by PID ${child.pid}`).test(e.message),
    );
    await ctx.close();
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the panel store is shared, in memory, and never opens the store file", async () => {
  const dir = tmp();
  try {
    const ctx = new ServerContext({ db: join(dir, "none.duckdb") });
    const p = await ctx.panel();
    assert.equal(p, await ctx.store());
    assert.equal(p.file, false);
    assert.equal(p.access, "panel");
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
