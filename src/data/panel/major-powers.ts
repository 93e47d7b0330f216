import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

export interface MajorPowers {
  /** The year asked for. */
  year: number;
  /** The year whose COW status is used: `year`, or the data's last year (2016) when later. */
  dataYear: number;
  /** True when `year` is after the data and the last known status is carried forward. */
  carriedForward: boolean;
  powers: { ccode: number; iso3: string }[];
}

/**
 * COW major powers in `year` (a spell covering any day of the year counts). COW's list ends in
 * 2016; for later years the 2016 status is carried forward and flagged, because ANA's level rule
 * needs a systemic level today (the status of USA, UK, France, Germany, Russia, China and Japan
 * has not been revised by COW since).
 */
export async function majorPowers(store: Store, year: number): Promise<MajorPowers> {
  await requirePanel(store, "majors");
  const [span] = await store.all<{ y0: number; y1: number }>(
    "SELECT min(styear)::INTEGER AS y0, max(endyear)::INTEGER AS y1 FROM ref_majors",
  );
  if (year < span.y0) throw new Error(`panel: COW major powers start in ${span.y0}, not ${year}`);
  const dataYear = Math.min(year, span.y1);
  const powers = await store.all<{ ccode: number; iso3: string }>(
    "SELECT DISTINCT ccode, iso3 FROM ref_majors WHERE ? BETWEEN styear AND endyear ORDER BY ccode",
    [dataYear],
  );
  return { year, dataYear, carriedForward: dataYear !== year, powers };
}

/** Whether a state (ISO3 or COW code) is a COW major power in `year` (2016 status after 2016). */
export async function isMajorPower(
  store: Store,
  state: string | number,
  year: number,
): Promise<boolean> {
  const { powers } = await majorPowers(store, year);
  return powers.some((p) => (typeof state === "number" ? p.ccode === state : p.iso3 === state));
}
