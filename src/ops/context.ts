import type { Scenario } from "../model/scenario.ts";
import type { EventBackend } from "../store/event-backend.ts";
import type { Store } from "../store/store.ts";

/** A scenario and, when known, the line of each record in its files (for error messages). */
export interface LoadedScenario {
  scenario: Scenario;
  lines?: Record<string, number[]>;
}

/**
 * Where an operation's data come from. The CLI and the library use a local context (a store file,
 * scenario ids or folders); the server one (shipped scenario ids only, one shared store). An
 * operation never opens files itself: it asks its context, so it runs the same on every surface
 * and on either event backend.
 */
export interface OpContext {
  /** "local" may read scenario folders by path; "server" only shipped ids. */
  readonly surface: "local" | "server";
  /**
   * The scenario named by `id` (an id; locally also a folder), or the default scenario when `id`
   * is undefined. A named scenario that is unknown or invalid is an error; so is an invalid
   * default. Returns undefined only when no id was given and no default scenario exists.
   */
  scenario(id: string | undefined): LoadedScenario | undefined;
  /** Ids of the scenarios this context can name (shipped ones; a server's extra folders too). */
  scenarioIds(): string[];
  /** The reference panel (`ref_*` views); no store file is needed or locked for it. */
  store(): Promise<Store>;
  /** Imported events: the store's DuckDB tables, or ClickHouse when the context names it. */
  events(): Promise<EventBackend>;
  /** Release what the context opened (e.g. a read-only store file). */
  close?(): Promise<void>;
  /** Aborted when the caller gives up (a cancelled job, a timed-out request). */
  readonly signal?: AbortSignal;
}

/** Progress of a long operation: fraction done in [0, 1] and a message. */
export type Progress = (fraction: number, message?: string) => void;
