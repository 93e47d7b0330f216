import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { backtestDeu } from "../../src/index.ts";
import { operation } from "../../src/ops/registry.ts";
import { DEU_FILE, deuText } from "./deu-file.ts";

test("ana backtest deu (library form): the agreed JSON shape, baselines only", async () => {
  const r = await backtestDeu({
    file: DEU_FILE,
    models: ["compromise", "median", "mean", "statusquo"],
    draws: 0,
  });
  assert.equal(r.file, DEU_FILE);
  assert.deepEqual(r.models, ["compromise", "median", "mean", "statusquo"]);
  assert.deepEqual(
    Object.keys(r.summary[0]).sort(),
    ["diffVsCompromise", "mae", "medianAE", "model", "n", "rmse", "within10"].sort(),
  );
  assert.equal(r.issues.length, 120);
  const row = r.issues[0];
  assert.equal(row.id, "d00032i1");
  assert.equal(row.outcome, 100);
  assert.deepEqual(Object.keys(row.predictions), ["compromise", "median", "mean", "statusquo"]);
  assert.ok(
    r.byProcedure.some((g) => g.group === "COD") && r.byRule.some((g) => g.group === "Unan"),
  );
  assert.deepEqual(r.calibration, []);
  assert.match(r.capabilities, /Shapley–Shubik/);
  assert.ok(r.notes.some((n) => /line 2 skipped/.test(n)));
});

test("a bad DEU file is refused with file, line, column and field", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-deu-"));
  const f = join(dir, "bad.tsv");
  const lines = deuText().split("\n");
  writeFileSync(f, [lines[0], lines[2].replace(/\t100\t/, "\tabc\t")].join("\n"));
  await assert.rejects(
    backtestDeu({ file: f, models: ["mean"], draws: 0 }),
    (e: Error) =>
      e.name === "UsageError" && /bad\.tsv:2:\d+ \(p[a-z]+\): not a number: "abc"/.test(e.message),
  );
});

test("backtest deu has no HTTP route (it reads a local file)", () => {
  assert.equal(operation("backtest deu")?.http, false);
});
