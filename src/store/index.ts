// `ana/store`: the embedded DuckDB store and the event backends
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./attach-panel.ts";
export * from "./default-path.ts";
export * from "./event-backend.ts";
export * from "./event-schema.ts";
export * from "./put-scenario.ts";
export * from "./schema.ts";
export * from "./store.ts";
