import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

export interface ArmsImport {
  year: number;
  supplier_iso3: string;
  supplier: string;
  /** SIPRI trend-indicator value, million TIV. */
  tiv: number;
}

/**
 * A state's arms imports by supplier state and year from the panel's SIPRI extract (deliveries to
 * Azerbaijan and its neighbours; `ref_sipri_coverage` gives the years covered per recipient) or the
 * user's import (`ana panel import sipri`). A state outside both has no rows: unknown, not zero.
 * Deliveries from unknown suppliers, non-state actors and organisations have no supplier ISO3 and
 * are left out.
 */
export async function armsImports(
  store: Store,
  iso3: string,
  from?: number,
  to?: number,
): Promise<ArmsImport[]> {
  await requirePanel(store, "sipri");
  return store.all<ArmsImport>(
    `SELECT year::INTEGER AS year, supplier_iso3, string_agg(DISTINCT supplier, '/') AS supplier, sum(tiv) AS tiv
     FROM ref_sipri WHERE recipient_iso3 = ? AND supplier_iso3 IS NOT NULL AND year BETWEEN ? AND ?
     GROUP BY ALL ORDER BY year, supplier_iso3`,
    [iso3, from ?? 0, to ?? 9999],
  );
}
