import { eventRecordsFromScenario } from "../measure/relations.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { RULES } from "./rules/index.ts";
import { CLAIMS_FILE, type ClaimsFile, loadClaims } from "./schema.ts";
import {
  type ClaimCheck,
  type ClaimContext,
  ENGINE_DEFAULTS,
  type EngineOptions,
} from "./types.ts";

/** `ana claims --json` / `GET /api/claims`: the scenario, its focal state and its claims checked. */
export interface ClaimsReport {
  scenario: string;
  focal: string;
  /** The claims file's name in the scenario folder (null: no claims file, so no claims). */
  file: string | null;
  claims: ClaimCheck[];
}

/**
 * Check a scenario's claims (its `claims.yaml`) against the data with the one generic engine:
 * each record's rule kind runs its measure over the record's periods and returns a verdict with
 * its interval. Claims are about the scenario's own focal state; a scenario without a claims
 * file has none. `claims` (optional) checks a parsed file instead of the folder's.
 */
export async function claimsReport(
  store: Store,
  scenario: Scenario,
  options: Partial<EngineOptions> & { claims?: ClaimsFile } = {},
): Promise<ClaimsReport> {
  const { claims: given, ...rest } = options;
  const o = { ...ENGINE_DEFAULTS, ...rest };
  const loaded = given ? { file: "(given)", claims: given } : loadClaims(scenario.dir);
  // The file's name only: a server path never leaves the engine.
  const fileName = given ? "(given)" : CLAIMS_FILE;
  const focal = scenario.meta.focal;
  if (!loaded) return { scenario: scenario.meta.id, focal, file: null, claims: [] };
  const ctx: ClaimContext = {
    store,
    scenario,
    focal,
    records: eventRecordsFromScenario(scenario.events, `scenario:${scenario.meta.id}`),
    peers: loaded.claims.peers,
    options: o,
    scenarioSource: `scenario ${scenario.meta.id} (events.csv, flows.csv, memberships.csv; each row cites its source)`,
  };
  const out: ClaimCheck[] = [];
  for (const spec of loaded.claims.claims) {
    const r = await RULES[spec.rule.kind](spec, ctx);
    const { ruleText, sources, ...rest } = r;
    out.push({
      id: spec.id,
      claim: spec.claim,
      measure: spec.measure,
      command: spec.command.replaceAll("{focal}", focal),
      ...rest,
      sources: [...new Set([...sources, ...spec.sources])],
      rule: { ...spec.rule, text: ruleText },
      periods: spec.periods,
    });
  }
  return { scenario: scenario.meta.id, focal, file: fileName, claims: out };
}

/** The claims checked, as a list (the form the report and older callers use). */
export async function checkClaims(
  store: Store,
  scenario: Scenario,
  options: Partial<EngineOptions> = {},
): Promise<ClaimCheck[]> {
  return (await claimsReport(store, scenario, options)).claims;
}
