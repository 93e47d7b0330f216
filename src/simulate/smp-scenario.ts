/** A spatial bargaining scenario as KTAB's SMP reads it: actors with capability, positions and saliences. */
import type { SmpParams } from "./ktab-params.ts";

export interface SmpActorInput {
  name: string;
  description: string;
  /** Capability ("Power"/"Influence"), ≥ 0. */
  capability: number;
  /** One position per dimension on the input's 0–100 scale. */
  position: number[];
  /** One salience per dimension on 0–100; their sum is at most 100. */
  salience: number[];
}

export interface SmpScenario {
  name: string;
  description: string;
  dimensions: string[];
  actors: SmpActorInput[];
  /** Parameters given by the file (KTAB XML); anything missing takes KTAB's default. */
  params?: Partial<SmpParams>;
  /** PRNG seed given by the file (KTAB XML `prngSeed`). */
  seed?: bigint;
  /** Ideal-accommodation matrix a[i][j] (KTAB XML `IdealAdjustment`); identity when absent. */
  accommodation?: number[][];
  /** Where it was read from. */
  file?: string;
}

/** KTAB's limits (`kmodel.h`). */
export const SMP_LIMITS = Object.freeze({
  minActors: 3,
  maxActors: 250,
  maxNameLen: 25,
  maxDescLen: 256,
});
