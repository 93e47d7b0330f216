/**
 * Evenness of a state's engagement with K poles (the Atlas's per-component score):
 *
 *   E = 1 − Σ_{P<Q} |x_P − x_Q| / (⌊K/2⌋·⌈K/2⌉ · Δ)
 *
 * where x_P ∈ [0, Δ] is the engagement with pole P and the denominator is the largest value the
 * sum can take (half the poles at 0, half at Δ), so E runs from 0 (engaged with some poles at the
 * maximum and the others not at all) to 1 (equal engagement with every pole). Symmetric in the
 * poles (relabelling them leaves E unchanged). NaN when any engagement is NaN (missing).
 */
export function evenness(x: ArrayLike<number>, range = 1): number {
  const k = x.length;
  if (k < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const d = Math.abs(x[i] - x[j]);
      if (Number.isNaN(d)) return Number.NaN;
      sum += d;
    }
  const max = Math.floor(k / 2) * Math.ceil(k / 2) * range;
  return Math.min(1, Math.max(0, 1 - sum / max));
}

/** The formula as text (for `AtlasResult.formula` and the docs). */
export const EVENNESS_FORMULA =
  "E_c = 1 − Σ_{P<Q} |x_P − x_Q| / (⌊K/2⌋·⌈K/2⌉·Δ_c) for K poles, engagement x_P ∈ [0, Δ_c] with pole P in component c";
