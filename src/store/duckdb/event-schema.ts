import { EVENT_ROW_COLUMNS } from "../../ingest/event-row.ts";
import type { Store } from "../store.ts";

/**
 * Tables for imported event data (GDELT, ICEWS, PLOVER/POLECAT, mapped CSV). Every row keeps its
 * raw values beside the normalised ones, its file and line, and the ids of the Goldstein table and
 * quad scheme used; missing values are NULL. Duplicates are kept: deduplication is a query-time
 * step (./dedup.ts).
 */
export const EVENT_ROWS_COLUMNS_SQL = [
  "file_id INTEGER",
  ...EVENT_ROW_COLUMNS.map(([, name, type]) => `${name} ${type}`),
  "goldstein_table VARCHAR",
  "quad_scheme VARCHAR",
].join(", ");

const EVENT_TABLES = `
CREATE TABLE IF NOT EXISTS event_imports (import_id INTEGER PRIMARY KEY, format VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, goldstein_table VARCHAR, quad_scheme VARCHAR, dedup VARCHAR, files INTEGER, rows_read BIGINT, rows_imported BIGINT, rows_rejected BIGINT, options VARCHAR);
CREATE TABLE IF NOT EXISTS event_files (file_id INTEGER PRIMARY KEY, import_id INTEGER, path VARCHAR, sha256 VARCHAR UNIQUE, bytes BIGINT, gzip BOOLEAN, rows_read BIGINT, rows_imported BIGINT, rows_rejected BIGINT, rejects VARCHAR, warnings VARCHAR);
CREATE TABLE IF NOT EXISTS event_rows (${EVENT_ROWS_COLUMNS_SQL});
CREATE TABLE IF NOT EXISTS event_actor_map (file_id INTEGER, dataset VARCHAR, raw VARCHAR, iso3 VARCHAR, rule VARCHAR, events BIGINT);
CREATE TABLE IF NOT EXISTS event_settings (key VARCHAR PRIMARY KEY, value VARCHAR);
`;

/** Create the event-data tables (idempotent). */
export async function createEventSchema(store: Store): Promise<void> {
  await store.run(EVENT_TABLES);
}
