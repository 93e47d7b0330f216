import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";
import { iso3ToCow } from "./crosswalk.ts";

/** COW direct contiguity types: 1 land or river, 2–5 separated by ≤12, 24, 150, 400 miles of water. */
export const CONTIGUITY_TYPES: Record<number, string> = {
  1: "land or river border",
  2: "separated by 12 miles of water or less",
  3: "separated by 24 miles of water or less",
  4: "separated by 150 miles of water or less",
  5: "separated by 400 miles of water or less",
};

export interface Contiguity {
  ccode: number;
  iso3: string | null;
  conttype: number;
  styear: number;
  endyear: number;
  /** True when `year` is after the data (v3.2 ends 2016) and the 2016 spell is carried forward. */
  carriedForward: boolean;
}

/**
 * States directly contiguous to `iso3` in `year` by COW Direct Contiguity v3.2 (types 1 … maxType;
 * type 0 rows are COW spells of no contiguity and never count;
 * default all five, i.e. land or up to 400 miles of water). The data end in 2016: for later years
 * the spells still open at the end of 2016 are carried forward and flagged.
 */
export async function contiguous(
  store: Store,
  iso3: string,
  year: number,
  maxType = 5,
): Promise<Contiguity[]> {
  await requirePanel(store, "contiguity");
  const ccode = await iso3ToCow(store, iso3, year);
  if (ccode === undefined) throw new Error(`panel: "${iso3}" is not a COW state (no COW code)`);
  const [span] = await store.all<{ y1: number }>(
    "SELECT max(endyear)::INTEGER AS y1 FROM ref_contiguity",
  );
  const carried = year > span.y1;
  const y = carried ? span.y1 : year;
  const rows = await store.all<Omit<Contiguity, "carriedForward">>(
    `SELECT c.ccode2 AS ccode, coalesce(
        (SELECT any_value(x.iso3) FROM ref_crosswalk x WHERE x.ccode = c.ccode2 AND ? BETWEEN x.first_year AND x.last_year),
        c.iso3_2) AS iso3,
      min(c.conttype)::INTEGER AS conttype, min(c.styear)::INTEGER AS styear, max(c.endyear)::INTEGER AS endyear
     FROM ref_contiguity c
     WHERE c.ccode1 = ? AND c.conttype BETWEEN 1 AND ? AND ? BETWEEN c.styear AND c.endyear
       ${carried ? "AND c.endyear = ?" : ""}
     GROUP BY ALL ORDER BY conttype, iso3`,
    carried ? [year, ccode, maxType, y, span.y1] : [year, ccode, maxType, y],
  );
  return rows.map((r) => ({ ...r, carriedForward: carried }));
}
