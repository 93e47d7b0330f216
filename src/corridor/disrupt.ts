import type { AssignResult } from "./assign.ts";
import type { Network } from "./load-network.ts";
import {
  type AssignmentChoice,
  assignYear,
  defaultChoice,
  type NetworkKind,
  usable,
  type YearProblem,
  yearProblem,
} from "./problem.ts";
import type { RouteView, Weights } from "./year-view.ts";

export interface RouteFlow {
  id: string;
  name: string;
  countries: string[];
  flow: number;
  unit: string;
  share: number;
  generalizedCost: number | null;
  timeDays: [number, number] | null;
}

export interface AssignmentView {
  routes: RouteFlow[];
  unserved: number;
  totalCost: number;
  costUnit: string;
  /** Flow-weighted mean of route time midpoints (served flow), days; null for gas. */
  meanTimeDays: number | null;
  binding: { link: string; capacity: number; flow: number; unit: string }[];
}

export interface Disruption {
  network: NetworkKind;
  year: number;
  baselineYear: number;
  closed: string[];
  /**
   * The route choice used for transport (gas: pro rata): the network's calibrated logit by
   * default, cheapest-first on request or when the network has no estimate.
   */
  assignment: AssignmentChoice;
  demand: { destination: string; volume: number; unit: string }[];
  before: AssignmentView;
  after: AssignmentView;
  shifts: {
    route: string;
    name: string;
    before: number;
    after: number;
    change: number;
    unit: string;
  }[];
  binding: { link: string; name: string; capacity: number; flow: number; unit: string }[];
  costIncrease: number;
  costIncreaseUnit: string;
  costIncreasePerUnit: number | null;
  timeIncreaseDays: number | null;
  closedRoutes: string[];
  /** Caveats on the result, e.g. flow on links whose capacity is unknown. */
  warnings: string[];
  sources: string[];
  assumptions: string[];
}

export function view(p: YearProblem, routes: RouteView[], a: AssignResult): AssignmentView {
  const total = [...p.demand.values()].reduce((s, x) => s + x, 0);
  let served = 0;
  let timeSum = 0;
  let timeKnown = p.network === "transport";
  const rows: RouteFlow[] = [];
  for (const r of routes) {
    const f = a.flows.get(r.id) ?? 0;
    served += f;
    if (r.timeDays) timeSum += (f * (r.timeDays[0] + r.timeDays[1])) / 2;
    else if (f > 0) timeKnown = false;
    rows.push({
      id: r.id,
      name: r.name,
      countries: r.countries,
      flow: f,
      unit: p.unit,
      share: total > 0 ? f / total : 0,
      generalizedCost: p.network === "gas" ? null : r.generalizedCost,
      timeDays: r.timeDays,
    });
  }
  rows.sort((x, y) => y.flow - x.flow || x.id.localeCompare(y.id));
  return {
    routes: rows,
    unserved: [...a.unserved.values()].reduce((s, x) => s + x, 0),
    totalCost: a.cost,
    costUnit: p.costUnit,
    meanTimeDays: timeKnown && served > 0 ? timeSum / served : null,
    // A zero-capacity link (e.g. unknown capacity under the "zero" rule) binds trivially.
    binding: a.binding
      .filter((l) => p.capacities.get(l)! > 0)
      .map((l) => ({
        link: l,
        capacity: p.capacities.get(l)!,
        flow: a.linkFlows.get(l) ?? 0,
        unit: p.unit,
      })),
  };
}

/** Every code `--close` accepts: countries, passages, node, link and route ids. */
export function closableCodes(net: Network): Set<string> {
  const s = new Set<string>();
  for (const l of net.links) {
    s.add(l.id);
    for (const c of [...l.countries, ...l.passages]) s.add(c);
  }
  for (const n of net.nodes) {
    s.add(n.id);
    if (n.iso3) s.add(n.iso3);
  }
  for (const r of net.routes) s.add(r.id);
  return s;
}

/**
 * Close countries, passages, links or routes and reassign the year's demand under capacities
 * (transport: the network's calibrated logit by default, or cheapest-first; gas: pro rata):
 * what moves where, what binds, what it costs (for the logit: the change of the flow-weighted
 * generalised cost, land constant included).
 */
export async function disrupt(
  net: Network,
  o: {
    close: string[];
    year: number;
    /** Year whose open network is the "before" (default: `year`), e.g. 2021 for the 2022 shift. */
    baselineYear?: number;
    network?: NetworkKind;
    weights?: Weights;
    unknownCapacity?: "unconstrained" | "zero";
    /** Route choice (default: the network's, `defaultChoice`). */
    choice?: AssignmentChoice;
  },
): Promise<Disruption> {
  const choice = o.choice ?? defaultChoice(net);
  const network = o.network ?? "transport";
  const baselineYear = o.baselineYear ?? o.year;
  const before = yearProblem(net, network, baselineYear, {
    weights: o.weights,
    unknownCapacity: o.unknownCapacity,
  });
  const after = yearProblem(net, network, o.year, {
    weights: o.weights,
    closed: o.close,
    unknownCapacity: o.unknownCapacity,
  });
  if (!before || !after)
    throw new Error(
      `no ${network} demand for ${!before ? baselineYear : o.year} in the network (${network === "gas" ? "gas-flows.csv" : "demand.csv"}): the year is not covered`,
    );
  const rb = usable(before);
  const ra = usable(after);
  const ab = await assignYear(before, rb, choice);
  const aa = await assignYear(after, ra, choice);
  const vb = view(before, rb, ab);
  const va = view(after, ra, aa);
  const ids = [...new Set([...rb, ...ra].map((r) => r.id))];
  const names = new Map([...rb, ...ra].map((r) => [r.id, r.name]));
  const shifts = ids
    .map((id) => {
      const b = ab.flows.get(id) ?? 0;
      const a = aa.flows.get(id) ?? 0;
      return {
        route: id,
        name: names.get(id)!,
        before: b,
        after: a,
        change: a - b,
        unit: before.unit,
      };
    })
    .filter((s) => Math.abs(s.change) > 1e-9)
    .sort((x, y) => x.change - y.change);
  const unb = va.unserved - vb.unserved;
  if (Math.abs(unb) > 1e-9)
    shifts.push({
      route: "UNSERVED",
      name: "demand no open route can carry",
      before: vb.unserved,
      after: va.unserved,
      change: unb,
      unit: before.unit,
    });
  const warnings: string[] = [];
  for (const [label, routes, a] of [
    ["before", rb, ab],
    ["after", ra, aa],
  ] as const)
    for (const r of routes) {
      const f = a.flows.get(r.id) ?? 0;
      if (f > 1e-9 && r.capacityUnknown.length > 0 && o.unknownCapacity !== "zero")
        warnings.push(
          `${label}: ${Math.round(f * 1000) / 1000} ${before.unit} on ${r.id} cross links whose capacity is unknown (${r.capacityUnknown.join(", ")}); the assignment left them unconstrained`,
        );
    }
  for (const code of o.close)
    if (!after.routes.some((r) => !r.active && r.inactiveReason?.includes(code)))
      warnings.push(
        `closing ${code} changes no ${network} route in ${o.year} (not on an open route, or only as an origin or destination)`,
      );
  const linkName = (id: string) => net.links.find((l) => l.id === id)?.name ?? id;
  const total = [...before.demand.values()].reduce((s, x) => s + x, 0);
  const delta = aa.cost - ab.cost;
  return {
    network,
    year: o.year,
    baselineYear,
    closed: o.close,
    assignment: network === "gas" ? { assignment: "cheapest" } : choice,
    demand: [...before.demand].map(([destination, volume]) => ({
      destination,
      volume,
      unit: before.unit,
    })),
    before: vb,
    after: va,
    shifts,
    binding: va.binding.map((b) => ({ ...b, name: linkName(b.link) })),
    costIncrease: delta,
    costIncreaseUnit: before.costUnit,
    costIncreasePerUnit:
      network === "transport" && total > 0 ? delta / (total * before.perUnit) : null,
    timeIncreaseDays:
      va.meanTimeDays !== null && vb.meanTimeDays !== null
        ? va.meanTimeDays - vb.meanTimeDays
        : null,
    warnings,
    closedRoutes: after.routes
      .filter((r) => !r.active && r.inactiveReason?.includes("closed"))
      .map((r) => r.id),
    sources: [...new Set([...rb, ...ra].flatMap((r) => r.sources).concat(before.sources))],
    assumptions: [
      ...new Set([...rb, ...ra].flatMap((r) => r.assumptions).concat(before.assumptions)),
    ],
  };
}
