import { type AssignProblem, type AssignResult, assign } from "./assign.ts";
import type { Network } from "./load-network.ts";
import { assignProRata } from "./prorata.ts";
import { linkCapacities, type RouteView, routesInYear, type ViewOptions } from "./year-view.ts";

export type NetworkKind = "transport" | "gas";

/** What one network (transport or gas) looks like in one year, ready for assignment. */
export interface YearProblem {
  network: NetworkKind;
  year: number;
  unit: string;
  /** Routes of this network (all, active or not). */
  routes: RouteView[];
  demand: Map<string, number>;
  /** Origin of the demand (one origin per network here). */
  origin: string;
  capacities: Map<string, number>;
  /** Cost per unit of flow for a route's generalized cost (0.5 for USD/FEU over TEU). */
  perUnit: number;
  penalty: number;
  costUnit: string;
  sources: string[];
  assumptions: string[];
  /**
   * Buyers an operating route of this network reached in the year but for which no demand figure
   * for that year is sourced: their flows are missing (not zero) and left out of the game.
   */
  demandMissing: string[];
}

/**
 * The assignment problem for `network` in `year`, or undefined when the year has no demand
 * figure (missing stays missing).
 */
export function yearProblem(
  net: Network,
  network: NetworkKind,
  year: number,
  opts: ViewOptions = {},
): YearProblem | undefined {
  const routes = routesInYear(net, year, opts).filter((r) => r.network === network);
  const demand = new Map<string, number>();
  const sources: string[] = [];
  const assumptions: string[] = [];
  let origin = "";
  if (network === "transport") {
    for (const d of net.demand)
      if (d.network === "transport" && d.yearFrom <= year && year <= d.yearTo) {
        demand.set(d.destination, (demand.get(d.destination) ?? 0) + d.volume);
        origin = d.origin;
        if (d.source) sources.push(d.source);
        if (d.assumption) assumptions.push(d.at);
      }
  } else {
    for (const g of net.gasFlows)
      if (g.year === year) {
        demand.set(g.destination, (demand.get(g.destination) ?? 0) + g.bcm);
        origin = g.origin;
        if (g.source) sources.push(g.source);
        if (g.assumption) assumptions.push(g.at);
      }
  }
  if (demand.size === 0) return undefined;
  const unit = network === "transport" ? "TEU/yr" : "bcm/yr";
  const capacities = linkCapacities(net, year, unit);
  if (opts.unknownCapacity === "zero")
    for (const r of routes) for (const l of r.capacityUnknown) capacities.set(l, 0);
  const reached = new Set(
    routes.filter((r) => r.active && r.origin === origin).map((r) => r.destination),
  );
  const demandMissing = [...reached].filter((d) => !demand.has(d)).sort();
  return {
    network,
    year,
    unit,
    routes: routes.filter((r) => r.origin === origin),
    demand,
    origin,
    capacities,
    perUnit: network === "transport" ? 0.5 : 1,
    penalty:
      network === "transport"
        ? net.params.unserved_penalty_usd_per_feu.value * 0.5
        : net.params.unserved_penalty_per_bcm.value,
    costUnit: network === "transport" ? "USD/yr" : "bcm/yr undelivered",
    sources: [...new Set(sources)],
    assumptions,
    demandMissing,
  };
}

/** Routes usable in the assignment: active, with a known generalised cost, serving a demand. */
export function usable(p: YearProblem): RouteView[] {
  return p.routes.filter(
    (r) => r.active && r.generalizedCost !== null && p.demand.has(r.destination),
  );
}

/** The assignment problem over a subset of the usable routes. */
export function toAssign(p: YearProblem, routes: RouteView[]): AssignProblem {
  return {
    routes: routes.map((r) => ({
      id: r.id,
      destination: r.destination,
      cost: (r.generalizedCost ?? 0) * p.perUnit,
      links: r.links,
      // Between equally cheap routes, prefer the one with fewer links of unknown capacity.
      tieBreak: 1e-6 * r.capacityUnknown.length,
    })),
    capacities: p.capacities,
    demand: p.demand,
    penalty: p.penalty,
  };
}

let logitModule: Promise<typeof import("./logit.ts")> | undefined;

/**
 * The year's assignment over `routes`. Gas routes all cost 0, so many assignments deliver the
 * same volume; when supply falls short, buyers are served pro rata to their observed volumes
 * (max-min fair shares, `prorata.ts`), so who loses gas is determined and documented. Transport
 * keeps the least-cost assignment.
 */
export async function assignYear(
  p: YearProblem,
  routes: RouteView[],
  choice: AssignmentChoice = { assignment: "cheapest" },
): Promise<AssignResult> {
  const a = toAssign(p, routes);
  if (p.network === "gas") return assignProRata(a);
  if (choice.assignment === "logit") {
    // Loaded once: a dynamic import per call costs a loader round trip (tsx: another thread).
    logitModule ??= import("./logit.ts");
    const { assignLogit } = await logitModule;
    const byId = new Map(routes.map((r) => [r.id, r]));
    a.routes = a.routes.map((r) => {
      const k = routeConstant(byId.get(r.id)!, choice);
      return k === 0 ? r : { ...r, cost: r.cost + k * p.perUnit };
    });
    // theta is per unit of generalised cost (USD/FEU); route costs here are per unit of flow.
    return assignLogit(a, { theta: choice.theta / p.perUnit });
  }
  return assign(a);
}

/**
 * How transport demand is assigned: "cheapest" (least total generalised cost under capacities,
 * all-or-nothing between equal routes) or "logit" (capacity-constrained multinomial logit over
 * generalised cost with dispersion `theta` per USD/FEU, `logit.ts`).
 */
export type AssignmentChoice =
  | { assignment: "cheapest" }
  | {
      assignment: "logit";
      theta: number;
      /**
       * Alternative-specific constant of land routes (any link not by sea), USD/FEU, added to their
       * generalised cost in the logit only: what the cost, time and risk terms leave out of the
       * choice between sea and land (cargo mix, reliability, terminal and border limits). 0 when
       * not given.
       */
      landConstant?: number;
      /**
       * Alternative-specific constants by corridor name (USD/FEU), added on top of the land
       * constant, e.g. { Middle: 5000 }: what sets one corridor apart from the others of its
       * mode (transshipments, reliability).
       */
      corridorConstants?: Record<string, number>;
    };

/** The constant a logit choice adds to a route's generalised cost (USD/FEU). */
export function routeConstant(
  r: { modes: string[]; corridor: string },
  choice: { landConstant?: number; corridorConstants?: Record<string, number> },
): number {
  return (
    (isLandRoute(r) ? (choice.landConstant ?? 0) : 0) +
    (choice.corridorConstants?.[r.corridor] ?? 0)
  );
}

/** A land route: at least one link not by sea (rail, ferries, road). */
export function isLandRoute(r: { modes: string[] }): boolean {
  return r.modes.some((m) => m !== "sea");
}

/** Names of the estimated logit parameters in parameters.csv. */
export const LOGIT_PARAMS = {
  theta: "logit_theta_per_usd_feu",
  landConstant: "logit_land_constant_usd_per_feu",
  /** logit_constant_<corridor, lower case>_usd_per_feu */
  corridorConstant: /^logit_constant_([a-z0-9]+)_usd_per_feu$/,
} as const;

/**
 * The network's default route choice: the calibrated logit when parameters.csv holds its estimated
 * parameters (`logit_theta_per_usd_feu`, `logit_land_constant_usd_per_feu`), else cheapest-first.
 */
export function defaultChoice(net: Network): AssignmentChoice {
  const t = net.params[LOGIT_PARAMS.theta];
  if (!t) return { assignment: "cheapest" };
  const corridorConstants: Record<string, number> = {};
  for (const [name, row] of Object.entries(net.params)) {
    const m = LOGIT_PARAMS.corridorConstant.exec(name);
    const corridor = m && net.routes.find((r) => r.corridor.toLowerCase() === m[1])?.corridor;
    if (m && !corridor) throw new Error(`${row.at}: ${name}: no route has the corridor "${m[1]}"`);
    if (corridor) corridorConstants[corridor] = row.value;
  }
  return {
    assignment: "logit",
    theta: t.value,
    landConstant: net.params[LOGIT_PARAMS.landConstant]?.value ?? 0,
    corridorConstants,
  };
}
