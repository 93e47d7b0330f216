import type { Store } from "../store/store.ts";

/** Source citations for the reference panel's tables (what each measure's output names). */
export const PANEL_SOURCES: Record<string, string> = {
  ref_unvotes:
    "Voeten, UNGA voting data (Harvard Dataverse doi:10.7910/DVN/LEJUQZ), via the R package unvotes 0.3.0",
  ref_idealpoints:
    "Bailey, Strezhnev & Voeten (2017) UNGA ideal points, July 2025 release (doi:10.7910/DVN/LEJUQZ)",
  ref_atop: "ATOP 5.1 alliance data (Leeds et al. 2002), via peacesciencer",
  ref_state_years: "Correlates of War state system membership, via peacesciencer",
  ref_nmc: "COW National Material Capabilities v7.0 (CINC), via peacesciencer",
  ref_sipri:
    "Information from the SIPRI Arms Transfers Database (SIPRI TIV tables via 360info, register of Jan 2025, TIV table 2024; extract for Azerbaijan and its neighbours)",
  ref_trade_sy: "COW Trade v4 national totals, via peacesciencer",
  ref_igo_sy: "COW IGO v3 state-year counts, via peacesciencer",
};

/** Years a panel table covers, from `ref_coverage` when present. */
export interface Coverage {
  table: string;
  from: number;
  to: number;
  source: string;
}

/** Whether a view or table exists in the store. */
export async function hasRelation(store: Store, name: string): Promise<boolean> {
  const r = await store.all<{ n: number }>(
    "SELECT (SELECT count(*) FROM duckdb_views() WHERE view_name = ?) + (SELECT count(*) FROM duckdb_tables() WHERE table_name = ?) AS n",
    [name, name],
  );
  return (r[0]?.n ?? 0) > 0;
}

/** Fail clearly when a panel view the measure needs is not attached. */
export async function requirePanel(store: Store, name: string): Promise<void> {
  if (!(await hasRelation(store, name)))
    throw new Error(
      `reference panel: ${name} is not available (expected data/reference/${name.replace(/^ref_/, "")}.parquet); reinstall ANA or rebuild the panel`,
    );
}

/** The years `table` covers: `ref_coverage` if it lists it, else the table's own min and max year. */
export async function panelCoverage(store: Store, table: string): Promise<Coverage | undefined> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`panel: bad table name ${table}`);
  if (!(await hasRelation(store, table))) return undefined;
  if (await hasRelation(store, "ref_coverage")) {
    const r = await store.all<{ from_year: number; to_year: number; cite: string | null }>(
      `SELECT min(from_year) AS from_year, max(to_year) AS to_year, any_value(citation) AS cite FROM ref_coverage WHERE "table" = ? OR "table" = ?`,
      [table, table.replace(/^ref_/, "")],
    );
    if (r[0]?.from_year != null)
      return {
        table,
        from: r[0].from_year,
        to: r[0].to_year,
        source: r[0].cite ?? PANEL_SOURCES[table] ?? table,
      };
  }
  const [r] = await store.all<{ a: number | null; b: number | null }>(
    `SELECT min(year) AS a, max(year) AS b FROM ${table}`,
  );
  if (r?.a == null || r.b == null) return undefined;
  return { table, from: r.a, to: r.b, source: PANEL_SOURCES[table] ?? table };
}
