import type { Store } from "../../store/store.ts";

/** One row of the panel's coverage table: a source table and the years it covers. */
export interface CoverageRow extends Record<string, unknown> {
  source: string;
  dataset: string;
  table: string;
  from_year: number | null;
  to_year: number | null;
  unit: string;
  rows: number;
  licence: string;
  citation: string;
  url: string;
  file: string;
}

/**
 * The coverage of the shipped reference panel (`ref_coverage`): one row per table. After
 * `to_year` a value is missing, not zero.
 */
export async function coverage(store: Store): Promise<CoverageRow[]> {
  await requirePanel(store, "coverage");
  return store.all<CoverageRow>(`SELECT * FROM ref_coverage ORDER BY "table"`);
}

/** The last year a panel table covers (from the coverage table). */
export async function coverageEnd(store: Store, name: string): Promise<number | undefined> {
  await requirePanel(store, "coverage");
  const r = await store.all<{ y: number | null }>(
    `SELECT to_year AS y FROM ref_coverage WHERE "table" = ?`,
    [`ref_${name}`],
  );
  return r[0]?.y ?? undefined;
}

/** Fail clearly when a panel view is missing (the Parquet files were not built or not shipped). */
export async function requirePanel(store: Store, name: string): Promise<void> {
  const r = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = ?",
    [`ref_${name}`],
  );
  if (r[0].n === 0)
    throw new Error(
      `panel: table ref_${name} is missing: data/reference/${name}.parquet was not found; rebuild it with \`node --import tsx scripts/build-reference.ts\``,
    );
}
