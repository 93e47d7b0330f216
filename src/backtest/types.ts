/**
 * The shapes a backtest works on (agreed in TEAM.md, issue 17): one issue with its actors and the
 * decision outcome, and the scored result. Parsers (DEU III, the generic batch format) produce
 * `BacktestIssue[]`; `runModels` and `scoreBacktest` take them.
 */

export interface BacktestActor {
  id: string;
  /** Stated position on the issue's scale. */
  position: number;
  /** Salience on 0–100 (DEU's scale). */
  salience: number;
  /** Capability (any non-negative scale: only ratios matter). */
  capability: number;
}

export interface BacktestIssue {
  id: string;
  proposal?: string;
  /** Legislative procedure, e.g. COD or CNS. */
  procedure?: string;
  /** Council decision rule, e.g. QMV or unanimity. */
  rule?: string;
  /** The decision outcome on the issue's scale; null when unresolved. */
  outcome: number | null;
  /** Reference point (status quo); null when not recorded. */
  reference: number | null;
  actors: BacktestActor[];
  /** The issue's scale [low, high] (default [0, 100]); bargaining models run on 0–100 inside. */
  scale?: [number, number];
  /** Where it was read from ("file:line"). */
  source?: string;
  /** What the parser decided for this issue (e.g. how capabilities were set). */
  notes?: string[];
}

export interface Quantiles {
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

export interface ModelForecast {
  forecast: number | null;
  /** Monte Carlo forecast quantiles (smp, bdm). */
  quantiles?: Quantiles;
  /** Why there is no forecast. */
  reason?: string;
}

export interface BacktestSummaryRow {
  model: string;
  n: number;
  mae: number | null;
  rmse: number | null;
  medianAE: number | null;
  /** Share of issues with |error| ≤ 10 points (on a 0–100 scale: 10 % of the scale). */
  within10: number | null;
  /** MAE(model) − MAE(compromise) on the issues both forecast, with a paired bootstrap interval. */
  diffVsCompromise: { mae: number; interval: [number, number]; n: number } | null;
}

export interface BacktestGroupRow {
  group: string;
  model: string;
  n: number;
  mae: number | null;
}

export interface BacktestCalibrationRow {
  model: string;
  band: 0.5 | 0.9;
  n: number;
  coverage: number | null;
}

export interface BacktestIssueRow {
  id: string;
  proposal?: string;
  procedure?: string;
  rule?: string;
  outcome: number | null;
  reference: number | null;
  predictions: Record<string, number | null>;
  /** Monte Carlo quantiles by model (smp, bdm). */
  quantiles?: Record<string, Quantiles>;
  /** What the reader decided for the issue (Council regime, approximations). */
  notes?: string[];
}

export interface BacktestResult {
  file?: string;
  models: string[];
  /** How capabilities were set (one sentence). */
  capabilities: string;
  summary: BacktestSummaryRow[];
  byProcedure: BacktestGroupRow[];
  byRule: BacktestGroupRow[];
  calibration: BacktestCalibrationRow[];
  issues: BacktestIssueRow[];
  skipped: { id: string; reason: string }[];
  /** Forecasts a model could not make, with the reason. */
  failures: { id: string; model: string; reason: string }[];
  /** The settings the result depends on. */
  settings: {
    draws: number;
    perturb: number;
    seed: number;
    level: number;
    resamples: number;
    scale: string;
  };
  notes: string[];
}
