// `ana/store`: the embedded DuckDB store and the event backends
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./attach-panel.ts";
export * from "./default-path.ts";
export * from "./duckdb/backend.ts";
export * from "./duckdb/dedup.ts";
export * from "./duckdb/dyads.ts";
export * from "./duckdb/event-schema.ts";
export * from "./duckdb/imported-events.ts";
export * from "./duckdb/sink.ts";
export * from "./dyads.ts";
export * from "./event-backend.ts";
export * from "./imported-event.ts";
export * from "./lock-holder.ts";
export * from "./store.ts";
