import type { Store } from "../store/store.ts";
import { requirePanel } from "./panel.ts";

export interface IdealPointRow {
  year: number;
  focal: string;
  /** The focal state's ideal point (null when Voeten has none that year). */
  theta: number | null;
  /** Each comparator's ideal point and its distance |θ_f − θ_p| (Ideal Point Distance). */
  partners: Record<string, { theta: number | null; distance: number | null }>;
  /**
   * Relative position on the rival axis: r = (θ_f − θ_from)/(θ_to − θ_from), 0 at the first
   * pole, 1 at the second; equidistance 1 − 2|r − ½| (1 midway, ≤ 0 outside the segment).
   */
  axis?: { from: string; to: string; position: number | null; equidistance: number | null };
}

export interface IdealPointQuery {
  focal: string;
  partners: string[];
  /** Two states spanning the rival axis, e.g. ["RUS", "USA"]. */
  axis?: [string, string];
  from: number;
  to: number;
  /** Voeten's final-passage (fp, to 2024) or all-votes (all, to 2023) estimate. */
  variant?: "fp" | "all";
}

/** Distances to each comparator and the position on a rival axis, from Voeten's ideal points. */
export async function idealPoints(store: Store, q: IdealPointQuery): Promise<IdealPointRow[]> {
  await requirePanel(store, "ref_idealpoints");
  const col = q.variant === "all" ? "idealpointall" : "idealpointfp";
  const codes = [...new Set([q.focal, ...q.partners, ...(q.axis ?? [])])];
  const rows = await store.all<{ iso3: string; year: number; theta: number | null }>(
    `SELECT iso3, year, ${col} AS theta FROM ref_idealpoints
     WHERE year BETWEEN ? AND ? AND iso3 IN (${codes.map(() => "?").join(", ")})`,
    [q.from, q.to, ...codes],
  );
  const at = new Map(rows.map((r) => [`${r.iso3} ${r.year}`, r.theta ?? null]));
  const out: IdealPointRow[] = [];
  for (let y = q.from; y <= q.to; y++) {
    const theta = at.get(`${q.focal} ${y}`) ?? null;
    const partners: IdealPointRow["partners"] = {};
    for (const p of q.partners) {
      const t = at.get(`${p} ${y}`) ?? null;
      partners[p] = {
        theta: t,
        distance: theta !== null && t !== null ? Math.abs(theta - t) : null,
      };
    }
    const row: IdealPointRow = { year: y, focal: q.focal, theta, partners };
    if (q.axis) {
      const a = at.get(`${q.axis[0]} ${y}`) ?? null;
      const b = at.get(`${q.axis[1]} ${y}`) ?? null;
      const position =
        theta !== null && a !== null && b !== null && a !== b ? (theta - a) / (b - a) : null;
      row.axis = {
        from: q.axis[0],
        to: q.axis[1],
        position,
        equidistance: position === null ? null : 1 - 2 * Math.abs(position - 0.5),
      };
    }
    out.push(row);
  }
  return out;
}
