import type { Network } from "./load-network.ts";
import {
  type AssignmentChoice,
  assignYear,
  defaultChoice,
  type NetworkKind,
  usable,
  yearProblem,
} from "./problem.ts";
import type { ViewOptions } from "./year-view.ts";

/**
 * The annual flow the assignment puts on every route of `network` in `year` (demand unit: TEU/yr
 * for transport, bcm/yr for gas), 0 for routes that carry nothing or are not operating; null when
 * the year has no demand figure (missing, not zero). Route choice: `opts.choice`, else the
 * network's default (`defaultChoice`: its calibrated logit, or cheapest-first). Routes of an origin without demand are absent.
 */
export async function routeFlows(
  net: Network,
  network: NetworkKind,
  year: number,
  opts: ViewOptions & { choice?: AssignmentChoice } = {},
): Promise<Map<string, number> | null> {
  const p = yearProblem(net, network, year, opts);
  if (!p) return null;
  const a = await assignYear(p, usable(p), opts.choice ?? defaultChoice(net));
  const flows = new Map<string, number>();
  for (const r of p.routes) flows.set(r.id, a.flows.get(r.id) ?? 0);
  return flows;
}
