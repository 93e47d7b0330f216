import type { At, Network } from "./load-network.ts";
import type { LinkRow, RouteRow } from "./schema.ts";
import { splitSources } from "./split-sources.ts";

/** Generalised-cost weights (multipliers on the cost, time and risk terms). */
export interface Weights {
  cost: number;
  time: number;
  risk: number;
}
export const DEFAULT_WEIGHTS: Weights = { cost: 1, time: 1, risk: 1 };

/** One route as it stands in one year: everything compare, disrupt and leverage need. */
export interface RouteView {
  id: string;
  name: string;
  corridor: string;
  network: "transport" | "gas";
  origin: string;
  destination: string;
  /** Operating in the year (every link open and operating). */
  active: boolean;
  /** Why not, when not. */
  inactiveReason?: string;
  /** Countries in order along the route (ISO3; origin first). */
  countries: string[];
  /** Countries the route crosses other than its origin and destination (the transit players). */
  transit: string[];
  passages: string[];
  modes: string[];
  links: string[];
  timeDays: [number, number] | null;
  timeDefinition: string | null;
  costUsd: [number, number] | null;
  costUnit: string | null;
  /** Smallest known capacity of its links in the demand's unit; null when no link states one. */
  capacity: number | null;
  capacityUnit: string;
  /** True when every link in the demand's unit is `unbounded` (capacity is then null). */
  capacityUnbounded: boolean;
  /** Link that sets `capacity`. */
  capacityLink: string | null;
  /** Links whose capacity is unknown (left unconstrained in the assignment). */
  capacityUnknown: string[];
  /** Route risk 1 - prod(1 - r_c) over transit countries and passages; null if a risk is missing. */
  risk: number | null;
  /** Weighted cost per unit (USD/FEU for transport); 0 for gas (no tariffs at hand); null when unknown. */
  generalizedCost: number | null;
  sources: string[];
  /** file:line of every row used that is an assumption. */
  assumptions: string[];
}

/** The row of a (possibly multi-period) link in force in `year`, if any. */
export function linkInYear(net: Network, id: string, year: number): At<LinkRow> | undefined {
  return net.links.find(
    (l) => l.id === id && (l.yearFrom ?? -Infinity) <= year && year <= (l.yearTo ?? Infinity),
  );
}

function covers(r: { yearFrom?: number; yearTo?: number }, year: number): boolean {
  return (r.yearFrom ?? -Infinity) <= year && year <= (r.yearTo ?? Infinity);
}

/** Risk parameter of a country or passage in a year. */
export function riskOf(net: Network, code: string, year: number) {
  return net.risks.find((r) => r.code === code && covers(r, year));
}

function figure(net: Network, route: string, metric: "time_days" | "cost_usd", year: number) {
  const rows = net.figures.filter(
    (f) => f.route === route && f.metric === metric && covers(f, year),
  );
  // Year-specific rows override the all-years fallback.
  return rows.find((f) => f.yearFrom !== undefined || f.yearTo !== undefined) ?? rows[0];
}

function isIso3(c: string | undefined): c is string {
  return c !== undefined && /^[A-Z]{3}$/.test(c);
}

function addSource(list: string[], s: string | undefined) {
  if (!s) return;
  for (const t of splitSources(s)) if (!list.includes(t)) list.push(t);
}

export interface ViewOptions {
  weights?: Weights;
  /** Treat planned links as open (their unknown figures stay unknown). */
  includePlanned?: boolean;
  /** Codes (country, passage, link or route id) closed for this view. */
  closed?: string[];
  /**
   * How links of unknown capacity enter the assignment: "unconstrained" (default; flows on them
   * are flagged) or "zero" (conservative: routes through them carry nothing).
   */
  unknownCapacity?: "unconstrained" | "zero";
}

/** Every route of the network as it stands in `year`. */
export function routesInYear(net: Network, year: number, opts: ViewOptions = {}): RouteView[] {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const value = net.params.cargo_value_usd_per_feu.value;
  const share = net.params.time_cost_share_per_day.value;
  const closed = new Set(opts.closed ?? []);
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  return net.routes.map((r: At<RouteRow>) => {
    const sources: string[] = [];
    const assumptions: string[] = [];
    addSource(sources, r.source);
    const countries: string[] = [];
    const push = (c: string | undefined) => {
      if (isIso3(c) && countries[countries.length - 1] !== c) countries.push(c);
    };
    const passages: string[] = [];
    const modes: string[] = [];
    let inactive: string | undefined;
    let timeSum: [number, number] | null = [0, 0];
    let costSum: [number, number] | null = [0, 0];
    let costUnit: string | null = null;
    let capacity: number | null = null;
    let capacityLink: string | null = null;
    const capacityUnknown: string[] = [];
    const capUnit = r.network === "gas" ? "bcm/yr" : "TEU/yr";
    if (closed.has(r.id)) inactive = `route ${r.id} closed`;
    for (const [k, id] of r.links.entries()) {
      const any = net.links.find((l) => l.id === id)!;
      const l = linkInYear(net, id, year);
      if (k === 0) push(nodes.get(any.from)?.iso3);
      for (const c of any.countries) push(c);
      push(nodes.get(any.to)?.iso3);
      for (const p of any.passages) if (!passages.includes(p)) passages.push(p);
      if (!modes.includes(any.mode)) modes.push(any.mode);
      if (closed.has(id)) inactive ??= `link ${id} closed`;
      // A country closes as a transit state: the O–D's own origin and destination stay open.
      for (const c of [...any.countries, ...any.passages])
        if (closed.has(c) && c !== r.origin && c !== r.destination) inactive ??= `${c} closed`;
      for (const nid of [any.from, any.to]) {
        const iso = nodes.get(nid)?.iso3;
        if (
          closed.has(nid) ||
          (iso && closed.has(iso) && iso !== r.origin && iso !== r.destination)
        )
          inactive ??= `${closed.has(nid) ? nid : iso} closed`;
      }
      if (!l) {
        inactive ??= `link ${id} has no row for ${year}`;
        timeSum = null;
        costSum = null;
        continue;
      }
      addSource(sources, l.source);
      if (l.assumption) assumptions.push(l.at);
      const openedYear = l.opened ? Number(l.opened.slice(0, 4)) : undefined;
      if (l.status === "planned" && !opts.includePlanned) inactive ??= `link ${id} is planned`;
      else if (l.status === "suspended" || l.status === "closed")
        inactive ??= `link ${id} is ${l.status}`;
      else if (openedYear !== undefined && openedYear > year)
        inactive ??= `link ${id} opened ${l.opened}`;
      if (timeSum && l.timeMinDays !== undefined && l.timeMaxDays !== undefined) {
        timeSum = [timeSum[0] + l.timeMinDays, timeSum[1] + l.timeMaxDays];
      } else timeSum = null;
      if (costSum && l.costUsd !== undefined && (costUnit === null || costUnit === l.costUnit)) {
        costSum = [costSum[0] + l.costUsd, costSum[1] + l.costUsd];
        costUnit = l.costUnit ?? null;
      } else costSum = null;
      if (l.capacityUnit === capUnit) {
        if (l.capacity === undefined) capacityUnknown.push(id);
        else if (l.capacity !== "unbounded" && (capacity === null || l.capacity < capacity)) {
          capacity = l.capacity;
          capacityLink = id;
        }
      } else if (l.capacity === undefined) capacityUnknown.push(id);
    }
    const terminal = new Set([r.origin, r.destination, ...r.terminal]);
    const transit = countries.filter((c) => !terminal.has(c));
    let timeDays: [number, number] | null = null;
    let timeDefinition: string | null = null;
    const tf = figure(net, r.id, "time_days", year);
    if (tf) {
      timeDays = [tf.min, tf.max];
      timeDefinition = tf.definition;
      addSource(sources, tf.source);
      if (tf.assumption) assumptions.push(tf.at);
    } else if (timeSum) {
      timeDays = timeSum;
      timeDefinition = "sum of link times";
    }
    let costUsd: [number, number] | null = null;
    const cf = figure(net, r.id, "cost_usd", year);
    if (cf) {
      costUsd = [cf.min, cf.max];
      costUnit = cf.unit;
      addSource(sources, cf.source);
      if (cf.assumption) assumptions.push(cf.at);
    } else if (costSum) costUsd = costSum;
    else costUnit = null;
    let risk: number | null = 1;
    for (const c of [...transit, ...passages]) {
      const rr = riskOf(net, c, year);
      if (!rr) {
        risk = null;
        break;
      }
      addSource(sources, rr.source);
      if (rr.assumption) assumptions.push(rr.at);
      risk *= 1 - rr.risk;
    }
    if (risk !== null) risk = 1 - risk;
    let gc: number | null = null;
    if (r.network === "gas") gc = 0;
    else if (timeDays && costUsd && risk !== null && costUnit === "USD/FEU") {
      const t = (timeDays[0] + timeDays[1]) / 2;
      const c = (costUsd[0] + costUsd[1]) / 2;
      gc = w.cost * c + w.time * share * value * t + w.risk * risk * value;
    }
    return {
      id: r.id,
      name: r.name,
      corridor: r.corridor,
      network: r.network,
      origin: r.origin,
      destination: r.destination,
      active: inactive === undefined,
      ...(inactive ? { inactiveReason: inactive } : {}),
      countries,
      transit,
      passages,
      modes,
      links: r.links,
      timeDays,
      timeDefinition,
      costUsd,
      costUnit,
      capacity,
      capacityUnbounded: capacity === null && capacityUnknown.length === 0,
      capacityUnit: capUnit,
      capacityLink,
      capacityUnknown,
      risk,
      generalizedCost: gc,
      sources,
      assumptions: [...new Set(assumptions)],
    };
  });
}

/** Capacity of each link in `year` in the given unit (finite ones only). */
export function linkCapacities(net: Network, year: number, unit: string): Map<string, number> {
  const caps = new Map<string, number>();
  for (const l of net.links)
    if (
      covers(l, year) &&
      l.capacityUnit === unit &&
      typeof l.capacity === "number" &&
      !caps.has(l.id)
    )
      caps.set(l.id, l.capacity);
  return caps;
}
