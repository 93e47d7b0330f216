import type { Network } from "./load-network.ts";
import { type AssignmentChoice, defaultChoice, routeConstant } from "./problem.ts";
import { type RouteView, routesInYear, type Weights } from "./year-view.ts";

export interface CompareOptions {
  from: string;
  to: string;
  year: number;
  weights?: Weights;
  includePlanned?: boolean;
}

/** One row of `ana corridors compare`. */
export interface ComparedRoute {
  id: string;
  name: string;
  corridor: string;
  countries: string[];
  modes: string[];
  timeDays: [number, number] | null;
  timeDefinition: string | null;
  costUsd: number | null;
  costRangeUsd: [number, number] | null;
  costUnit: string | null;
  capacity: number | null;
  capacityUnbounded: boolean;
  capacityUnit: string;
  capacityLink: string | null;
  capacityUnknown: string[];
  risk: number | null;
  generalizedCost: number | null;
  status: "operating" | "inactive";
  inactiveReason?: string;
  sources: string[];
  assumptions: string[];
  /**
   * Annual TEU the year's assignment puts on the route (transport); null when the year or the
   * origin has no demand figure, and for gas routes (see flowBcm). Set by `withFlows`.
   */
  flowTEU?: number | null;
  /** Annual bcm the year's assignment puts on a gas route; null when the year has no figure. */
  flowBcm?: number | null;
  /**
   * Under the logit route choice (transport): the constant it adds to the route's generalised
   * cost (land and corridor constants, USD/FEU); the choice ranks routes by GC + constant. Set by
   * `withFlows`.
   */
  logitConstant?: number;
}

export function compareRow(r: RouteView): ComparedRoute {
  return {
    id: r.id,
    name: r.name,
    corridor: r.corridor,
    countries: r.countries,
    modes: r.modes,
    timeDays: r.timeDays,
    timeDefinition: r.timeDefinition,
    costUsd: r.costUsd ? (r.costUsd[0] + r.costUsd[1]) / 2 : null,
    costRangeUsd: r.costUsd,
    costUnit: r.costUnit,
    capacity: r.capacity,
    capacityUnbounded: r.capacityUnbounded,
    capacityUnit: r.capacityUnit,
    capacityLink: r.capacityLink,
    capacityUnknown: r.capacityUnknown,
    risk: r.risk,
    generalizedCost: r.network === "gas" ? null : r.generalizedCost,
    status: r.active ? "operating" : "inactive",
    ...(r.inactiveReason ? { inactiveReason: r.inactiveReason } : {}),
    sources: r.sources,
    assumptions: r.assumptions,
  };
}

/**
 * Routes between two countries in a year, best (lowest generalised cost) first. Routes not
 * operating that year are left out unless `includePlanned` (then listed after, marked inactive).
 */
export function compareRoutes(net: Network, o: CompareOptions): ComparedRoute[] {
  const all = routesInYear(net, o.year, { weights: o.weights });
  const rows = all
    .filter((r) => r.origin === o.from && r.destination === o.to)
    .filter((r) => r.active || o.includePlanned)
    .map(compareRow);
  const key = (r: ComparedRoute) =>
    (r.status === "operating" ? 0 : 2) + (r.generalizedCost === null ? 1 : 0);
  return rows.sort(
    (a, b) =>
      key(a) - key(b) ||
      (a.generalizedCost ?? 0) - (b.generalizedCost ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The rows with the flow the year's assignment (`routeFlows`) puts on each route: `flowTEU` on
 * every transport route, `flowBcm` on every gas route (null where demand is missing).
 */
export async function withFlows(
  net: Network,
  rows: ComparedRoute[],
  year: number,
  weights?: Weights,
  choice?: AssignmentChoice,
): Promise<ComparedRoute[]> {
  const { routeFlows } = await import("./route-flows.ts");
  const transport = await routeFlows(net, "transport", year, { weights, choice });
  const gas = await routeFlows(net, "gas", year, { weights });
  const kind = new Map(net.routes.map((r) => [r.id, r.network]));
  const c = choice ?? defaultChoice(net);
  return rows.map((r) =>
    kind.get(r.id) === "gas"
      ? { ...r, flowTEU: null, flowBcm: gas?.get(r.id) ?? null }
      : {
          ...r,
          flowTEU: transport?.get(r.id) ?? null,
          ...(c.assignment === "logit" ? { logitConstant: routeConstant(r, c) } : {}),
        },
  );
}

/** Origin–destination pairs the network has routes for. */
export function odPairs(net: Network): string[] {
  return [...new Set(net.routes.map((r) => `${r.origin}→${r.destination}`))];
}
