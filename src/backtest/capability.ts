/**
 * Capabilities of the actors on a DEU issue (ANA's documented choice; Thomson & Hosli 2006,
 * "Who has power in the EU?", JCMS 44(2): 391–417, found a Council-centric bargaining model more
 * accurate than one giving the Commission and Parliament large power):
 * - member states: the Shapley–Shubik index of the Council voting game for the issue's decision
 *   rule (`ssi`, default): under QMV the weighted game of the regime in force (./council.ts), under
 *   unanimity 1/n for each of the n members (every member holds a veto); or their Council votes
 *   (`votes`, any rule). Either way the member states' capabilities sum to 1 (the Council).
 * - European Parliament: under codecision (COD) a co-legislator whose agreement is needed as much
 *   as the Council's: capability 1, equal to the Council's total; under any other procedure
 *   (consultation CNS, …) its opinion does not bind: capability 0 (its position still counts in
 *   the unweighted mean and median).
 * - Commission: the agenda setter, weighted like the largest member state (ANA's assumption).
 */
import { type CouncilRegime, councilRegime } from "./council.ts";
import { shapleyShubik } from "./shapley.ts";

export const CAPABILITY_SCHEMES = ["ssi", "votes"] as const;
export type CapabilityScheme = (typeof CAPABILITY_SCHEMES)[number];

export const CAPABILITY_DEFAULTS = Object.freeze({ scheme: "ssi" as CapabilityScheme });

export function describeCapabilities(scheme: CapabilityScheme): string {
  const states =
    scheme === "ssi"
      ? "member states: Shapley–Shubik index of the Council game for the issue's rule (QMV: weighted votes of the regime in force at introduction; unanimity: 1/n)"
      : "member states: their Council votes (share of the total)";
  return `${states}, summing to 1; European Parliament: 1 under codecision (COD), 0 otherwise; Commission: as the largest member state`;
}

const ssiCache = new Map<string, Record<string, number>>();

function councilShares(regime: CouncilRegime, rule: "qmv" | "unanimity", scheme: CapabilityScheme) {
  const key = `${regime.id}|${rule}|${scheme}`;
  const hit = ssiCache.get(key);
  if (hit) return hit;
  const states = Object.keys(regime.weights);
  const w = states.map((s) => regime.weights[s]);
  const total = w.reduce((a, b) => a + b, 0);
  const shares =
    scheme === "votes"
      ? w.map((x) => x / total)
      : rule === "unanimity"
        ? w.map(() => 1 / states.length)
        : shapleyShubik(w, regime.quota, regime.minMembers);
  const out = Object.fromEntries(states.map((s, i) => [s, shares[i]]));
  ssiCache.set(key, out);
  return out;
}

export function normaliseRule(rule: string | undefined): "qmv" | "unanimity" | null {
  if (!rule) return null;
  if (/^\s*qmv|qualified/i.test(rule)) return "qmv";
  if (/^\s*unan/i.test(rule)) return "unanimity";
  return null;
}

export interface CapabilityInput {
  /** ISO date of introduction, or null. */
  date: string | null;
  procedure?: string;
  rule?: string;
  /** Council member codes of the states that state a position. */
  states: string[];
}

export function issueCapabilities(
  input: CapabilityInput,
  options: { scheme?: CapabilityScheme } = {},
): { state: Record<string, number>; ep: number; com: number; regime: string; notes: string[] } {
  const scheme = options.scheme ?? CAPABILITY_DEFAULTS.scheme;
  const { regime, notes } = councilRegime(input.date, input.states);
  let rule = normaliseRule(input.rule);
  if (rule === null) {
    notes.push(`decision rule "${input.rule ?? ""}" not recognised: QMV assumed for capabilities`);
    rule = "qmv";
  }
  const state = councilShares(regime, rule, scheme);
  const cod = /^\s*cod/i.test(input.procedure ?? "");
  return {
    state,
    ep: cod ? 1 : 0,
    com: Math.max(...Object.values(state)),
    regime: regime.id,
    notes,
  };
}
