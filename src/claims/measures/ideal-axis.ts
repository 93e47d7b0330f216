import { hasRelation } from "../../measure/panel.ts";
import type { Store } from "../../store/store.ts";
import type { PeerValue } from "../peer-baseline.ts";

/** z of the 5th–95th percentile span of a normal: (q95 − q5) / 3.29 ≈ one standard error. */
const SPAN_Z = 2 * 1.6449;

export interface StateValues {
  values: Map<string, PeerValue>;
  /** Years (or roll calls) the values rest on. */
  basis: string[];
  note: string;
  source: string;
}

/**
 * Each state's position on a rival axis from Voeten's UNGA ideal points (final-passage votes):
 * r = (θ − θ_a)/(θ_b − θ_a), 0 at the first pole, 1 at the second, averaged over the years of
 * [from, to] where both poles have a point. A state enters only with a point in every one of
 * those years (like for like). Standard error from the posterior's 5–95 % span, propagated to the
 * mean (pole uncertainty ignored, stated).
 */
export async function idealAxisPositions(
  store: Store,
  axis: [string, string],
  from: number,
  to: number,
): Promise<StateValues> {
  const source =
    "Bailey, Strezhnev & Voeten UNGA ideal points (idealpointfp, q5fp–q95fp), July 2025 release";
  if (!(await hasRelation(store, "ref_idealpoints")))
    return { values: new Map(), basis: [], note: "ideal points not attached", source };
  const rows = await store.all<{
    iso3: string;
    year: number;
    t: number;
    q5: number | null;
    q95: number | null;
  }>(
    `SELECT iso3, year, idealpointfp AS t, q5fp AS q5, q95fp AS q95 FROM ref_idealpoints
     WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL AND idealpointfp IS NOT NULL`,
    [from, to],
  );
  const at = new Map(rows.map((r) => [`${r.iso3} ${r.year}`, r]));
  const years: number[] = [];
  for (let y = from; y <= to; y++)
    if (at.has(`${axis[0]} ${y}`) && at.has(`${axis[1]} ${y}`)) years.push(y);
  const values = new Map<string, PeerValue>();
  for (const iso3 of new Set(rows.map((r) => r.iso3))) {
    if (!years.every((y) => at.has(`${iso3} ${y}`))) continue;
    let sum = 0;
    let v2 = 0;
    for (const y of years) {
      const r = at.get(`${iso3} ${y}`)!;
      const a = at.get(`${axis[0]} ${y}`)!.t;
      const b = at.get(`${axis[1]} ${y}`)!.t;
      sum += (r.t - a) / (b - a);
      const se = r.q5 !== null && r.q95 !== null ? (r.q95 - r.q5) / SPAN_Z : 0;
      v2 += (se / Math.abs(b - a)) ** 2;
    }
    if (years.length > 0)
      values.set(iso3, { iso3, value: sum / years.length, se: Math.sqrt(v2) / years.length });
  }
  return {
    values,
    basis: years.map(String),
    note: `position on the ${axis[0]}–${axis[1]} axis (0 = ${axis[0]}, 1 = ${axis[1]}), mean over ${years.length ? `${years[0]}–${years[years.length - 1]}` : "no year"}`,
    source,
  };
}
