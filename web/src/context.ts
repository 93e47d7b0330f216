import type { ViewState } from "./state.ts";
import type { Actor, ScenarioInfo } from "./types.ts";

export type { Actor, ScenarioInfo };

/** What every page gets: the resolved view state, the scenario, its actors, and a way to change the URL. */
export interface PageContext {
  state: ViewState;
  scenario: ScenarioInfo;
  actors: Actor[];
  name(code: string): string;
  /** Change page-specific parameters (kept in the URL) and re-render. */
  update(extra: Record<string, string>): void;
  /** Make another state the focal state (any ISO3 code; one outside the scenario is panel-only). */
  setFocal(code: string): void;
  /** Aborted when the page is left (navigation, or a re-render): polling and timers stop. */
  signal: AbortSignal;
}
