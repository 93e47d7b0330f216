import type { Store } from "../store/store.ts";

/** The states of one year of the Atlas, in ISO3 order. */
export interface YearStates {
  year: number;
  iso3: string[];
  names: string[];
  /** ISO3 → position in `iso3`. */
  index: Map<string, number>;
}

/** Years a state may go without a recorded UN vote and still count as a member (arrears, boycotts). */
export const UNIVERSE_GAP_YEARS = 3;

/**
 * The Atlas's state-years: every state with a recorded UN General Assembly vote in the year, plus
 * every state of the COW system that year with a recorded vote within `UNIVERSE_GAP_YEARS` years
 * either side (a member that did not vote, e.g. Venezuela in 2022–2023 under Article 19, is listed
 * with its components missing rather than left out). The panel has no UN membership table: this
 * rule stands in for it. Names are COW's (`ref_crosswalk`).
 */
export async function atlasUniverse(
  store: Store,
  from: number,
  to: number,
): Promise<Map<number, YearStates>> {
  const rows = await store.all<{ year: number; iso3: string; name: string }>(
    `WITH voted AS (
       SELECT DISTINCT year::INTEGER AS year, iso3 FROM ref_unvotes WHERE iso3 IS NOT NULL AND vote BETWEEN 1 AND 3
     ),
     cand AS (
       SELECT year, iso3 FROM voted WHERE year BETWEEN $from AND $to
       UNION
       SELECT DISTINCT s.year, s.iso3 FROM ref_state_years s
       WHERE s.year BETWEEN $from AND $to AND s.iso3 IS NOT NULL
         AND EXISTS (SELECT 1 FROM voted v WHERE v.iso3 = s.iso3 AND v.year BETWEEN s.year - ${UNIVERSE_GAP_YEARS} AND s.year + ${UNIVERSE_GAP_YEARS})
     ),
     names AS (SELECT iso3, arg_max(name, last_year) AS name FROM ref_crosswalk WHERE iso3 IS NOT NULL GROUP BY iso3)
     SELECT c.year, c.iso3, coalesce(n.name, c.iso3) AS name
     FROM cand c LEFT JOIN names n USING (iso3) ORDER BY c.year, c.iso3`,
    { from, to },
  );
  const out = new Map<number, YearStates>();
  for (let y = from; y <= to; y++) out.set(y, { year: y, iso3: [], names: [], index: new Map() });
  for (const r of rows) {
    const ys = out.get(r.year);
    if (!ys) continue;
    ys.index.set(r.iso3, ys.iso3.length);
    ys.iso3.push(r.iso3);
    ys.names.push(r.name);
  }
  return out;
}
