/**
 * `scoreBacktest`: run the models on every issue with an outcome and score them: per model n, MAE,
 * RMSE, median absolute error, share within 10 points (10 % of the issue's scale), the paired
 * bootstrap interval for MAE(model) − MAE(compromise), results by procedure and by decision rule,
 * and the calibration of the Monte Carlo quantiles (share of outcomes inside the central 50 % and
 * 90 % bands). Issues without an outcome are skipped with the reason.
 */
import { BARGAINING_DEFAULTS } from "./bargaining.ts";
import { PAIRED_BOOTSTRAP_DEFAULTS, pairedBootstrapMaeDiff } from "./bootstrap.ts";
import { errorStats } from "./metrics.ts";
import { BACKTEST_MODELS, isBacktestModel, type RunModelsOptions, runModels } from "./models.ts";
import type {
  BacktestCalibrationRow,
  BacktestGroupRow,
  BacktestIssue,
  BacktestResult,
  ModelForecast,
} from "./types.ts";

export const SCORE_DEFAULTS = Object.freeze({
  models: ["smp", "bdm", "compromise", "median", "mean", "statusquo"] as readonly string[],
  draws: BARGAINING_DEFAULTS.draws,
  perturb: BARGAINING_DEFAULTS.perturb,
  seed: PAIRED_BOOTSTRAP_DEFAULTS.seed,
  level: PAIRED_BOOTSTRAP_DEFAULTS.level,
  resamples: PAIRED_BOOTSTRAP_DEFAULTS.resamples,
  capabilities: "as given by the input",
});

export interface ScoreOptions {
  models?: readonly string[];
  /** Monte Carlo runs per issue for smp and bdm (0: no quantiles, no calibration). */
  draws?: number;
  perturb?: number;
  seed?: number;
  /** Level of the bootstrap intervals. */
  level?: number;
  resamples?: number;
  /** One sentence: how the input's capabilities were set. */
  capabilities?: string;
  notes?: string[];
  deadline?: number;
  /** Called after each issue's forecasts (done, total). */
  progress?: (done: number, total: number) => void;
}

export type IssueForecasts = Record<string, ModelForecast>;

/** Every model's forecast for every issue that has an outcome (the expensive step). */
export function forecastIssues(
  issues: readonly BacktestIssue[],
  models: readonly string[],
  options: RunModelsOptions & { progress?: (done: number, total: number) => void } = {},
): IssueForecasts[] {
  const scored = issues.filter((i) => i.outcome !== null);
  return scored.map((issue, k) => {
    const f = runModels(issue, models, options);
    options.progress?.(k + 1, scored.length);
    return f;
  });
}

const span = (i: BacktestIssue) => {
  const [lo, hi] = i.scale ?? [0, 100];
  return hi - lo;
};

/** Score forecasts already made (`forecasts[k]` belongs to the k-th issue with an outcome). */
export function scoreForecasts(
  issues: readonly BacktestIssue[],
  forecasts: readonly IssueForecasts[],
  options: ScoreOptions = {},
): BacktestResult {
  const o = { ...SCORE_DEFAULTS, ...options };
  const models = [...o.models];
  const scored = issues.filter((i) => i.outcome !== null);
  if (forecasts.length !== scored.length)
    throw new Error(
      `scoreForecasts: ${forecasts.length} forecast sets for ${scored.length} issues with an outcome`,
    );
  const err = (k: number, m: string): number | null => {
    const f = forecasts[k][m]?.forecast;
    return f === null || f === undefined ? null : f - (scored[k].outcome as number);
  };
  const allSpans = new Set(scored.map(span));
  const unitSpan = allSpans.size === 1 ? [...allSpans][0] : 100;
  const statsOf = (ks: number[], m: string) => {
    const es = ks.map((k) => err(k, m)).filter((e): e is number => e !== null);
    // errors on a common scale for "within 10 %": each issue's error over its span
    const rel = ks
      .map((k) => {
        const e = err(k, m);
        return e === null ? null : (e / span(scored[k])) * unitSpan;
      })
      .filter((e): e is number => e !== null);
    return {
      ...errorStats(es, 0.1 * unitSpan),
      within10: errorStats(rel, 0.1 * unitSpan).within10,
    };
  };
  const all = scored.map((_, k) => k);
  const summary = models.map((m) => {
    const s = statsOf(all, m);
    let diff = null;
    if (m !== "compromise" && models.includes("compromise")) {
      const both = all.filter((k) => err(k, m) !== null && err(k, "compromise") !== null);
      diff = pairedBootstrapMaeDiff(
        both.map((k) => Math.abs(err(k, m) as number)),
        both.map((k) => Math.abs(err(k, "compromise") as number)),
        { resamples: o.resamples, seed: o.seed, level: o.level },
      );
    }
    return { model: m, ...s, diffVsCompromise: diff };
  });
  const grouped = (key: (i: BacktestIssue) => string | undefined): BacktestGroupRow[] => {
    const groups = new Map<string, number[]>();
    all.forEach((k) => {
      const g = key(scored[k]) || "unknown";
      groups.set(g, [...(groups.get(g) ?? []), k]);
    });
    return [...groups.keys()].sort().flatMap((g) =>
      models.map((m) => {
        const s = statsOf(groups.get(g) as number[], m);
        return { group: g, model: m, n: s.n, mae: s.mae };
      }),
    );
  };
  const calibration: BacktestCalibrationRow[] = [];
  for (const m of models) {
    const ks = all.filter((k) => forecasts[k][m]?.quantiles);
    if (ks.length === 0) continue;
    for (const band of [0.5, 0.9] as const) {
      const inside = ks.filter((k) => {
        const q = forecasts[k][m].quantiles as NonNullable<ModelForecast["quantiles"]>;
        const y = scored[k].outcome as number;
        const tol = 1e-9 * span(scored[k]);
        return band === 0.5
          ? y >= q.q25 - tol && y <= q.q75 + tol
          : y >= q.q05 - tol && y <= q.q95 + tol;
      }).length;
      calibration.push({ model: m, band, n: ks.length, coverage: inside / ks.length });
    }
  }
  const failures = all.flatMap((k) =>
    models
      .filter((m) => forecasts[k][m]?.forecast === null)
      .map((m) => ({
        id: scored[k].id,
        model: m,
        reason: forecasts[k][m].reason ?? "no forecast",
      })),
  );
  return {
    models,
    capabilities: o.capabilities,
    summary,
    byProcedure: grouped((i) => i.procedure),
    byRule: grouped((i) => i.rule),
    calibration,
    issues: scored.map((issue, k) => {
      const quantiles = Object.fromEntries(
        models
          .filter((m) => forecasts[k][m]?.quantiles)
          .map((m) => [m, forecasts[k][m].quantiles as NonNullable<ModelForecast["quantiles"]>]),
      );
      return {
        id: issue.id,
        ...(issue.proposal !== undefined ? { proposal: issue.proposal } : {}),
        ...(issue.procedure !== undefined ? { procedure: issue.procedure } : {}),
        ...(issue.rule !== undefined ? { rule: issue.rule } : {}),
        outcome: issue.outcome,
        reference: issue.reference,
        predictions: Object.fromEntries(models.map((m) => [m, forecasts[k][m]?.forecast ?? null])),
        ...(Object.keys(quantiles).length ? { quantiles } : {}),
        ...(issue.notes?.length ? { notes: issue.notes } : {}),
      };
    }),
    skipped: issues
      .filter((i) => i.outcome === null)
      .map((i) => ({ id: i.id, reason: "no decision outcome recorded (unresolved)" })),
    failures,
    settings: {
      draws: o.draws,
      perturb: o.perturb,
      seed: o.seed,
      level: o.level,
      resamples: o.resamples,
      scale:
        allSpans.size <= 1 ? `0–${unitSpan} (issue scale)` : "mixed: errors in each issue's units",
    },
    notes: [...(o.notes ?? [])],
  };
}

/** Run the models on the issues and score them (TEAM.md: scoreBacktest). */
export function scoreBacktest(
  issues: readonly BacktestIssue[],
  options: ScoreOptions = {},
): BacktestResult {
  const o = { ...SCORE_DEFAULTS, ...options };
  for (const m of o.models)
    if (!isBacktestModel(m))
      throw new Error(`unknown backtest model "${m}" (known: ${BACKTEST_MODELS.join(", ")})`);
  const forecasts = forecastIssues(issues, o.models, {
    draws: o.draws,
    perturb: o.perturb,
    seed: o.seed,
    deadline: o.deadline,
    progress: o.progress,
  });
  return scoreForecasts(issues, forecasts, o);
}
