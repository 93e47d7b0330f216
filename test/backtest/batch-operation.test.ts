import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ValidationError } from "../../src/data/problem.ts";
import { backtestBatch, backtestTrackRecord, trackRecord } from "../../src/index.ts";
import { OpError } from "../../src/ops/errors.ts";
import { createApp } from "../../src/server/index.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const EXAMPLE = `${ROOT}data/models/backtest/batch-example-synthetic.csv`;
const SHIPPED = `${ROOT}data/models/backtest/track-record.json`;
const dir = mkdtempSync(join(tmpdir(), "ana-batch-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const ALL = ["smp", "bdm", "compromise", "median", "mean", "statusquo"];

test("backtestBatch scores the example's issues with outcomes; the baselines equal an independent computation", async () => {
  const r = await backtestBatch({ file: EXAMPLE, draws: 5 });
  assert.equal(r.file, EXAMPLE);
  assert.deepEqual(r.models, ALL);
  assert.deepEqual(
    r.issues.map((i) => i.id),
    ["synthetic-1", "synthetic-2"],
  );
  assert.deepEqual(r.skipped, [
    { id: "synthetic-3", reason: "no decision outcome recorded (unresolved)" },
  ]);
  // The issues use two scales (0–100 and 4–10): all mapped onto 0–100, and said so.
  assert.match(r.notes.join(" "), /mapped linearly onto 0–100/);
  // synthetic-1, by hand from the file: capability, position, salience.
  const a = [
    [10, 80, 70],
    [10, 100, 60],
    [29, 20, 90],
    [29, 60, 50],
    [12, 75, 40],
    [4, 0, 80],
  ];
  const w = a.map(([c, , s]) => c * s);
  const compromise = a.reduce((t, [, x], k) => t + w[k] * x, 0) / w.reduce((t, x) => t + x, 0);
  const [i1, i2] = r.issues;
  assert.ok(Math.abs((i1.predictions.compromise as number) - compromise) < 1e-9);
  assert.equal(i1.predictions.mean, (80 + 100 + 20 + 60 + 75 + 0) / 6);
  assert.equal(i1.predictions.median, (60 + 75) / 2);
  assert.equal(i1.predictions.statusquo, 0);
  // synthetic-2 on 4–10: positions 4, 10, 7, 4 (State E took none) → 0, 100, 50, 0; outcome 7 → 50.
  assert.equal(i2.outcome, 50);
  assert.equal(i2.predictions.mean, 37.5);
  assert.equal(i2.predictions.median, 25);
  const mae = (m: string) =>
    r.issues.reduce(
      (t, i) => t + Math.abs((i.predictions[m] as number) - (i.outcome as number)),
      0,
    ) / r.issues.length;
  for (const s of r.summary) {
    assert.equal(s.n, 2);
    assert.ok(Math.abs((s.mae as number) - mae(s.model)) < 1e-9, s.model);
  }
});

test("backtestBatch returns the keys of the agreed BacktestResult shape", async () => {
  const r = await backtestBatch({ file: EXAMPLE, models: ["compromise", "mean"], draws: 0 });
  for (const k of [
    "file",
    "models",
    "capabilities",
    "summary",
    "byProcedure",
    "byRule",
    "calibration",
    "issues",
    "skipped",
  ])
    assert.ok(k in r, k);
  assert.deepEqual(Object.keys(r.summary[0]).sort(), [
    "diffVsCompromise",
    "mae",
    "medianAE",
    "model",
    "n",
    "rmse",
    "within10",
  ]);
  assert.deepEqual(
    r.byProcedure.map((g) => `${g.group}/${g.model}`),
    ["CNS/compromise", "CNS/mean", "COD/compromise", "COD/mean"],
  );
});

test("backtestBatch rejects a bad file with file:line: field, and an unknown model", async () => {
  const bad = join(dir, "bad.csv");
  writeFileSync(bad, "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,3\nB,x,2,3\n");
  await assert.rejects(
    backtestBatch({ file: bad }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes(`${bad}:5: Capability: must be a number`),
  );
  await assert.rejects(
    backtestBatch({ file: EXAMPLE, models: ["smp", "oracle"] as never }),
    /oracle/,
  );
});

test("backtestTrackRecord reads a track record file: the scores, where they come from, no issue rows", async () => {
  const r = await backtestBatch({ file: EXAMPLE, draws: 5 });
  const f = join(dir, "tr.json");
  writeFileSync(f, JSON.stringify(trackRecord(r, { file: EXAMPLE, command: "test" })));
  const t = await backtestTrackRecord({ file: f });
  assert.equal(t.source, "docs/backtest.md");
  assert.equal(t.file, f);
  assert.equal(t.dataset.file, "batch-example-synthetic.csv");
  assert.deepEqual(t.summary, r.summary);
  assert.deepEqual(t.calibration, r.calibration);
  assert.equal(t.dataset.issues, 2);
  assert.equal(t.dataset.skipped, 1);
  assert.ok(!("issues" in t));
});

test("backtestTrackRecord: a missing file is a 404 and a malformed one a 500, never a degraded answer", async () => {
  await assert.rejects(
    backtestTrackRecord({ file: join(dir, "nope.json") }),
    (e: unknown) => e instanceof OpError && e.status === 404 && /no track record/.test(e.message),
  );
  const f = join(dir, "bad.json");
  writeFileSync(f, JSON.stringify({ summary: [] }));
  await assert.rejects(
    backtestTrackRecord({ file: f }),
    (e: unknown) =>
      e instanceof OpError && e.status === 500 && /not a track record/.test(e.message),
  );
  writeFileSync(f, "{");
  await assert.rejects(
    backtestTrackRecord({ file: f }),
    (e: unknown) => e instanceof OpError && e.status === 500 && /not JSON/.test(e.message),
  );
});

test("GET /api/backtest/track-record answers the shipped track record, or 404 when none is shipped", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  try {
    const res = await app.request("/api/backtest/track-record");
    const body = (await res.json()) as { summary?: unknown; error?: string };
    if (existsSync(SHIPPED)) {
      assert.equal(res.status, 200);
      assert.deepEqual(body.summary, JSON.parse(readFileSync(SHIPPED, "utf8")).summary);
    } else {
      assert.equal(res.status, 404);
      assert.match(JSON.stringify(body), /no track record/);
    }
    // A path from a request is never read: the parameter is not part of the route.
    const r2 = await app.request("/api/backtest/track-record?file=/etc/passwd");
    assert.equal(r2.status, res.status);
    assert.doesNotMatch(await r2.text(), /passwd/);
  } finally {
    await ctx.close();
  }
});
