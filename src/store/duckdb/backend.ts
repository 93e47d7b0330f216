import type { DedupMode } from "../../ingest/dedup.ts";
import type { EventSink } from "../../ingest/event-sink.ts";
import type { DyadQuery } from "../dyads.ts";
import type { EventBackend } from "../event-backend.ts";
import type { ImportedEventQuery } from "../imported-event.ts";
import type { Store } from "../store.ts";
import { countDuplicates } from "./dedup.ts";
import { dyads } from "./dyads.ts";
import { importedEvents } from "./imported-events.ts";
import { DuckDbEventSink } from "./sink.ts";

/** Imported events in the embedded DuckDB store. */
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
