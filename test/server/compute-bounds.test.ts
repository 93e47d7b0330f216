import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parseParams } from "../../src/ops/parse.ts";
import { operation } from "../../src/ops/registry.ts";
import { createApp } from "../../src/server/app.ts";
import { HttpError } from "../../src/server/context.ts";
import { JobManager, jobsFor } from "../../src/server/jobs.ts";
import { runOperationInWorker } from "../../src/server/op-worker.ts";

// Issue 15 (High 1, High 2, Medium 5): every computation reachable over HTTP is bounded, runs off
// the event loop, and stops (threads freed) on cancel, time limit or client disconnect.

/** Threads of this process, from the kernel (Linux). */
const threads = () =>
  Number(/^Threads:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);

async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) assert.fail(`${what} (after ${ms} ms)`);
    await sleep(50);
  }
}

/** A doctrine run long enough to still be running when cancelled (~10 s on a free core). */
const HEAVY = { runs: 2000, years: 50, seed: 1 };
const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Settle thread pools (libuv, tsx) with one small job run to the end, then read the baseline. */
async function baseline(app: Awaited<ReturnType<typeof createApp>>["app"]): Promise<number> {
  const r = await app.request("/api/simulate/doctrine?runs=10&years=2");
  assert.equal(r.status, 200);
  await sleep(300);
  return threads();
}

test("cancelling running doctrine jobs terminates their threads: the thread count returns to baseline", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const base = await baseline(app);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await app.request(
      "/api/compute/jobs",
      post({ kind: "doctrine", params: { ...HEAVY, seed: i + 1 } }),
    );
    assert.equal(res.status, 202);
    ids.push(((await res.json()) as { id: string }).id);
  }
  // Each job runs in its own worker (plus the doctrine's own threads).
  await until(() => threads() >= base + 4, 30_000, "the jobs' threads did not start");
  // Four are running: a fifth job, or the same computation as a plain GET, is refused.
  const fifth = await app.request("/api/compute/jobs", post({ kind: "doctrine", params: HEAVY }));
  assert.equal(fifth.status, 503);
  jobsFor(ctx).limits.queueSeconds = 0.5; // a request waits for a slot this long, then 503
  const direct = await app.request("/api/simulate/doctrine?runs=2000&years=50");
  assert.equal(direct.status, 503);
  assert.match((await direct.json()).error, /already running \(waited 0.5 s\)/);
  for (const id of ids) {
    const res = await app.request(`/api/compute/jobs/${id}/cancel`, { method: "POST" });
    assert.equal(((await res.json()) as { status: string }).status, "cancelled");
  }
  await until(() => threads() <= base, 10_000, `threads stayed above ${base}: ${threads()}`);
  assert.equal(jobsFor(ctx).running(), 0);
  // Slots are free again.
  const again = await app.request("/api/compute/jobs", post({ kind: "doctrine", params: HEAVY }));
  assert.equal(again.status, 202);
  jobsFor(ctx).cancelAll();
  await until(() => threads() <= base, 10_000, "the last job's threads were not freed");
});

test("a client that leaves stops its computation: GET /api/simulate/doctrine frees its threads on disconnect", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const base = await baseline(app);
  const ac = new AbortController();
  const pending = Promise.resolve(
    app.request("/api/simulate/doctrine?runs=2000&years=50", { signal: ac.signal }),
  ).catch((e: unknown) => e);
  await until(() => threads() > base, 30_000, "the request's worker did not start");
  assert.equal(jobsFor(ctx).running(), 1, "the request holds one of the job slots");
  ac.abort();
  await pending;
  await until(() => threads() <= base, 10_000, `threads stayed above ${base}: ${threads()}`);
  assert.equal(jobsFor(ctx).running(), 0);
});

test("a computation past its time limit is stopped with a 503 naming the limit, and its threads freed", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const base = await baseline(app);
  const jobs = jobsFor(ctx);
  const t0 = Date.now();
  await assert.rejects(
    jobs.runBounded(
      (signal) =>
        runOperationInWorker("simulate doctrine", { ...HEAVY, scenario: undefined }, ctx.options, {
          signal,
        }),
      { seconds: 1 },
    ),
    (e: unknown) => e instanceof HttpError && e.status === 503 && /1 s time limit/.test(e.message),
  );
  assert.ok(Date.now() - t0 < 8000, `stopped after ${Date.now() - t0} ms`);
  await until(() => threads() <= base, 10_000, `threads stayed above ${base}: ${threads()}`);
});

test("the event loop stays free during CPU-bound compute: /api/health answers fast while a landscape runs", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  // 200 actors with seeded pseudo-random propensities: seconds of local search (issue: 18 s).
  const n = 200;
  let x = 12345;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const names = Array.from({ length: n }, (_, i) => `A${i}`);
  const actors = `name,size\n${names.map((a) => `${a},${(1 + rnd() * 9).toFixed(2)}`).join("\n")}\n`;
  const rows = ["a,b,p"];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      rows.push(`${names[i]},${names[j]},${(rnd() * 2 - 1).toFixed(3)}`);
  const ac = new AbortController();
  const pending = Promise.resolve(
    app.request("/api/compute/landscape", {
      ...post({ actors, propensities: `${rows.join("\n")}\n`, restarts: 20000 }),
      signal: ac.signal,
    }),
  ).catch((e: unknown) => e);
  await until(() => jobsFor(ctx).running() === 1, 10_000, "the landscape did not start");
  await sleep(1500); // let the worker get into the search
  let worst = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const res = await app.request("/api/health");
    worst = Math.max(worst, performance.now() - t0);
    assert.equal(res.status, 200);
    await sleep(100);
  }
  assert.equal(jobsFor(ctx).running(), 1, "the landscape was still running while health was asked");
  assert.ok(worst < 1000, `/api/health took ${Math.round(worst)} ms during the computation`);
  ac.abort();
  await pending;
  await until(() => jobsFor(ctx).running() === 0, 10_000, "the landscape did not stop");
});

test("doctrine over HTTP is bounded by runs × years (memory), with a 400 naming both", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/simulate/doctrine?runs=20000&years=50&seed=1");
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /runs × years must be at most 100000/);
  const job = await app.request(
    "/api/compute/jobs",
    post({ kind: "doctrine", params: { runs: 20000, years: 50 } }),
  );
  // A job validates its limits when it runs: it fails with the same message.
  assert.equal(job.status, 202);
  const { id } = (await job.json()) as { id: string };
  let j: { status: string; error?: string } = { status: "running" };
  for (let i = 0; i < 200 && j.status === "running"; i++) {
    await sleep(100);
    j = await (await app.request(`/api/jobs/${id}`)).json();
  }
  assert.equal(j.status, "failed");
  assert.match(j.error ?? "", /runs × years must be at most 100000/);
});

test("CPU-bound measures run off the event loop: the loop never stalls a second during GET /api/alignment over every partner", async () => {
  const { app } = await createApp({ db: ":memory:" });
  // Load the scenario and the known states first (done once per server).
  assert.equal((await app.request("/api/hedging?focal=AZE")).status, 200);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const res = await app.request("/api/alignment?focal=AZE&from=2011&to=2024&draws=1000");
  h.disable();
  assert.equal(res.status, 200);
  assert.ok(((await res.json()) as { rows: unknown[] }).rows.length > 100);
  assert.ok(h.max / 1e6 < 1000, `the event loop stalled ${Math.round(h.max / 1e6)} ms`);
});

test("requests that find every slot taken wait their turn (bounded), and never exceed maxRunning", async () => {
  const m = new JobManager({ maxRunning: 2, maxQueued: 2, queueSeconds: 5 });
  let peak = 0;
  const gates: (() => void)[] = [];
  const work = () =>
    m.runBounded(async () => {
      peak = Math.max(peak, m.running());
      await new Promise<void>((r) => gates.push(r));
      return m.running();
    });
  const all = [work(), work(), work(), work()];
  // A fifth finds two running and two waiting: 503 at once.
  await assert.rejects(work(), (e: unknown) => e instanceof HttpError && e.status === 503);
  await until(() => gates.length === 2, 2000, "two ran");
  gates.shift()?.();
  await until(() => gates.length === 2, 2000, "a waiting one took the freed slot");
  while (gates.length > 0 || peak < 2) {
    gates.shift()?.();
    await sleep(20);
  }
  await Promise.all(all);
  assert.equal(peak, 2);
  assert.equal(m.running(), 0);
  // A waiting request whose client leaves gives up its place.
  const hold = m.runBounded(() => new Promise((r) => setTimeout(r, 300)));
  const hold2 = m.runBounded(() => new Promise((r) => setTimeout(r, 300)));
  const ac = new AbortController();
  const queued = m.runBounded(async () => "ran", { signal: ac.signal });
  ac.abort();
  await assert.rejects(queued, /closed the connection/);
  await Promise.all([hold, hold2]);
  assert.equal(m.running(), 0);
});

test("bargain jobs (once synchronous on the event loop) are cancelled at once: thread terminated, slot freed", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const base = await baseline(app);
  const res = await app.request(
    "/api/compute/jobs",
    post({ kind: "bargain", params: { example: "tripp", runs: 200, sensitivity: true } }),
  );
  assert.equal(res.status, 202);
  const { id } = (await res.json()) as { id: string };
  await until(() => threads() > base, 30_000, "the job's thread did not start");
  const t0 = performance.now();
  const cancel = await app.request(`/api/compute/jobs/${id}/cancel`, { method: "POST" });
  assert.ok(performance.now() - t0 < 1000, "the cancel was answered while the job computed");
  assert.equal(((await cancel.json()) as { status: string }).status, "cancelled");
  await until(() => jobsFor(ctx).running() === 0, 2000, "the slot was not freed");
  await until(() => threads() <= base, 10_000, `threads stayed above ${base}: ${threads()}`);
  const job = (await (await app.request(`/api/jobs/${id}`)).json()) as { status: string };
  assert.equal(job.status, "cancelled");
});

test("a DuckDB-using measure past its time limit answers 503 without killing the process (its thread ends by itself)", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  const base = await baseline(app);
  const op = operation("alignment");
  assert.ok(op);
  const params = parseParams(op, { focal: "AZE", from: "2011", to: "2024", draws: "1000" });
  await assert.rejects(
    jobsFor(ctx).runBounded(
      (signal) =>
        runOperationInWorker("alignment", params, ctx.options, { signal }, { terminate: false }),
      { seconds: 2.5 },
    ),
    (e: unknown) => e instanceof HttpError && e.status === 503 && /time limit/.test(e.message),
  );
  // Terminating a thread with DuckDB open would have aborted this process; it is alive, and the
  // slot was held until the thread ended.
  assert.equal(jobsFor(ctx).running(), 0);
  await until(() => threads() <= base, 10_000, `threads stayed above ${base}: ${threads()}`);
  assert.equal((await app.request("/api/health")).status, 200);
});
