import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

/**
 * Maoz's regional powers in `year` (regional-power spells, data 1816–2019; later years use 2019's
 * list, flagged by the caller). Returns ISO3 codes.
 */
export async function regionalPowers(
  store: Store,
  year: number,
): Promise<{ iso3s: string[]; dataYear: number }> {
  await requirePanel(store, "maoz_powers");
  const [span] = await store.all<{ y1: number }>(
    "SELECT max(year(regenddate))::INTEGER AS y1 FROM ref_maoz_powers",
  );
  const y = Math.min(year, span.y1);
  const rows = await store.all<{ iso3: string }>(
    `SELECT DISTINCT iso3 FROM ref_maoz_powers
     WHERE iso3 IS NOT NULL AND ? BETWEEN year(regstdate) AND year(regenddate) ORDER BY iso3`,
    [y],
  );
  return { iso3s: rows.map((r) => r.iso3), dataYear: y };
}
