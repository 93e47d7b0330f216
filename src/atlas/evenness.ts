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

/**
 * Co-engagement of a state with K poles (`evenness: "coengagement"`), ANA's co-engagement of
 * `ana hedging` (src/measure/hedging.ts) over every pair of poles:
 *
 *   C = Σ_{P<Q} min(x_P, x_Q) / Σ_{P<Q} max(x_P, x_Q)
 *
 * for engagement x_P ≥ 0. Runs from 0 (engaged with one pole only) to 1 (equal engagement with
 * every pole); scale invariant (x → λx, λ > 0, leaves C unchanged), symmetric in the poles. Unlike
 * the spread evenness, equal DISengagement is not evenness: C is undefined (NaN) when every x_P is
 * 0, and NaN when any engagement is NaN (missing).
 */
export function coengagement(x: ArrayLike<number>): number {
  const k = x.length;
  if (k < 2) return Number.NaN;
  let mins = 0;
  let maxs = 0;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const a = x[i];
      const b = x[j];
      if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
      mins += Math.min(a, b);
      maxs += Math.max(a, b);
    }
  return maxs > 0 ? Math.min(1, Math.max(0, mins / maxs)) : Number.NaN;
}

export const COENGAGEMENT_FORMULA =
  "E_c = Σ_{P<Q} min(x_P, x_Q) / Σ_{P<Q} max(x_P, x_Q) (co-engagement: scale invariant; undefined, and the component missing, when every x_P = 0) for K poles, engagement x_P ≥ 0 with pole P in component c";

/** The per-component score: spread evenness (default) or co-engagement. */
export type EvennessMode = "spread" | "coengagement";
export const EVENNESS_MODES: readonly EvennessMode[] = ["spread", "coengagement"];

/** A component's score of engagement x (every component's engagement is on [0, 1]). */
export function componentScore(x: ArrayLike<number>, mode: EvennessMode = "spread"): number {
  return mode === "coengagement" ? coengagement(x) : evenness(x, 1);
}

/** The per-component formula of a mode, as text. */
export function scoreFormula(mode: EvennessMode = "spread"): string {
  return mode === "coengagement" ? COENGAGEMENT_FORMULA : EVENNESS_FORMULA;
}
