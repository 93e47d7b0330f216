// The `ana/store` entry point. Store: the embedded DuckDB database and the event store backends.
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { defaultStorePath } from "./default-path.ts";
export {
  type EventBackend,
  openEventBackend,
  withEventBackend,
} from "./event-backend.ts";
export { putScenario } from "./put-scenario.ts";
export { Store } from "./store.ts";
