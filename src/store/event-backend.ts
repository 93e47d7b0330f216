import { countDuplicates, DEDUP_MODES, type DedupMode } from "../ingest/dedup.ts";
import { DuckDbEventSink } from "../ingest/duckdb-sink.ts";
import { type DyadQuery, type DyadRow, dyads, type RawDyad, toDyadRow } from "../ingest/dyads.ts";
import type { EventSink } from "../ingest/event-sink.ts";
import {
  type ImportedEvent,
  type ImportedEventQuery,
  importedEvents,
} from "../ingest/imported-events.ts";
import { parseStoreOption } from "./clickhouse/config.ts";
import { ClickHouseEventSink } from "./clickhouse/sink.ts";
import * as ch from "./clickhouse/sql.ts";
import { ClickHouseEventStore } from "./clickhouse/store.ts";
import { Store } from "./store.ts";

/**
 * Where imported events live and are aggregated: the embedded DuckDB store (default) or a
 * ClickHouse node or cluster (`--store clickhouse://…`). Both give the same rows for the same
 * input; each keeps its SQL in one place (DuckDB: `src/ingest/*`, ClickHouse:
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

/** The embedded store, as before. */
export class DuckDbEventBackend implements EventBackend {
  readonly kind = "duckdb";
  constructor(readonly store: Store) {}
  sink(): EventSink {
    if (this.store.access !== "write")
      throw new Error(
        `store: ${this.store.path} was opened for reading; importing needs it opened with access "write"`,
      );
    return new DuckDbEventSink(this.store);
  }
  dyads(q: DyadQuery) {
    return dyads(this.store, q);
  }
  importedEvents(q: ImportedEventQuery = {}) {
    return importedEvents(this.store, q);
  }
  countDuplicates(mode: DedupMode) {
    return countDuplicates(this.store, mode);
  }
  async close(): Promise<void> {
    this.store.close();
  }
}

export class ClickHouseEventBackend implements EventBackend {
  readonly kind = "clickhouse";
  constructor(readonly store: ClickHouseEventStore) {}
  private get t() {
    const s = this.store;
    return { db: s.db, rows: s.rowsTable, cluster: !!s.cluster };
  }
  sink(): EventSink {
    return new ClickHouseEventSink(this.store);
  }
  async dedupMode(): Promise<DedupMode> {
    const r = await this.store.all<{ dedup: string }>(ch.lastDedupSql(this.t.db));
    const v = r[0]?.dedup as DedupMode | undefined;
    return v && DEDUP_MODES.includes(v) ? v : "exact";
  }
  async dyads(q: DyadQuery): Promise<{ dedup: DedupMode; rows: DyadRow[] }> {
    const dedup = q.dedup ?? (await this.dedupMode());
    const { db, rows, cluster } = this.t;
    const raw = await this.store.all<RawDyad>(ch.dyadsSql(db, rows, q, dedup, cluster));
    return { dedup, rows: raw.map(toDyadRow) };
  }
  async importedEvents(q: ImportedEventQuery = {}): Promise<ImportedEvent[]> {
    const dedup = q.dedup ?? (await this.dedupMode());
    const { db, rows, cluster } = this.t;
    const r = await this.store.all<{
      date: string;
      source: string;
      target: string;
      cameo_root: string | null;
      plover_type: string | null;
      goldstein: number | null;
      quad: number | null;
      quad_scheme: string;
      dataset: ImportedEvent["dataset"];
    }>(ch.importedEventsSql(db, rows, q, dedup, cluster));
    return r.map((x) => ({
      date: x.date,
      source: x.source,
      target: x.target,
      cameoRoot: x.cameo_root,
      ploverType: x.plover_type,
      goldstein: x.goldstein,
      quad: x.quad,
      quadScheme: x.quad_scheme,
      dataset: x.dataset,
      evidence: "imported" as const,
    }));
  }
  async countDuplicates(mode: DedupMode): Promise<number> {
    if (mode === "none") return 0;
    const { db, rows, cluster } = this.t;
    const [{ n: total }] = await this.store.all<{ n: number }>(
      ch.countRowsSql(db, rows, "none", cluster),
    );
    const [{ n: kept }] = await this.store.all<{ n: number }>(
      ch.countRowsSql(db, rows, mode, cluster),
    );
    return total - kept;
  }
  close(): Promise<void> {
    return this.store.close();
  }
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
