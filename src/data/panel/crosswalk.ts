import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

interface XwRow {
  ccode: number;
  /** 1 when the state is in the COW system in the year asked for. */
  in_system?: number;
  iso3: string | null;
  name: string;
  first_year: number;
  last_year: number;
}

/** Distance of a year from a [first, last] span (0 inside it). */
const gap = (r: XwRow, year: number) =>
  year < r.first_year ? r.first_year - year : year > r.last_year ? year - r.last_year : 0;

/** Pick the row for a year: inside its span first, then the nearest span; ties → the state that lasts longer (the successor). */
function pick(rows: XwRow[], year?: number): XwRow | undefined {
  if (rows.length === 0) return undefined;
  const y = year ?? 9999;
  return [...rows].sort(
    (a, b) =>
      (b.in_system ?? 0) - (a.in_system ?? 0) ||
      gap(a, y) - gap(b, y) ||
      b.last_year - a.last_year ||
      b.first_year - a.first_year,
  )[0];
}

/**
 * The ISO3 code of a COW state (in `year` when given: COW 345 is YUG until 2005, SRB from 2006).
 * Undefined for historic states without an ISO code (Bavaria, Zanzibar…) and unknown codes.
 */
export async function cowToIso3(
  store: Store,
  ccode: number,
  year?: number,
): Promise<string | undefined> {
  await requirePanel(store, "crosswalk");
  const rows = await store.all<XwRow>("SELECT * FROM ref_crosswalk WHERE ccode = ?", [ccode]);
  return pick(rows, year)?.iso3 ?? undefined;
}

/**
 * The COW code of an ISO3 code (in `year` when given: a state in the COW system that year comes
 * first, so DEU is 260 in 1980 and 255 in 2000). Where two COW states share an ISO3 in a
 * transition year (DEU in 1990: 260 and 255) the successor, the state that lasts longer, is returned.
 */
export async function iso3ToCow(
  store: Store,
  iso3: string,
  year?: number,
): Promise<number | undefined> {
  await requirePanel(store, "crosswalk");
  const rows = await store.all<XwRow>(
    `SELECT x.*, (SELECT count(*) FROM ref_state_years s WHERE s.ccode = x.ccode AND s.year = ?)::INTEGER AS in_system
     FROM ref_crosswalk x WHERE x.iso3 = ?`,
    [year ?? -1, iso3.toUpperCase()],
  );
  return pick(rows, year)?.ccode;
}

/** Name of a state by ISO3 (COW's name; Serbia for SRB). */
export async function stateName(store: Store, iso3: string): Promise<string | undefined> {
  await requirePanel(store, "crosswalk");
  const rows = await store.all<XwRow>("SELECT * FROM ref_crosswalk WHERE iso3 = ?", [iso3]);
  return pick(rows)?.name;
}
