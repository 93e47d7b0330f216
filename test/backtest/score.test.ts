import assert from "node:assert/strict";
import { test } from "node:test";
import { pairedBootstrapMaeDiff } from "../../src/backtest/bootstrap.ts";
import { parseDeu } from "../../src/backtest/deu-parse.ts";
import { errorStats } from "../../src/backtest/metrics.ts";
import { runModels } from "../../src/backtest/models.ts";
import { forecastIssues, scoreBacktest, scoreForecasts } from "../../src/backtest/score.ts";
import type { BacktestIssue } from "../../src/backtest/types.ts";
import { deuText } from "./deu-file.ts";

test("error statistics by hand", () => {
  const s = errorStats([-10, 5, 20, -2]);
  assert.equal(s.n, 4);
  assert.equal(s.mae, 37 / 4);
  assert.equal(s.rmse, Math.sqrt((100 + 25 + 400 + 4) / 4));
  assert.equal(s.medianAE, 7.5);
  assert.equal(s.within10, 3 / 4);
  assert.deepEqual(errorStats([]), { n: 0, mae: null, rmse: null, medianAE: null, within10: null });
});

test("paired bootstrap: the same seed gives the same interval, another seed another; the point is the MAE difference", () => {
  const a = [1, 4, 9, 16, 25, 3, 7, 2, 30, 11];
  const b = [2, 2, 8, 10, 20, 5, 6, 1, 12, 10];
  const x = pairedBootstrapMaeDiff(a, b, { seed: 7, resamples: 500 });
  const y = pairedBootstrapMaeDiff(a, b, { seed: 7, resamples: 500 });
  const z = pairedBootstrapMaeDiff(a, b, { seed: 8, resamples: 500 });
  assert.deepEqual(x, y);
  assert.notDeepEqual(x?.interval, z?.interval);
  assert.equal(x?.mae, (108 - 76) / 10);
  assert.ok(
    (x?.interval[0] as number) <= (x?.mae as number) &&
      (x?.mae as number) <= (x?.interval[1] as number),
  );
  // identical errors: a degenerate interval at 0
  assert.deepEqual(pairedBootstrapMaeDiff(a, a, { seed: 1, resamples: 100 })?.interval, [0, 0]);
  assert.equal(pairedBootstrapMaeDiff([], []), null);
});

test("the DEU file: smp, bdm, compromise, median and mean each forecast at least 95 % of the issues with an outcome", () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" });
  const r = scoreBacktest(issues, { draws: 0 });
  const withOutcome = issues.filter((i) => i.outcome !== null).length;
  assert.equal(r.issues.length, withOutcome);
  assert.deepEqual(r.skipped, [
    { id: "d95341i2", reason: "no decision outcome recorded (unresolved)" },
  ]);
  for (const m of ["smp", "bdm", "compromise", "median", "mean"]) {
    const s = r.summary.find((x) => x.model === m);
    assert.ok(s && s.n >= 0.95 * withOutcome, `${m}: ${s?.n} of ${withOutcome}`);
  }
  // every failure has its reason, and the counts add up
  for (const s of r.summary)
    assert.equal(s.n + r.failures.filter((f) => f.model === s.model).length, withOutcome, s.model);
  // the by-group tables partition the issues
  for (const m of r.models) {
    const total = r.byProcedure.filter((g) => g.model === m).reduce((a, g) => a + g.n, 0);
    assert.equal(total, r.summary.find((s) => s.model === m)?.n, m);
  }
  assert.equal(r.summary.find((s) => s.model === "compromise")?.diffVsCompromise, null);
});

/** The same issue on 0–1 instead of 0–100. */
function rescaled(i: BacktestIssue, k: number): BacktestIssue {
  return {
    ...i,
    outcome: i.outcome === null ? null : i.outcome * k,
    reference: i.reference === null ? null : i.reference * k,
    actors: i.actors.map((a) => ({ ...a, position: a.position * k })),
    scale: [0, 100 * k],
  };
}

test("scale: positions on 0–1 instead of 0–100 give errors 1/100 as large, for every model", () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" })
    .filter((i) => i.outcome !== null)
    .slice(0, 8);
  const models = ["smp", "bdm", "compromise", "median", "mean", "statusquo"];
  const opts = { draws: 4, seed: 3 };
  const big = scoreForecasts(issues, forecastIssues(issues, models, opts), {
    models,
    resamples: 200,
    draws: 4,
  });
  const small01 = issues.map((i) => rescaled(i, 0.01));
  const small = scoreForecasts(small01, forecastIssues(small01, models, opts), {
    models,
    resamples: 200,
    draws: 4,
  });
  const close = (x: number | null | undefined, y: number | null | undefined, what: string) => {
    if (x === null || x === undefined) return assert.equal(y ?? null, null, what);
    assert.ok(
      y !== null && y !== undefined && Math.abs(x - 100 * y) <= 1e-6 * Math.max(1, Math.abs(x)),
      `${what}: ${x} vs 100×${y}`,
    );
  };
  for (const m of models) {
    const a = big.summary.find((s) => s.model === m);
    const b = small.summary.find((s) => s.model === m);
    assert.equal(a?.n, b?.n, m);
    close(a?.mae, b?.mae, `${m} mae`);
    close(a?.rmse, b?.rmse, `${m} rmse`);
    close(a?.medianAE, b?.medianAE, `${m} medianAE`);
    assert.equal(a?.within10, b?.within10, `${m} within10`);
    close(a?.diffVsCompromise?.mae, b?.diffVsCompromise?.mae, `${m} diff`);
  }
  assert.deepEqual(big.calibration, small.calibration);
});

test("Monte Carlo quantiles are ordered and the calibration counts the outcomes inside the bands", () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" })
    .filter((i) => i.outcome !== null)
    .slice(10, 16);
  const f = forecastIssues(issues, ["smp", "bdm"], { draws: 6, seed: 2 });
  const r = scoreForecasts(issues, f, { models: ["smp", "bdm"], draws: 6, resamples: 100 });
  for (const m of ["smp", "bdm"]) {
    let in50 = 0;
    let in90 = 0;
    let n = 0;
    issues.forEach((issue, k) => {
      const q = f[k][m].quantiles;
      if (!q) return;
      n++;
      assert.ok(
        q.q05 <= q.q25 && q.q25 <= q.q50 && q.q50 <= q.q75 && q.q75 <= q.q95,
        `${issue.id} ${m}`,
      );
      const y = issue.outcome as number;
      if (y >= q.q25 - 1e-7 && y <= q.q75 + 1e-7) in50++;
      if (y >= q.q05 - 1e-7 && y <= q.q95 + 1e-7) in90++;
    });
    const c50 = r.calibration.find((c) => c.model === m && c.band === 0.5);
    const c90 = r.calibration.find((c) => c.model === m && c.band === 0.9);
    assert.equal(c50?.n, n);
    assert.equal(c50?.coverage, in50 / n);
    assert.equal(c90?.coverage, in90 / n);
  }
  // same seed, same quantiles; the point forecast does not depend on the seed
  const again = forecastIssues(issues, ["smp"], { draws: 6, seed: 2 });
  assert.deepEqual(
    again.map((x) => x.smp),
    f.map((x) => x.smp),
  );
  const other = runModels(issues[0], ["smp"], { draws: 0 });
  assert.equal(other.smp.forecast, f[0].smp.forecast);
});
