import type { DedupMode } from "../ingest/dedup.ts";
import type { EventSink } from "../ingest/event-sink.ts";
import { ClickHouseEventBackend } from "./clickhouse/backend.ts";
import { parseStoreOption } from "./clickhouse/config.ts";
import { ClickHouseEventStore } from "./clickhouse/store.ts";
import { DuckDbEventBackend } from "./duckdb/backend.ts";
import type { DyadQuery, DyadRow } from "./dyads.ts";
import type { ImportedEvent, ImportedEventQuery } from "./imported-event.ts";
import { Store } from "./store.ts";

export { ClickHouseEventBackend, DuckDbEventBackend };

/**
 * Where imported events live and are aggregated: the embedded DuckDB store (default) or a
 * ClickHouse node or cluster (`--store clickhouse://…`). Both give the same rows for the same
 * input; each keeps its SQL in one place (DuckDB: `src/store/duckdb/`, ClickHouse:
 * `src/store/clickhouse/sql.ts`).
 */
export interface EventBackend {
  readonly kind: "duckdb" | "clickhouse";
  /** A sink for one import (`importEvents(backend.sink(), …)`). */
  sink(): EventSink;
  dyads(q: DyadQuery): Promise<{ dedup: DedupMode; rows: DyadRow[] }>;
  importedEvents(q?: ImportedEventQuery): Promise<ImportedEvent[]>;
  /** Rows a dedup mode leaves out of queries. */
  countDuplicates(mode: DedupMode): Promise<number>;
  close(): Promise<void>;
}

/**
 * Open the event store named by the options: `store` (a clickhouse:// URL or a JSON config file)
 * or `db` (a DuckDB file; default the user data directory). Not both. A DuckDB file is opened
 * read-only (shared with other readers) unless `access` is "write" (imports: exclusive lock).
 */
export async function openEventBackend(opts: {
  db?: string;
  store?: string;
  access?: "read" | "write";
}): Promise<EventBackend> {
  if (opts.store !== undefined) {
    if (opts.db !== undefined)
      throw new Error(
        "--db (DuckDB file) and --store (ClickHouse) name different stores: give one",
      );
    return new ClickHouseEventBackend(
      await ClickHouseEventStore.open(parseStoreOption(opts.store)),
    );
  }
  return new DuckDbEventBackend(await Store.open(opts.db, { access: opts.access ?? "read" }));
}

/** Open, run `fn`, close. */
export async function withEventBackend<T>(
  opts: { db?: string; store?: string; access?: "read" | "write" },
  fn: (b: EventBackend) => Promise<T>,
): Promise<T> {
  const b = await openEventBackend(opts);
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}
