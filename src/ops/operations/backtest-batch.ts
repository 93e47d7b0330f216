import { BACKTEST_MODELS } from "../../backtest/models.ts";
import type { BacktestIssue, BacktestResult } from "../../backtest/types.ts";
import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";
import type { BacktestDeuResult } from "./backtest-deu.ts";

/** The batch file's issues on one scale: kept when all share one, else each mapped onto 0–100. */
export function commonScale(issues: readonly BacktestIssue[]): {
  issues: BacktestIssue[];
  note: string | null;
} {
  const key = (i: BacktestIssue) => (i.scale ?? [0, 100]).join("–");
  const scales = new Set(issues.map(key));
  if (scales.size <= 1) return { issues: [...issues], note: null };
  const to100 = (i: BacktestIssue) => {
    const [lo, hi] = i.scale ?? [0, 100];
    const f = (v: number) => ((v - lo) / (hi - lo)) * 100;
    const { scale: _, ...rest } = i;
    return {
      ...rest,
      outcome: i.outcome === null ? null : f(i.outcome),
      reference: i.reference === null ? null : f(i.reference),
      actors: i.actors.map((a) => ({ ...a, position: f(a.position) })),
    };
  };
  return {
    issues: issues.map((i) => (i.scale ? to100(i) : i)),
    note: `the issues use ${scales.size} different scales (${[...scales].join(", ")}): every issue was mapped linearly onto 0–100, so outcomes, forecasts and errors are in points of 0–100`,
  };
}

/** The result table `ana backtest deu|batch|track-record` print: one row a model. */
export function printScores(r: Pick<BacktestResult, "summary" | "calibration">): void {
  const f = (v: number | null | undefined, d = 1) =>
    v === null || v === undefined ? null : Number(v.toFixed(d));
  printTable(
    r.summary.map((s) => {
      const band = (b: 0.5 | 0.9) =>
        r.calibration.find((c) => c.model === s.model && c.band === b)?.coverage ?? null;
      const d = s.diffVsCompromise;
      return {
        model: s.model,
        n: s.n,
        MAE: f(s.mae),
        RMSE: f(s.rmse),
        "median AE": f(s.medianAE),
        "within 10": f(s.within10, 2),
        "MAE − compromise [interval]": d
          ? `${d.mae >= 0 ? "+" : ""}${d.mae.toFixed(1)} [${d.interval.map((x) => x.toFixed(1)).join(", ")}]`
          : null,
        "in 50% band": f(band(0.5), 2),
        "in 90% band": f(band(0.9), 2),
      };
    }),
  );
}

export const backtestBatch = defineOperation({
  name: "backtest batch",
  summary:
    "score the bargaining models and baselines on your own cases: a batch file of issues with actors and outcomes (docs/backtest-format.md)",
  params: {
    file: p.string("batch file (docs/backtest-format.md)", { arg: "<file>" }).local(),
    models: p.enums(BACKTEST_MODELS, "models to score").default([...BACKTEST_MODELS]),
    draws: p
      .number("Monte Carlo runs per issue for smp and bdm (0: no quantiles, no calibration)", {
        int: true,
        min: 0,
        max: 10_000,
      })
      .default(50),
    perturb: p
      .number("Monte Carlo: perturb inputs by ±points (capabilities ±%)", {
        min: 0,
        max: 50,
        arg: "<points>",
      })
      .default(10),
    seed: p
      .number("seed of the Monte Carlo runs and the bootstrap", {
        int: true,
        min: 0,
        max: 2 ** 32 - 1,
      })
      .default(1),
    level: p.number("level of the bootstrap intervals", { min: 0.5, max: 0.999 }).default(0.9),
    resamples: p.number("bootstrap resamples", { int: true, min: 100, max: 100_000 }).default(2000),
    threads: p
      .number("worker threads for smp and bdm (default: 2, or 1 on a one-core machine)", {
        int: true,
        min: 1,
        max: 64,
      })
      .optional(),
  },
  positionals: ["file"],
  http: false,
  async run(ctx, q, progress): Promise<BacktestDeuResult> {
    const text = readLocalFile(ctx, q.file);
    const { parseBatch } = await import("../../backtest/batch.ts");
    const { forecastIssuesParallel, PARALLEL_DEFAULTS } = await import(
      "../../backtest/parallel.ts"
    );
    const { scoreForecasts } = await import("../../backtest/score.ts");
    const { issues, note } = commonScale(parseBatch(text, q.file));
    const models = [...new Set(q.models)];
    const threads = q.threads ?? PARALLEL_DEFAULTS.threads;
    const t0 = Date.now();
    progress?.(0, `forecasting ${issues.length} issues`);
    const forecasts = await forecastIssuesParallel(issues, models, {
      draws: q.draws,
      perturb: q.perturb,
      seed: q.seed,
      threads,
    });
    const result = scoreForecasts(issues, forecasts, {
      models,
      draws: q.draws,
      perturb: q.perturb,
      seed: q.seed,
      level: q.level,
      resamples: q.resamples,
      capabilities: "as given in the batch file (Capability column)",
      notes: note ? [note] : [],
    });
    return { file: q.file, ...result, elapsedMs: Date.now() - t0, threads };
  },
  print(r) {
    console.log(
      `${r.file}: ${r.issues.length} issues scored, ${r.skipped.length} skipped (no outcome). Capabilities: ${r.capabilities}. Errors on ${r.settings.scale}.`,
    );
    printScores(r);
    for (const n of r.notes) console.log(`note: ${n}`);
    for (const s of r.skipped) console.log(`skipped ${s.id}: ${s.reason}`);
    for (const x of r.failures) console.log(`no ${x.model} forecast for ${x.id}: ${x.reason}`);
  },
});
