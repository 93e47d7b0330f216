import { hasRelation } from "../../measure/panel.ts";
import type { Store } from "../../store/store.ts";
import type { PeerValue } from "../peer-baseline.ts";

/** Influence indicators from the reference panel (the power-gap measure's two counts). */
export const CAPABILITY_INDICATORS = {
  igoMemberships: {
    table: "ref_igo_sy",
    sql: "SELECT iso3, year, sum_igo_full::DOUBLE AS v FROM ref_igo_sy",
    label: "full IGO memberships",
    source: "COW IGO v3 full memberships (to 2014)",
  },
  alliancePartners: {
    table: "ref_atop",
    sql: "SELECT iso3_1 AS iso3, year, count(DISTINCT ccode2)::DOUBLE AS v FROM ref_atop WHERE defense = 1 OR offense = 1 OR neutral = 1 OR nonagg = 1 OR consul = 1 GROUP BY ALL",
    label: "states with an alliance obligation",
    source: "ATOP 5.1 states with any alliance obligation (to 2018)",
  },
} as const;
export type CapabilityIndicator = keyof typeof CAPABILITY_INDICATORS;

/**
 * An indicator's values among states of similar material capability: those whose CINC (COW NMC)
 * lies within a factor `band` of the focal state's in the same year. Uses the latest year in
 * [from, to] where the focal state has both a CINC and a value; a covered year where a state has
 * no alliance row counts as 0 (as in the power-gap measure), an uncovered year is no data.
 */
export async function capabilityPeers(
  store: Store,
  q: { focal: string; indicator: CapabilityIndicator; band: number; from: number; to: number },
): Promise<{
  year: number | null;
  values: Map<string, PeerValue>;
  cinc: number | null;
  note: string;
  source: string;
}> {
  const ind = CAPABILITY_INDICATORS[q.indicator];
  const source = `${ind.source}; COW NMC v7 (CINC)`;
  const none = { year: null, values: new Map(), cinc: null, source };
  if (!(await hasRelation(store, "ref_nmc")) || !(await hasRelation(store, ind.table)))
    return { ...none, note: "panel tables not attached" };
  const rows = await store.all<{
    iso3: string;
    year: number;
    c: number;
    v: number | null;
    covered: boolean;
  }>(
    `WITH ind AS (${ind.sql}), yrs AS (SELECT DISTINCT year FROM ind)
     SELECT n.iso3, n.year, n.cinc AS c, ind.v, (n.year IN (SELECT year FROM yrs)) AS covered
     FROM ref_nmc n LEFT JOIN ind ON ind.iso3 = n.iso3 AND ind.year = n.year
     WHERE n.year BETWEEN ? AND ? AND n.iso3 IS NOT NULL AND n.cinc > 0`,
    [q.from, q.to],
  );
  const years = [
    ...new Set(rows.filter((r) => r.iso3 === q.focal && r.covered).map((r) => r.year)),
  ].sort((a, b) => b - a);
  const year = years[0];
  if (year === undefined)
    return { ...none, note: `no year in ${q.from}–${q.to} with both CINC and ${ind.label}` };
  const inYear = rows.filter((r) => r.year === year && r.covered);
  const mine = inYear.find((r) => r.iso3 === q.focal)!;
  const values = new Map<string, PeerValue>();
  for (const r of inYear)
    if (r.c >= mine.c / q.band && r.c <= mine.c * q.band)
      values.set(r.iso3, { iso3: r.iso3, value: r.v ?? 0 });
  return {
    year,
    values,
    cinc: mine.c,
    note: `${ind.label} in ${year} among states with CINC within ×${q.band} of ${q.focal}'s (${mine.c.toExponential(2)})`,
    source,
  };
}
