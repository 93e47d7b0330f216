/** Defaults for `weightScale`. */
const DEFAULTS = {
  /** Integer weights up to this stay as they are (the solvers then use integer rounding). */
  maxPlainInteger: 2 ** 31,
};

/**
 * The factor that brings a graph's weights to unit scale before solving: a power of two (so that
 * multiplying by it is exact) that puts the largest weight in [1, 2). Solvers' tolerances (ties,
 * MIP gaps, bound rounding) are absolute numbers tuned for weights of order 1; applied to weights
 * of 1e-9 or 1e12 they either merge different solutions or demand impossible precision. Small
 * integer weights (counts) are left alone (factor 1). Returns 1 when there is no positive weight.
 */
export function weightScale(
  weights: Iterable<number>,
  options: Partial<typeof DEFAULTS> = {},
): number {
  const o = { ...DEFAULTS, ...options };
  let max = 0;
  let integers = true;
  for (const w of weights) {
    const a = Math.abs(w);
    if (a > max) max = a;
    if (!Number.isInteger(w)) integers = false;
  }
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  if (integers && max <= o.maxPlainInteger) return 1;
  const e = Math.floor(Math.log2(max));
  // Clamped so the factor itself stays a finite normal number (2^1023 is the largest).
  let s = 2 ** Math.max(-1022, Math.min(1023, -e));
  // log2 can be off by one at exact powers of two: put max·s in [1, 2).
  if (max * s >= 2 && s > 2 ** -1022) s /= 2;
  else if (max * s < 1 && s < 2 ** 1023) s *= 2;
  return s;
}
