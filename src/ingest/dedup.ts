import type { Store } from "../store/store.ts";

/**
 * Deduplication modes. Rows are always stored raw; a mode only decides which rows a query sees.
 *  - `none`: every row.
 *  - `exact`: one row per source event key (GDELT GLOBALEVENTID, ICEWS (Event ID, Event Date),
 *    PLOVER/POLECAT id) within a dataset; rows without a key count as duplicates only when every
 *    field that describes the event is equal. Removes overlap between files (ICEWS weekly vs
 *    yearly files) and re-coded copies.
 *  - `daily`: Phoenix's "one-a-day" filter: one event per (date, source, target, event code) per
 *    dataset.
 * The first row in import order (file, line) is kept.
 */
export type DedupMode = "none" | "exact" | "daily";
export const DEDUP_MODES: readonly DedupMode[] = ["none", "exact", "daily"];

/** The PARTITION BY key of a mode (DuckDB SQL), or null for none. */
export function dedupKeySql(mode: DedupMode): string | null {
  switch (mode) {
    case "none":
      return null;
    case "exact":
      return "dataset, coalesce(source_key, md5(concat_ws('|', date, source_actor, source_raw, target_actor, target_raw, event_code, plover_type, plover_mode, source_goldstein, url)))";
    case "daily":
      return "dataset, date, coalesce(source_iso3, source_raw, source_actor), coalesce(target_iso3, target_raw, target_actor), coalesce(event_code, plover_type || ':' || coalesce(plover_mode, ''))";
  }
}

/**
 * A relation (DuckDB SQL) of `event_rows` filtered by `where` and deduplicated under `mode`.
 * Filters come first: every mode's key includes or determines the event's date and actors, so
 * filtering on them before deduplicating gives the same rows as after.
 */
export function dedupedEventsSql(mode: DedupMode, where: string): string {
  const key = dedupKeySql(mode);
  const base = `SELECT * FROM event_rows WHERE ${where}`;
  return key
    ? `${base} QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY file_id, line) = 1`
    : base;
}

/** The dedup mode recorded by the last import (default exact). */
export async function storeDedupMode(store: Store): Promise<DedupMode> {
  const r = await store.all<{ value: string }>(
    "SELECT value FROM event_settings WHERE key = 'dedup'",
  );
  const v = r[0]?.value as DedupMode | undefined;
  return v && DEDUP_MODES.includes(v) ? v : "exact";
}

/** How many stored rows a mode removes. */
export async function countDuplicates(store: Store, mode: DedupMode): Promise<number> {
  if (mode === "none") return 0;
  const [{ total }] = await store.all<{ total: number }>(
    "SELECT count(*)::BIGINT AS total FROM event_rows",
  );
  const [{ kept }] = await store.all<{ kept: number }>(
    `SELECT count(*)::BIGINT AS kept FROM (${dedupedEventsSql(mode, "true")})`,
  );
  return total - kept;
}
