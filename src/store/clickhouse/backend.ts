import { DEDUP_MODES, type DedupMode } from "../../ingest/dedup.ts";
import type { EventSink } from "../../ingest/event-sink.ts";
import { type DyadQuery, type DyadRow, type RawDyad, toDyadRow } from "../dyads.ts";
import type { EventBackend } from "../event-backend.ts";
import type { ImportedEvent, ImportedEventQuery } from "../imported-event.ts";
import { ClickHouseEventSink } from "./sink.ts";
import * as ch from "./sql.ts";
import type { ClickHouseEventStore } from "./store.ts";

/** Imported events in a ClickHouse node or cluster (`--store clickhouse://…`). */
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
