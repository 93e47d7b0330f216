import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createApp } from "../../src/server/app.ts";
import { HttpError } from "../../src/server/context.ts";
import { JobManager, jobsFor } from "../../src/server/jobs.ts";

async function until(m: JobManager, id: string, ms = 3000) {
  const t0 = Date.now();
  while (m.get(id)?.status === "running" && Date.now() - t0 < ms) await sleep(5);
  return m.get(id)!;
}

test("a job reports progress while it runs and its result when done", async () => {
  const m = new JobManager();
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  m.define({
    name: "sum",
    summary: "sum 1..n",
    params: z.object({ n: z.number().int().min(1) }),
    async run({ n }, ctl) {
      ctl.progress(0.5, "half way");
      await gate;
      return { sum: (n * (n + 1)) / 2 };
    },
  });
  const job = m.create("sum", { n: 100 });
  assert.equal(job.status, "running");
  await sleep(20);
  assert.equal(m.get(job.id)!.progress, 0.5);
  assert.equal(m.get(job.id)!.message, "half way");
  release();
  const done = await until(m, job.id);
  assert.equal(done.status, "done");
  assert.equal(done.progress, 1);
  assert.deepEqual(done.result, { sum: 5050 });
});

test("bad parameters, unknown kinds and too many running jobs are refused with 400, 404 and 503", () => {
  const m = new JobManager({ maxRunning: 1 });
  m.define({
    name: "wait",
    summary: "waits",
    params: z.object({ ms: z.number().max(1000) }),
    run: ({ ms }) => sleep(ms),
  });
  assert.throws(
    () => m.create("wait", { ms: "x" }),
    (e: unknown) => e instanceof HttpError && e.status === 400 && /params\.ms/.test(e.message),
  );
  assert.throws(
    () => m.create("nope", {}),
    (e: unknown) => e instanceof HttpError && e.status === 404,
  );
  m.create("wait", { ms: 200 });
  assert.throws(
    () => m.create("wait", { ms: 1 }),
    (e: unknown) => e instanceof HttpError && e.status === 503,
  );
  m.cancelAll();
});

test("a job past its time limit is stopped, marked timeout and its signal aborted", async () => {
  const m = new JobManager();
  let aborted = false;
  m.define({
    name: "forever",
    summary: "never ends",
    params: z.object({}),
    maxSeconds: 0.05,
    run: (_p, ctl) =>
      new Promise((_res, rej) => {
        ctl.signal.addEventListener("abort", () => {
          aborted = true;
          rej(new Error("aborted"));
        });
      }),
  });
  const j = await until(m, m.create("forever", {}).id);
  assert.equal(j.status, "timeout");
  assert.ok(aborted);
  assert.match(j.error!, /time limit/);
});

test("a failing job keeps its error; cancelled jobs stay cancelled; old finished jobs are dropped", async () => {
  const m = new JobManager({ maxKept: 3 });
  m.define({
    name: "boom",
    summary: "fails",
    params: z.object({}),
    run: async () => {
      throw new Error("kaput");
    },
  });
  m.define({ name: "slow", summary: "slow", params: z.object({}), run: () => sleep(500) });
  const f = await until(m, m.create("boom", {}).id);
  assert.equal(f.status, "failed");
  assert.equal(f.error, "kaput");
  const s = m.create("slow", {});
  assert.equal(m.cancel(s.id)!.status, "cancelled");
  for (let i = 0; i < 4; i++) await until(m, m.create("boom", {}).id);
  assert.ok(m.list().length <= 4, `kept ${m.list().length}`);
  assert.equal(m.get(f.id), undefined, "the oldest finished job was dropped");
});

test("POST /api/compute/jobs starts a job that GET /api/jobs/{id} polls to its result", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  jobsFor(ctx).define({
    name: "square",
    summary: "x²",
    params: z.object({ x: z.number() }),
    run: async ({ x }) => ({ y: x * x }),
  });
  const res = await app.request("/api/compute/jobs", {
    method: "POST",
    body: JSON.stringify({ kind: "square", params: { x: 12 } }),
    headers: { "Content-Type": "application/json" },
  });
  assert.equal(res.status, 202);
  const job = (await res.json()) as { id: string };
  assert.equal(res.headers.get("location"), `/api/jobs/${job.id}`);
  let body: { status: string; result?: unknown } = { status: "running" };
  for (let i = 0; i < 100 && body.status === "running"; i++) {
    await sleep(5);
    body = await (await app.request(`/api/jobs/${job.id}`)).json();
  }
  assert.equal(body.status, "done");
  assert.deepEqual(body.result, { y: 144 });
  const list = await (await app.request("/api/jobs")).json();
  assert.ok(list.kinds.some((k: { name: string }) => k.name === "square"));
});

test("the job endpoints reject bad input: no JSON, bad kind, bad params, bad or unknown id", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  jobsFor(ctx).define({
    name: "square",
    summary: "x²",
    params: z.object({ x: z.number() }),
    run: async ({ x }) => x * x,
  });
  const post = (body: string) =>
    app.request("/api/compute/jobs", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
  assert.equal((await post("not json")).status, 400);
  assert.equal((await post(JSON.stringify({ kind: "../etc" }))).status, 400);
  assert.equal((await post(JSON.stringify({ kind: "nosuch" }))).status, 404);
  const bad = await post(JSON.stringify({ kind: "square", params: { x: "seven" } }));
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /params\.x/);
  assert.equal((await app.request("/api/jobs/not-a-uuid")).status, 400);
  assert.equal((await app.request("/api/jobs/00000000-0000-4000-8000-000000000000")).status, 404);
  assert.equal(
    (
      await app.request("/api/compute/jobs/00000000-0000-4000-8000-000000000000/cancel", {
        method: "POST",
      })
    ).status,
    404,
  );
});
