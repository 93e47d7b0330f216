import type { Store } from "../store/store.ts";
import { componentScore, type EvennessMode } from "./evenness.ts";
import type { Poles } from "./types.ts";
import type { YearStates } from "./universe.ts";

/** Status codes in the typed arrays: 0 no data, 1 partial, 2 data. */
export const NO_DATA = 0;
export const PARTIAL = 1;
export const DATA = 2;

/** One component for the states of one year (positions as in `YearStates.iso3`). */
export interface ComponentYear {
  /** Evenness per state, NaN when missing. */
  value: Float64Array;
  /** Evenness per state and draw (state-major, `states × draws`); null: no sampling uncertainty. */
  draws: Float64Array | null;
  status: Uint8Array;
  n: Int32Array | null;
  detail: (Record<string, unknown> | undefined)[];
  /** Mean engagement across the poles per state (NaN where not every pole's engagement is known). */
  level: Float64Array;
  /** Why a state with engagement figures has no value (e.g. no engagement with any pole). */
  note: (string | undefined)[];
}

/** What a component's computation gets. */
export interface ComponentInput {
  store: Store;
  years: Map<number, YearStates>;
  poles: Poles;
  poleIds: string[];
  draws: number;
  seed: number;
  minRollCalls: number;
  armsWindow: number;
  /** UN votes: engagement as the alignment index (default) or Lijphart's agreement. */
  voteMeasure?: "alignmentIndex" | "agreement";
  /** Per-component score: spread evenness (default) or co-engagement. */
  evenness?: EvennessMode;
}

export function emptyYear(states: number, withDraws: number): ComponentYear {
  return {
    value: new Float64Array(states).fill(Number.NaN),
    draws: withDraws > 0 ? new Float64Array(states * withDraws).fill(Number.NaN) : null,
    status: new Uint8Array(states),
    n: null,
    detail: new Array(states).fill(undefined),
    level: new Float64Array(states).fill(Number.NaN),
    note: new Array(states).fill(undefined),
  };
}

/** The note of a state-year whose co-engagement is undefined (every engagement 0). */
export const NO_ENGAGEMENT = "no engagement with any pole";

/**
 * Score state `s` from its engagement `x` with every pole (all known): the level (mean engagement)
 * and the value in the chosen mode. When the score is undefined (co-engagement with every
 * engagement 0) the component is missing for the state-year ("no data", with a note) and the
 * result is false; otherwise status "data" and true.
 */
export function scoreState(
  cy: ComponentYear,
  s: number,
  x: ArrayLike<number>,
  mode: EvennessMode = "spread",
): boolean {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k];
  cy.level[s] = sum / x.length;
  const v = componentScore(x, mode);
  if (Number.isNaN(v)) {
    cy.status[s] = NO_DATA;
    cy.note[s] = NO_ENGAGEMENT;
    return false;
  }
  cy.status[s] = DATA;
  cy.value[s] = v;
  return true;
}

/** Round for the JSON details (the values and intervals keep full precision). */
export function r4(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null;
}
