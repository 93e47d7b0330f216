// ANA's library entry point: named exports grouped by theme.

// Data: scenario folders, CSV reading, validation problems
export { parseCsv } from "./data/csv.ts";
export { loadScenario, readScenario } from "./data/load-scenario.ts";
export { formatProblem, type Problem, ValidationError } from "./data/problem.ts";
export { type EventQuery, queryEvents } from "./data/query-events.ts";
export { builtinScenarios, resolveScenarioDir } from "./data/scenario-registry.ts";
// Event data: importers (GDELT, ICEWS, PLOVER/POLECAT, mapped CSV), dyadic aggregation
export { type DedupMode, dedupedEvents, dedupedEventsSql } from "./ingest/dedup.ts";
export { DuckDbEventSink } from "./ingest/duckdb-sink.ts";
export { type DyadQuery, type DyadRow, dyads, dyadsSql } from "./ingest/dyads.ts";
export type { EventRow } from "./ingest/event-row.ts";
export type { EventSink } from "./ingest/event-sink.ts";
export { type ImportOptions, type ImportSummary, importEvents } from "./ingest/import-events.ts";
export {
  type ImportedEvent,
  type ImportedEventQuery,
  importedEvents,
} from "./ingest/imported-events.ts";
// World model: records and their schemas
export * from "./model/index.ts";
// Server
export { createApp } from "./server/app.ts";
// Store: the embedded DuckDB database
export { defaultStorePath } from "./store/default-path.ts";
export { putScenario } from "./store/put-scenario.ts";
export { Store } from "./store/store.ts";
