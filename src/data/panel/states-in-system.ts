import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

export interface SystemMember {
  ccode: number;
  iso3: string | null;
}

/**
 * Members of the COW state system in `year` (ref_state_years, 1816–2024). Outside the covered
 * years the answer is unknown: this throws rather than return an empty system.
 */
export async function statesInSystem(store: Store, year: number): Promise<SystemMember[]> {
  await requirePanel(store, "state_years");
  const [span] = await store.all<{ y0: number; y1: number }>(
    "SELECT min(year)::INTEGER AS y0, max(year)::INTEGER AS y1 FROM ref_state_years",
  );
  if (year < span.y0 || year > span.y1)
    throw new Error(
      `panel: state-system membership covers ${span.y0}–${span.y1}; ${year} is outside it (unknown, not empty)`,
    );
  return store.all<SystemMember>(
    "SELECT ccode, iso3 FROM ref_state_years WHERE year = ? ORDER BY ccode",
    [year],
  );
}
