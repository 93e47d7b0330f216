import type { Store } from "../store/store.ts";
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
}

export function emptyYear(states: number, withDraws: number): ComponentYear {
  return {
    value: new Float64Array(states).fill(Number.NaN),
    draws: withDraws > 0 ? new Float64Array(states * withDraws).fill(Number.NaN) : null,
    status: new Uint8Array(states),
    n: null,
    detail: new Array(states).fill(undefined),
  };
}

/** Round for the JSON details (the values and intervals keep full precision). */
export function r4(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null;
}
