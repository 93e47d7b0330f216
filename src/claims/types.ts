import type { EventRecord } from "../measure/relations.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import type { PeerSetSpec } from "./schema.ts";
import type { Verdict } from "./verdict.ts";

export type { Verdict } from "./verdict.ts";

/** One claim as checked: the record's fields plus what the data say. */
export interface ClaimCheck {
  id: string;
  /** The seed's words. */
  claim: string;
  measure: string;
  command: string;
  /** What the data say, with figures. */
  finding: string;
  verdict: Verdict;
  sources: string[];
  /** The rule as declared, with its threshold, and in words. */
  rule: Record<string, unknown> & { kind: string; text: string };
  /** The periods as declared in the claims file. */
  periods: Record<string, string | string[]>;
  /** The number the verdict rests on (null when there is none). */
  value: number | null;
  /** Its interval ([lo, hi], level in `intervalNote`), or null where there is no number or no sampling model. */
  interval: [number, number] | null;
  intervalNote: string;
  /** Inputs used, and inputs dropped with the reason (like-for-like, missing data). */
  inputs: { used: string[]; dropped: { key: string; reason: string }[] };
  /** Event-based claims: share of seeded thinning draws (equal events per year) that keep the verdict. */
  stability?: {
    share: number;
    /** Share of thinning draws in which the claim is not testable (an input without events). */
    untestable: number;
    draws: number;
    eventsPerYear: number;
    years: [number, number];
  };
  /** The verdict before the uncertainty checks, when they changed it. */
  pointVerdict?: Verdict;
}

/** What a rule returns; the engine adds the record's own fields. */
export type RuleOutcome = Omit<
  ClaimCheck,
  "id" | "claim" | "measure" | "command" | "rule" | "periods" | "sources"
> & { sources: string[]; ruleText: string };

export const ENGINE_DEFAULTS = {
  /** Bootstrap draws for intervals. */
  draws: 1000,
  /** Thinning draws for the stability of event-based verdicts. */
  thinDraws: 200,
  seed: 1,
  level: 0.9,
  minStability: 0.9,
  halfLifeDays: 365,
};
export type EngineOptions = typeof ENGINE_DEFAULTS;

/** Everything a rule needs to evaluate a claim. */
export interface ClaimContext {
  store: Store;
  scenario: Scenario;
  focal: string;
  /** The scenario's events as dyadic records. */
  records: EventRecord[];
  /** The claims file's named peer sets. */
  peers: Record<string, PeerSetSpec>;
  options: EngineOptions;
  /** A citation for the scenario's own rows. */
  scenarioSource: string;
}
