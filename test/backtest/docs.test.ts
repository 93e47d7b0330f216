import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { trackRecordCalibrationSvg } from "../../src/backtest/calibration-plot.ts";
import { parseDeu } from "../../src/backtest/deu-parse.ts";
import { renderBacktestMarkdown } from "../../src/backtest/markdown.ts";
import { scoreBacktest } from "../../src/backtest/score.ts";
import type { TrackRecord } from "../../src/backtest/track-record.ts";
import { deuText } from "./deu-file.ts";

const root = new URL("../../", import.meta.url);
const shipped = JSON.parse(
  readFileSync(new URL("data/models/backtest/track-record.json", root), "utf8"),
) as TrackRecord;

test("docs/backtest.md is the rendering of the shipped track record", () => {
  const doc = readFileSync(new URL("docs/backtest.md", root), "utf8");
  assert.equal(doc, renderBacktestMarkdown(shipped));
});

test("docs/backtest-calibration.svg is the calibration plot of the shipped track record, and docs/backtest.md embeds it", () => {
  const svg = readFileSync(new URL("docs/backtest-calibration.svg", root), "utf8");
  assert.equal(svg, trackRecordCalibrationSvg(shipped));
  const doc = readFileSync(new URL("docs/backtest.md", root), "utf8");
  assert.match(doc, /!\[[^\]]+\]\(backtest-calibration\.svg\)/);
  // one point per scored band of the shipped file
  const scored = shipped.calibration.filter((c) => c.coverage !== null && c.n > 0);
  assert.equal((svg.match(/<g class="point"/g) ?? []).length, scored.length);
});

test("the track record carries scores only: no positions, saliences or outcomes of DEU issues", () => {
  const text = JSON.stringify(shipped);
  for (const k of [
    '"issues":[',
    '"predictions"',
    '"position"',
    '"salience"',
    '"outcome"',
    '"actors"',
  ])
    assert.ok(!text.includes(k), k);
  assert.equal(shipped.dataset.file, "deu3_development_issues_1-121.tsv");
});

test("the track record is current: the code gives the same scores on the DEU file (point forecasts and bootstrap need no Monte Carlo)", () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" });
  const s = shipped.settings;
  const r = scoreBacktest(issues, {
    models: shipped.models,
    draws: 0,
    seed: s.seed,
    level: s.level,
    resamples: s.resamples,
  });
  assert.deepEqual(r.summary, shipped.summary);
  assert.deepEqual(r.byProcedure, shipped.byProcedure);
  assert.deepEqual(r.byRule, shipped.byRule);
  assert.equal(r.issues.length, shipped.dataset.issues);
  assert.equal(r.skipped.length, shipped.dataset.skipped);
});
