// The `ana/ingest` entry point. Event data: importers (GDELT, ICEWS, PLOVER/POLECAT, mapped CSV), dyadic aggregation.
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { type DedupMode, dedupedEvents, dedupedEventsSql } from "./dedup.ts";
export { DuckDbEventSink } from "./duckdb-sink.ts";
export { type DyadQuery, type DyadRow, dyads, dyadsSql } from "./dyads.ts";
export type { EventRow } from "./event-row.ts";
export type { EventSink } from "./event-sink.ts";
export { type ImportOptions, type ImportSummary, importEvents } from "./import-events.ts";
export {
  type ImportedEvent,
  type ImportedEventQuery,
  importedEvents,
} from "./imported-events.ts";
