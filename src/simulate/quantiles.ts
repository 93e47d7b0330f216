/** Summary statistics used by the Monte Carlo and doctrine outputs. */

/** Quantile by linear interpolation between order statistics (type 7, as R's default). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Summary {
  mean: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export function summarize(xs: number[]): Summary {
  const s = xs.slice().sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  return {
    mean,
    p05: quantile(s, 0.05),
    p25: quantile(s, 0.25),
    p50: quantile(s, 0.5),
    p75: quantile(s, 0.75),
    p95: quantile(s, 0.95),
  };
}

/** Conditional value at risk: mean of the worst `alpha` share of outcomes (lower tail). */
export function cvar(xs: number[], alpha = 0.05): number {
  const s = xs.slice().sort((a, b) => a - b);
  const k = Math.max(1, Math.ceil(alpha * s.length));
  let sum = 0;
  for (let i = 0; i < k; i++) sum += s[i];
  return sum / k;
}
