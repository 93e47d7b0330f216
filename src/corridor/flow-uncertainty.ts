import { quantile } from "../simulate/quantiles.ts";
import { withValues } from "./assumption-ranges.ts";
import { assumptionDraws } from "./leverage-uncertainty.ts";
import type { Network } from "./load-network.ts";
import type { AssignmentChoice } from "./problem.ts";
import { routeFlows } from "./route-flows.ts";
import type { Weights } from "./year-view.ts";

/** Defaults of `flowIntervals` (the same draws as the leverage intervals: paired). */
export const FLOW_UNCERTAINTY_DEFAULTS = {
  draws: 40,
  seed: 1,
  level: 0.9,
  weights: undefined as Weights | undefined,
  choice: undefined as AssignmentChoice | undefined,
};

/**
 * The annual transport flow on every route of `year` under seeded draws of the assumption ranges
 * (`assumptionDraws`: the same draws as the leverage intervals of that year), as the
 * (1 − level)/2 and (1 + level)/2 quantiles (type 7) of the draws, by route id. Empty when the
 * year has no demand figure (missing, not zero) or no draws are asked for.
 */
export async function flowIntervals(
  net: Network,
  year: number,
  options: Partial<typeof FLOW_UNCERTAINTY_DEFAULTS> = {},
): Promise<Map<string, [number, number]>> {
  const o = { ...FLOW_UNCERTAINTY_DEFAULTS, ...options };
  const byRoute = new Map<string, number[]>();
  for (const values of assumptionDraws(net, year, o.draws, o.seed)) {
    const flows = await routeFlows(withValues(net, values), "transport", year, {
      weights: o.weights,
      choice: o.choice,
    });
    if (!flows) return new Map();
    for (const [id, f] of flows) byRoute.set(id, [...(byRoute.get(id) ?? []), f]);
  }
  const lo = (1 - o.level) / 2;
  const hi = (1 + o.level) / 2;
  const out = new Map<string, [number, number]>();
  for (const [id, xs] of byRoute) {
    const s = [...xs].sort((a, b) => a - b);
    out.set(id, [quantile(s, lo), quantile(s, hi)]);
  }
  return out;
}
