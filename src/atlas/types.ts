import type { DataStatus } from "../measure/status.ts";

/** A pole's id (WEST, RUS, CHN by default) → its member states (ISO3). */
export type Poles = Record<string, string[]>;

/** Options of `atlas(store, options)`; defaults in `ATLAS_DEFAULTS`. */
export interface AtlasOptions {
  from?: number;
  to?: number;
  poles?: Poles;
  /**
   * Component key → weight ≥ 0; replaces the defaults (components not named get 0). Without it:
   * `ATLAS_DEFAULTS.weights` for the components whose source covers every requested year.
   */
  weights?: Record<string, number>;
  minCoverage?: number;
  minRollCalls?: number;
  /** UN-vote engagement: "alignmentIndex" (default) or "agreement" (Lijphart). */
  voteMeasure?: "alignmentIndex" | "agreement";
  /**
   * Per-component score: "spread" (default), E = 1 − Σ|x_P − x_Q| / (⌊K/2⌋⌈K/2⌉Δ), which scores
   * equal DISengagement as perfect evenness; or "coengagement", Σ min(x_P, x_Q) / Σ max(x_P, x_Q)
   * over pairs of poles (scale invariant; the component is missing when every engagement is 0).
   */
  evenness?: "spread" | "coengagement";
  armsWindow?: number;
  draws?: number;
  seed?: number;
  level?: number;
  /**
   * Return only these states' rows (ISO3). Ranks and rank intervals are still among all the
   * year's states, so a filtered row equals the same row of the unfiltered result.
   */
  states?: string[];
  /**
   * Keep each value's draws on the rows (`indexDraws`, `components[k].draws`: views of the draws,
   * NaN where missing) for paired comparisons across states (`ana atlas compare`); not for JSON.
   */
  keepDraws?: boolean;
}

/** One component of one state-year. */
export interface AtlasComponentValue {
  /** Evenness between the poles in [0, 1] (1 = equally engaged with every pole); null if missing. */
  value: number | null;
  interval: [number, number] | null;
  status: DataStatus;
  /** The value's draws (with `keepDraws`; NaN where missing); absent without sampling uncertainty. */
  draws?: Float64Array;
  /** Observations behind the value (joint roll calls, years, IGOs …), where meaningful. */
  n?: number;
  /**
   * Engagement with each pole, `level` (the mean engagement across poles: even because engaged
   * with all, or with none?), a `note` when the value is undefined, and the component's own
   * figures (shares, concentration …).
   */
  detail?: Record<string, unknown>;
}

export interface AtlasRow {
  iso3: string;
  name: string;
  year: number;
  /** The composite multi-alignment (hedging) index in [0, 1]; null below `minCoverage`. */
  index: number | null;
  status: DataStatus;
  interval: [number, number] | null;
  /** Share (0..1) of the index weight whose component has data. */
  coverage: number;
  /** 1 = most multi-aligned among the year's rows with an index. */
  rank: number | null;
  rankInterval: [number, number] | null;
  /** The pole this state belongs to, when it is a pole member. */
  pole?: string;
  components: Record<string, AtlasComponentValue>;
  /** The index's draws (with `keepDraws`; NaN where missing). */
  indexDraws?: Float64Array;
}

export interface AtlasComponentInfo {
  key: string;
  label: string;
  source: string;
  /** Years the component's source covers (null: not available in the panel). */
  coverage: { from: number; to: number } | null;
  weight: number;
  /** How the component's interval is made. */
  interval: string;
  note?: string;
}

export interface AtlasResult {
  from: number;
  to: number;
  poles: Poles;
  weights: Record<string, number>;
  formula: string;
  minCoverage: number;
  draws: number;
  seed: number;
  level: number;
  components: AtlasComponentInfo[];
  rows: AtlasRow[];
}
