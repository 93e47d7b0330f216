/**
 * The claims check moved to the claims engine (src/claims/): the claims are scenario data
 * (`data/scenarios/<id>/claims.yaml`) evaluated by one generic engine. This module keeps the old
 * import path working.
 */

import type { ClaimsReport } from "../claims/engine.ts";
import { claimsMarkdown as reportMarkdown } from "../claims/markdown.ts";
import type { ClaimCheck } from "../claims/types.ts";
import type { Scenario } from "../model/scenario.ts";

export { checkClaims, claimsReport } from "../claims/engine.ts";
export type { ClaimCheck, Verdict } from "../claims/types.ts";

/** The Markdown of docs/claims.md, from a report or (older form) from the checks and scenario. */
export function claimsMarkdown(checks: ClaimCheck[] | ClaimsReport, scenario?: Scenario): string {
  if (!Array.isArray(checks)) return reportMarkdown(checks);
  if (!scenario) throw new Error("claimsMarkdown: pass the scenario with the checks");
  return reportMarkdown({
    scenario: scenario.meta.id,
    focal: scenario.meta.focal,
    file: null,
    claims: checks,
  });
}
