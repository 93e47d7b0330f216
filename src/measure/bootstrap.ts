import { quantile } from "../simulate/quantiles.ts";
import { Xoshiro128 } from "../simulate/xoshiro.ts";
import type { Interval } from "./status.ts";

/** Defaults of the seeded bootstraps (docs/measures/scorecard.md, "Intervals"). */
export const BOOTSTRAP_DEFAULTS = { draws: 1000, seed: 1, level: 0.9 };

export interface BootstrapOptions {
  /** Bootstrap draws (default 1000). */
  draws?: number;
  /** PRNG seed (xoshiro128**): the same seed gives the same interval. */
  seed?: number;
  /** Central coverage of the percentile interval (default 0.9). */
  level?: number;
}

/** Validate bootstrap options and fill in the defaults. */
export function bootstrapOptions(o: BootstrapOptions = {}): Required<BootstrapOptions> {
  const r = { ...BOOTSTRAP_DEFAULTS, ...o };
  if (!(Number.isInteger(r.draws) && r.draws >= 1 && r.draws <= 100_000))
    throw new Error(`bootstrap: draws must be an integer in 1…100000, got ${r.draws}`);
  if (!(r.level > 0 && r.level < 1))
    throw new Error(`bootstrap: level must be in (0, 1), got ${r.level}`);
  if (!Number.isInteger(r.seed))
    throw new Error(`bootstrap: seed must be an integer, got ${r.seed}`);
  return r;
}

/**
 * Multiplicity of each unit in one stratified bootstrap draw: within each stratum of n units,
 * n units are drawn with replacement (so every stratum — e.g. every year — keeps its size).
 * `strata` maps a stratum to the unit indices in it; the result has one count per unit.
 */
export function stratifiedCounts(
  nUnits: number,
  strata: readonly (readonly number[])[],
  rng: Xoshiro128,
): Uint32Array {
  const c = new Uint32Array(nUnits);
  for (const s of strata)
    for (let i = 0; i < s.length; i++) c[s[Math.floor(rng.next() * s.length)]]++;
  return c;
}

/** Quantile of sorted values (linear interpolation between order statistics, R type 7). */
export function quantileSorted(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error("quantile of no values");
  return quantile(xs as number[], p);
}

/** Central percentile interval of bootstrap replicates at `level`; null when none is finite. */
export function percentileInterval(reps: readonly number[], level: number): Interval | null {
  const xs = reps.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const a = (1 - level) / 2;
  return [quantileSorted(xs, a), quantileSorted(xs, 1 - a)];
}

export { Xoshiro128 };
