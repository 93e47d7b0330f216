import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import type { ReportData } from "./build.ts";

/**
 * Add the measures that need the store or a model (the scorecard, the corridor leverage, the
 * claims check) to a report. A measure
 * that cannot run is reported as missing with the reason, never replaced by anything else.
 */
export async function addMeasures(r: ReportData, s: Scenario, store: Store): Promise<ReportData> {
  try {
    const { scorecard } = await import("../measure/scorecard.ts");
    r.scorecard = await scorecard(store, s, r.focal, r.from, r.to);
    r.scorecardNote = undefined;
  } catch (e) {
    r.scorecard = null;
    r.scorecardNote = `the scorecard could not be computed: ${(e as Error).message}`;
  }
  try {
    const { reportCorridor } = await import("./corridor-leverage.ts");
    r.corridor = await reportCorridor(r.focal, r.from, r.to);
    r.corridorNote = r.corridor
      ? undefined
      : `${r.focalName} lies on no route of the corridor networks (data/networks/eurasia)`;
  } catch (e) {
    r.corridor = null;
    r.corridorNote = `the corridor leverage could not be computed: ${(e as Error).message}`;
  }
  if (r.focal !== s.meta.focal) {
    r.claims = null;
    r.claimsNote = `the claims check is about the scenario's focal state (${s.meta.focal})`;
    return r;
  }
  try {
    const { checkClaims } = await import("../measure/claims.ts");
    r.claims = await checkClaims(store, s);
    r.claimsNote = undefined;
    if (r.claims.length === 0) {
      r.claims = null;
      r.claimsNote = `the scenario ${s.meta.id} defines no claims (no claims.yaml)`;
    }
  } catch (e) {
    r.claims = null;
    r.claimsNote = `the claims check could not run: ${(e as Error).message}`;
  }
  return r;
}
