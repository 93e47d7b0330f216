import { type AssignResult, assign } from "./assign.ts";
import type { Network } from "./load-network.ts";
import {
  type AssignmentChoice,
  assignYear,
  defaultChoice,
  type NetworkKind,
  toAssign,
  usable,
  type YearProblem,
  yearProblem,
} from "./problem.ts";
import { shapleyExact } from "./shapley.ts";
import type { RouteView, Weights } from "./year-view.ts";

/** One year's leverage of one country in one network. */
export interface LeverageRow {
  year: number;
  network: NetworkKind;
  /** Share of the assigned flow whose route crosses the country (0–1). */
  routeBetweenness: number;
  /** Increase of the network's total cost when the country is removed (costUnit). */
  bypassCost: number;
  /** bypassCost per unit of demand (USD per FEU for transport, share of demand for gas). */
  bypassCostPerUnit: number;
  /** Shapley value of the country in the transit game (costUnit). */
  shapley: number;
  /** shapley / v(all players): the country's share of the network's transit value. */
  shapleyShare: number | null;
  costUnit: string;
  /** Demand the year's figures cover, by destination (gas: only destinations with a known flow). */
  demand: Record<string, number>;
  /**
   * Buyers reached by an operating route this year whose volume is not sourced for the year
   * (missing, not zero): the game covers only the buyers in `demand`.
   */
  demandMissing: string[];
  players: string[];
  /** Value of the grand coalition v(N). */
  grandValue: number;
}

export interface YearGame {
  problem: YearProblem;
  routes: RouteView[];
  players: string[];
  base: AssignResult;
  /** Cost with only routes whose players all belong to the coalition. */
  costOf: (allowed: RouteView[]) => Promise<number>;
}

/** Players of a year's game: transit countries, plus the origin for gas (the producer). */
export function playersOf(p: YearProblem, routes: RouteView[]): string[] {
  const s = new Set<string>();
  if (p.network === "gas") s.add(p.origin);
  for (const r of routes) for (const c of r.transit) s.add(c);
  return [...s].sort();
}

function needs(p: YearProblem, r: RouteView): string[] {
  return p.network === "gas" ? [p.origin, ...r.transit] : r.transit;
}

/**
 * Leverage measures of `iso3` for one network and year, or undefined when the year has no
 * demand. Exact: every coalition's cost is a min-cost assignment (memoised by the set of routes
 * the coalition can use).
 */
export async function yearLeverage(
  net: Network,
  network: NetworkKind,
  year: number,
  iso3: string,
  opts: { weights?: Weights; choice?: AssignmentChoice } = {},
): Promise<LeverageRow | undefined> {
  const p = yearProblem(net, network, year, { weights: opts.weights });
  if (!p) return undefined;
  // Transport: the network's route choice (calibrated logit by default; a coalition's cost is then
  // the SUE objective, the expected perceived cost); gas: the min-cost (max-delivery) game.
  const choice = opts.choice ?? defaultChoice(net);
  const logit = network === "transport" && choice.assignment === "logit";
  const routes = usable(p);
  const players = playersOf(p, routes);
  const memo = new Map<string, number>();
  const costOf = async (allowed: RouteView[]) => {
    const key = allowed.map((r) => r.id).join(",");
    let c = memo.get(key);
    if (c === undefined) {
      c = logit
        ? (await assignYear(p, allowed, choice)).cost
        : (await assign(toAssign(p, allowed))).cost;
      memo.set(key, c);
    }
    return c;
  };
  const base = await assignYear(p, routes, network === "transport" ? choice : undefined);
  memo.set(routes.map((r) => r.id).join(","), base.cost);
  const served = routes.reduce((s, r) => s + (base.flows.get(r.id) ?? 0), 0);
  const through = routes.reduce(
    (s, r) => s + (needs(p, r).includes(iso3) ? (base.flows.get(r.id) ?? 0) : 0),
    0,
  );
  const without = await costOf(routes.filter((r) => !needs(p, r).includes(iso3)));
  const bypassCost = without - base.cost;
  const total = [...p.demand.values()].reduce((s, x) => s + x, 0);

  // Coalition masks -> allowed route sets; evaluate each distinct set once.
  const n = players.length;
  const need = routes.map((r) => needs(p, r).reduce((m, c) => m | (1 << players.indexOf(c)), 0));
  const costByMask = new Map<number, number>();
  // maskOf[m]: the routes coalition m can use (every player a route needs is in m). Each route
  // marks the supersets of its need set: Σ_k 2^(n − |need_k|) steps instead of 2^n per route.
  const maskOf = new Int32Array(1 << n);
  const full = (1 << n) - 1;
  need.forEach((nm, k) => {
    const free = full & ~nm;
    for (let sub = free; ; sub = (sub - 1) & free) {
      maskOf[nm | sub] |= 1 << k;
      if (sub === 0) break;
    }
  });
  const distinct = new Set<number>();
  for (let m = 0; m < 1 << n; m++)
    // Consecutive masks often allow the same routes: skip the set for a repeat.
    if (m === 0 || maskOf[m] !== maskOf[m - 1]) distinct.add(maskOf[m]);
  for (const rm of distinct)
    costByMask.set(rm, await costOf(routes.filter((_, k) => rm & (1 << k))));
  const empty = costByMask.get(maskOf[0])!;
  const v = (m: number) => empty - costByMask.get(maskOf[m])!;
  // Only the country's own value is used: the sums for the other players are skipped.
  const phi = players.length > 0 ? shapleyExact(players, v, [iso3]) : new Map<string, number>();
  const grand = players.length > 0 ? v((1 << n) - 1) : 0;
  const shapley = phi.get(iso3) ?? 0;
  return {
    year,
    network,
    routeBetweenness: served > 0 ? through / served : 0,
    bypassCost,
    bypassCostPerUnit:
      network === "transport" ? bypassCost / (total * p.perUnit) : bypassCost / total,
    shapley,
    shapleyShare: grand > 0 ? shapley / grand : null,
    costUnit: p.costUnit,
    demand: Object.fromEntries(p.demand),
    demandMissing: p.demandMissing,
    players,
    grandValue: grand,
  };
}

/** Years a network's data covers (demand rows for transport, flow rows for gas). */
export function networkYears(net: Network, network: NetworkKind): number[] {
  const ys = new Set<number>();
  if (network === "transport") {
    for (const d of net.demand)
      if (d.network === "transport") for (let y = d.yearFrom; y <= d.yearTo; y++) ys.add(y);
  } else for (const g of net.gasFlows) ys.add(g.year);
  return [...ys].sort((a, b) => a - b);
}

/** Countries that appear on any route of a network (as transit or, for gas, origin). */
export function networkCountries(net: Network, network: NetworkKind): Set<string> {
  const s = new Set<string>();
  const nodes = new Map(net.nodes.map((n) => [n.id, n.iso3]));
  for (const r of net.routes) {
    if (r.network !== network) continue;
    if (network === "gas") s.add(r.origin);
    for (const id of r.links)
      for (const l of net.links.filter((x) => x.id === id)) {
        for (const c of l.countries) s.add(c);
        for (const nid of [l.from, l.to]) {
          const c = nodes.get(nid);
          if (c) s.add(c);
        }
      }
  }
  return s;
}

/** First and last year the network's demand and flow figures cover (both networks). */
export function networkSpan(net: Network): [number, number] {
  const ys = [...networkYears(net, "transport"), ...networkYears(net, "gas")];
  return [Math.min(...ys), Math.max(...ys)];
}
