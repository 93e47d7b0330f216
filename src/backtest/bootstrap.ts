/**
 * Paired bootstrap over issues for the difference in mean absolute error of two models on the
 * same issues: resample the issues with replacement (xoshiro128**, seeded), recompute
 * MAE(a) − MAE(b) each time, and take the percentile interval (type-7 quantiles).
 */
import { quantile } from "../simulate/quantiles.ts";
import { Xoshiro128 } from "../simulate/xoshiro.ts";
import { BACKTEST_DEFAULTS } from "./defaults.ts";

export const PAIRED_BOOTSTRAP_DEFAULTS = Object.freeze({
  resamples: BACKTEST_DEFAULTS.resamples,
  seed: BACKTEST_DEFAULTS.seed,
  level: BACKTEST_DEFAULTS.level,
});

export interface PairedBootstrapOptions {
  resamples?: number;
  seed?: number;
  level?: number;
}

/** `a[i]`, `b[i]`: the two models' absolute errors on issue i. */
export function pairedBootstrapMaeDiff(
  a: readonly number[],
  b: readonly number[],
  options: PairedBootstrapOptions = {},
): { mae: number; interval: [number, number]; n: number } | null {
  const o = { ...PAIRED_BOOTSTRAP_DEFAULTS, ...options };
  if (a.length !== b.length)
    throw new Error("paired bootstrap: the two error lists differ in length");
  const n = a.length;
  if (n === 0) return null;
  const d = a.map((x, i) => x - b[i]);
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const rng = new Xoshiro128(o.seed);
  const stats = new Array<number>(o.resamples);
  for (let r = 0; r < o.resamples; r++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += d[Math.floor(rng.next() * n)];
    stats[r] = s / n;
  }
  stats.sort((x, y) => x - y);
  const tail = (1 - o.level) / 2;
  return { mae: mean, interval: [quantile(stats, tail), quantile(stats, 1 - tail)], n };
}
