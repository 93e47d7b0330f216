import { mulberry32 } from "../network/random.ts";
import { type ComponentInput, type ComponentYear, emptyYear, r4, scoreState } from "./component.ts";
import { subSeed } from "./draws.ts";
import { componentScore } from "./evenness.ts";

const PROBS = [0, 0.05, 0.1, 0.5, 0.9, 0.95, 1];

/** A value of the quantile function through the points (PROBS, q), linear between them. */
export function fromQuantiles(q: readonly number[], u: number): number {
  for (let i = 1; i < PROBS.length; i++)
    if (u <= PROBS[i]) {
      const f = (u - PROBS[i - 1]) / (PROBS[i] - PROBS[i - 1]);
      return q[i - 1] + f * (q[i] - q[i - 1]);
    }
  return q[q.length - 1];
}

/**
 * Ideal-point component (Bailey, Strezhnev & Voeten, `idealpointfp`). Closeness to a pole =
 * 1 − min(1, |θ_s − θ̄_P| / (max θ − min θ of the year)), θ̄_P the mean of the pole's members'
 * ideal points; evenness across poles with Δ = 1 (the political domain of `ana hedging`).
 * Interval: in each draw every state's θ is drawn from its published quantiles (q0 … q100, linear
 * between them), independently per state; the year's range stays at the point estimates.
 * The detail gives θ, the distance |θ − θ̄_P| to each pole and the year's range.
 */
export async function idealpointsComponent(
  input: ComponentInput,
): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles, draws: D, seed } = input;
  const mode = input.evenness ?? "spread";
  const ys = [...years.keys()];
  const rows = await store.all<{
    year: number;
    iso3: string;
    t: number;
    q0: number | null;
    q5: number | null;
    q10: number | null;
    q50: number | null;
    q90: number | null;
    q95: number | null;
    q100: number | null;
  }>(
    `SELECT year, iso3, avg(idealpointfp) AS t, avg(qofp) AS q0, avg(q5fp) AS q5, avg(q10fp) AS q10,
       avg(q50fp) AS q50, avg(q90fp) AS q90, avg(q95fp) AS q95, avg(q100fp) AS q100
     FROM ref_idealpoints WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL AND idealpointfp IS NOT NULL
     GROUP BY ALL`,
    [Math.min(...ys), Math.max(...ys)],
  );
  const byYear = new Map<number, typeof rows>();
  for (const r of rows) {
    const l = byYear.get(r.year);
    if (l) l.push(r);
    else byYear.set(r.year, [r]);
  }
  const K = poleIds.length;
  const out = new Map<number, ComponentYear>();
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const cy = emptyYear(S, D);
    out.set(year, cy);
    const list = byYear.get(year) ?? [];
    if (list.length === 0) continue;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const theta = new Map<string, number>();
    const thetaDraws = new Map<string, Float64Array>();
    for (const r of list) {
      lo = Math.min(lo, r.t);
      hi = Math.max(hi, r.t);
      theta.set(r.iso3, r.t);
      const q = [r.q0, r.q5, r.q10, r.q50, r.q90, r.q95, r.q100];
      const dr = new Float64Array(D);
      if (q.every((v): v is number => v !== null && Number.isFinite(v))) {
        const rand = mulberry32(subSeed(seed, "idealpoints", year, r.iso3));
        for (let d = 0; d < D; d++) dr[d] = fromQuantiles(q, rand());
      } else dr.fill(r.t);
      thetaDraws.set(r.iso3, dr);
    }
    const range = hi - lo;
    if (!(range > 0)) continue;
    const poleMembers = poleIds.map((p) => poles[p].filter((m) => theta.has(m)));
    if (poleMembers.some((m) => m.length === 0)) continue;
    const mean = (ms: string[], f: (m: string) => number) =>
      ms.reduce((s, m) => s + f(m), 0) / ms.length;
    const centre = poleMembers.map((ms) => mean(ms, (m) => theta.get(m) ?? 0));
    const centreDraws = poleMembers.map((ms) => {
      const c = new Float64Array(D);
      for (const m of ms) {
        const dr = thetaDraws.get(m) as Float64Array;
        for (let d = 0; d < D; d++) c[d] += dr[d] / ms.length;
      }
      return c;
    });
    const x = new Float64Array(K);
    for (let s = 0; s < S; s++) {
      const a = st.iso3[s];
      const t = theta.get(a);
      if (t === undefined) continue;
      const engagement: Record<string, number | null> = {};
      const distance: Record<string, number | null> = {};
      for (let k = 0; k < K; k++) {
        x[k] = 1 - Math.min(1, Math.abs(t - centre[k]) / range);
        engagement[poleIds[k]] = r4(x[k]);
        distance[poleIds[k]] = r4(Math.abs(t - centre[k]));
      }
      cy.detail[s] = { idealPoint: r4(t), distance, range: r4(range), engagement };
      if (!scoreState(cy, s, x, mode)) continue;
      if (cy.draws) {
        const dr = thetaDraws.get(a) as Float64Array;
        for (let d = 0; d < D; d++) {
          for (let k = 0; k < K; k++)
            x[k] = 1 - Math.min(1, Math.abs(dr[d] - centreDraws[k][d]) / range);
          cy.draws[s * D + d] = componentScore(x, mode);
        }
      }
    }
  }
  return out;
}
