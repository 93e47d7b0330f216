import highsLoader from "highs";
import { simplexAssign } from "./simplex.ts";

/** A route offered to the assignment. */
export interface AssignRoute {
  id: string;
  destination: string;
  /** Cost per unit of flow (e.g. USD per TEU). */
  cost: number;
  links: string[];
  /**
   * Tiny extra cost used only to break exact ties (e.g. prefer routes whose capacities are
   * known); it is left out of the reported cost.
   */
  tieBreak?: number;
}

export interface AssignProblem {
  routes: AssignRoute[];
  /** Finite link capacities (links absent here are unconstrained). */
  capacities: Map<string, number>;
  /** Demand per destination. */
  demand: Map<string, number>;
  /** Cost per unit of demand that no route can carry. */
  penalty: number;
}

export interface AssignResult {
  flows: Map<string, number>;
  unserved: Map<string, number>;
  /** Total cost: sum of route cost x flow plus penalty x unserved. */
  cost: number;
  linkFlows: Map<string, number>;
  /** Links used to their capacity. */
  binding: string[];
}

let solver: ReturnType<typeof highsLoader> | undefined;
const cache = new Map<string, Map<string, number>>();
const CACHE_MAX = 20000;

/** Solve an LP text with HiGHS; identical models (same text) are solved once per process. */
export async function solveCached(lp: string): Promise<(name: string) => number> {
  let cols = cache.get(lp);
  if (!cols) {
    solver ??= highsLoader();
    const h = await solver;
    const sol = h.solve(lp, { output_flag: false } as Parameters<typeof h.solve>[1]);
    if (sol.Status !== "Optimal")
      throw new Error(`corridor assignment: the solver ended with status "${sol.Status}"`);
    cols = new Map(
      Object.entries(sol.Columns).map(([k, c]) => [k, (c as { Primal: number }).Primal]),
    );
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(lp, cols);
  }
  const found = cols;
  return (name: string) => Math.max(0, found.get(name) ?? 0);
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(15);
}

/**
 * Minimum-cost assignment of demand to routes under link capacities (a path-based
 * capacitated min-cost flow): minimise sum_r c_r x_r + P sum_d u_d subject to
 * sum_{r to d} x_r + u_d = D_d and sum_{r uses l} x_r <= cap_l, x, u >= 0. Solved exactly with
 * HiGHS, or for small models (the many coalitions of the Shapley enumeration) with an exact
 * dense simplex (`simplex.ts`) that the tests check against HiGHS. Unserved demand u_d is priced
 * at the penalty, so the problem is always feasible.
 */
export async function assign(
  p: AssignProblem,
  solver: "auto" | "highs" | "simplex" = "auto",
): Promise<AssignResult> {
  const dests = [...p.demand.keys()];
  const routes = p.routes.filter((r) => p.demand.has(r.destination));
  const capLinks = [...p.capacities.keys()].filter((l) => routes.some((r) => r.links.includes(l)));
  if (solver === "simplex" || (solver === "auto" && routes.length <= 40 && capLinks.length <= 40)) {
    const sol = simplexAssign(
      routes.map((r) => r.cost + (r.tieBreak ?? 0)),
      dests.map((d) => routes.map((r) => (r.destination === d ? 1 : 0))),
      dests.map((d) => p.demand.get(d)!),
      capLinks.map((l) => routes.map((r) => (r.links.includes(l) ? 1 : 0))),
      capLinks.map((l) => p.capacities.get(l)!),
      p.penalty,
    );
    const byName = new Map<string, number>();
    routes.forEach((_, i) => {
      byName.set(`x${i}`, sol.x[i]);
    });
    dests.forEach((_, j) => {
      byName.set(`u${j}`, sol.u[j]);
    });
    return finish(p, routes, dests, capLinks, (name) => byName.get(name) ?? 0);
  }
  const obj: string[] = [];
  routes.forEach((r, i) => {
    obj.push(`${i === 0 ? "" : "+ "}${fmt(r.cost + (r.tieBreak ?? 0))} x${i}`);
  });
  dests.forEach((_, j) => {
    obj.push(`+ ${fmt(p.penalty)} u${j}`);
  });
  const rows: string[] = [];
  dests.forEach((d, j) => {
    const terms = routes.flatMap((r, i) => (r.destination === d ? [`x${i}`] : []));
    rows.push(` d${j}: ${[...terms, `u${j}`].join(" + ")} = ${fmt(p.demand.get(d)!)}`);
  });
  capLinks.forEach((l, k) => {
    const terms = routes.flatMap((r, i) => (r.links.includes(l) ? [`x${i}`] : []));
    rows.push(` c${k}: ${terms.join(" + ")} <= ${fmt(p.capacities.get(l)!)}`);
  });
  const lp = `Minimize\n obj: ${obj.join(" ").replace(/^\+ /, "")}\nSubject To\n${rows.join("\n")}\nEnd\n`;
  return finish(p, routes, dests, capLinks, await solveCached(lp));
}

/**
 * An assignment read from an LP solution (`x<i>` route flows, `u<j>` unserved demand): flows,
 * unserved demand (0 first for every buyer in `zeroFor`), link loads, binding capacities, cost.
 */
export function finish(
  p: AssignProblem,
  routes: AssignRoute[],
  dests: string[],
  capLinks: string[],
  val: (name: string) => number,
  zeroFor: Iterable<string> = [],
): AssignResult {
  const flows = new Map<string, number>();
  for (const r of p.routes) flows.set(r.id, 0);
  routes.forEach((r, i) => {
    flows.set(r.id, val(`x${i}`));
  });
  const unserved = new Map<string, number>();
  for (const d of zeroFor) unserved.set(d, 0);
  dests.forEach((d, j) => {
    unserved.set(d, val(`u${j}`));
  });
  const linkFlows = new Map<string, number>();
  for (const r of routes)
    for (const l of r.links) linkFlows.set(l, (linkFlows.get(l) ?? 0) + flows.get(r.id)!);
  const binding = capLinks.filter((l) => {
    const cap = p.capacities.get(l)!;
    return (linkFlows.get(l) ?? 0) >= cap - 1e-6 * Math.max(1, cap);
  });
  let cost = 0;
  for (const r of routes) cost += r.cost * flows.get(r.id)!;
  for (const u of unserved.values()) cost += p.penalty * u;
  return { flows, unserved, cost, linkFlows, binding };
}
