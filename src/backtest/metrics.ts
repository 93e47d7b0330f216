/** Error statistics of forecasts against outcomes: n, MAE, RMSE, median absolute error, within-10 share. */
import { quantile } from "../simulate/quantiles.ts";

export interface ErrorStats {
  n: number;
  mae: number | null;
  rmse: number | null;
  medianAE: number | null;
  within10: number | null;
}

/**
 * Statistics of signed errors (forecast − outcome). `tolerance` is the "within" threshold in the
 * issue's units (10 on DEU's 0–100 scale).
 */
export function errorStats(errors: readonly number[], tolerance = 10): ErrorStats {
  const n = errors.length;
  if (n === 0) return { n, mae: null, rmse: null, medianAE: null, within10: null };
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  return {
    n,
    mae: abs.reduce((s, x) => s + x, 0) / n,
    rmse: Math.sqrt(errors.reduce((s, x) => s + x * x, 0) / n),
    medianAE: quantile(abs, 0.5),
    // a hair of tolerance so that 10.000000001 from scaling counts as 10
    within10: abs.filter((x) => x <= tolerance * (1 + 1e-9)).length / n,
  };
}
