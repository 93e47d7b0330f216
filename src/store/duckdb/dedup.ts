import { DEDUP_MODES, type DedupMode } from "../../ingest/dedup.ts";
import type { Store } from "../store.ts";

/** The key of a mode as DuckDB SQL expressions (one per key part), or null for none. */
export function dedupKeySql(mode: DedupMode): string[] | null {
  switch (mode) {
    case "none":
      return null;
    case "exact":
      return [
        "dataset",
        "coalesce(source_key, md5(concat_ws('|', date, source_actor, source_raw, target_actor, target_raw, event_code, plover_type, plover_mode, source_goldstein, url)))",
      ];
    case "daily":
      return [
        "dataset",
        "date",
        "coalesce(source_iso3, source_raw, source_actor, '')",
        "coalesce(target_iso3, target_raw, target_actor, '')",
        "coalesce(event_code, plover_type || ':' || coalesce(plover_mode, ''))",
      ];
  }
}

/**
 * A relation (DuckDB SQL) of `event_rows` filtered by `where` and deduplicated under `mode`: for
 * every key seen more than once, only the first row in import order (file, line) is kept.
 * Duplicates are found with one hash aggregation and removed with a join against that (usually
 * small) set, which is much cheaper on large stores than a window over every row.
 * Filters come first: every mode's key includes or determines the event's date and actors, so
 * filtering on them before deduplicating gives the same rows as after.
 */
export function dedupedEventsSql(mode: DedupMode, where: string): string {
  const key = dedupKeySql(mode);
  if (!key) return `SELECT * FROM event_rows WHERE ${where}`;
  const ks = key.map((k, i) => `${k} AS dk${i}`).join(", ");
  const on = key.map((_, i) => `d.dk${i} = e.dk${i}`).join(" AND ");
  const drop = key.map((_, i) => `dk${i}`).join(", ");
  return `SELECT e.* EXCLUDE (${drop}) FROM (SELECT *, ${ks} FROM event_rows WHERE ${where}) e
    LEFT JOIN (SELECT ${ks}, min((file_id::BIGINT << 40) + line) AS keep FROM event_rows WHERE ${where}
               GROUP BY ALL HAVING count(*) > 1) d ON ${on}
    WHERE d.keep IS NULL OR d.keep = ((e.file_id::BIGINT << 40) + e.line)`;
}

/**
 * `dedupedEventsSql` with positional parameters: `where` appears once per scan of `event_rows`,
 * so its parameters are repeated to match.
 */
export function dedupedEvents<P>(
  mode: DedupMode,
  where: string,
  params: P[],
): { sql: string; params: P[] } {
  const sql = dedupedEventsSql(mode, where);
  return { sql, params: mode === "none" ? params : [...params, ...params] };
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
