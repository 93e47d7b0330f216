/**
 * `runModels`: every requested model's forecast for one backtest issue, on the issue's scale.
 * Models: mean, median, compromise, statusquo (./baselines.ts) and smp, bdm (./bargaining.ts).
 */
import { type BargainingOptions, bargainingForecast } from "./bargaining.ts";
import {
  compromiseForecast,
  meanForecast,
  medianForecast,
  statusQuoForecast,
} from "./baselines.ts";
import type { BacktestIssue, ModelForecast } from "./types.ts";

export const BACKTEST_MODELS = ["smp", "bdm", "compromise", "median", "mean", "statusquo"] as const;
export type BacktestModel = (typeof BACKTEST_MODELS)[number];

export type RunModelsOptions = BargainingOptions;

export function isBacktestModel(m: string): m is BacktestModel {
  return (BACKTEST_MODELS as readonly string[]).includes(m);
}

export function runModels(
  issue: BacktestIssue,
  models: readonly string[],
  options: RunModelsOptions = {},
): Record<string, ModelForecast> {
  const out: Record<string, ModelForecast> = {};
  for (const m of models) {
    if (!isBacktestModel(m))
      throw new Error(`unknown backtest model "${m}" (known: ${BACKTEST_MODELS.join(", ")})`);
    out[m] =
      m === "mean"
        ? meanForecast(issue)
        : m === "median"
          ? medianForecast(issue)
          : m === "compromise"
            ? compromiseForecast(issue)
            : m === "statusquo"
              ? statusQuoForecast(issue)
              : bargainingForecast(issue, m, options);
  }
  return out;
}
