import type { AssignProblem, AssignResult } from "./assign.ts";

/**
 * Capacity-constrained multinomial-logit assignment (stochastic user equilibrium with link
 * capacities). Each destination's demand D splits over its routes as
 *   x_r = D exp(-theta (c_r + sum_{l in r} mu_l)) / sum_s exp(-theta (c_s + sum_{l in s} mu_l)),
 * with link shadow prices mu_l >= 0 that are positive only on links at capacity
 * (complementary slackness). This is the solution of
 *   min sum_r c_r x_r + (1/theta) sum_r x_r ln x_r   s.t. demand and link capacities,
 * found by dual ascent on mu (multiplicative, damped). Where every route of a destination is
 * capacity-bounded, unserved demand is an alternative priced at the penalty, so the problem is
 * always feasible; where a route is unbounded, all demand is served (the demand is observed
 * shipments, not a choice to ship). theta is per unit of route
 * cost (per USD per FEU for transport); theta -> infinity approaches cheapest-first.
 */
export const LOGIT_DEFAULTS = {
  theta: 1 / 1000,
  maxIter: 5000,
  /** Stop when every capacity is met within this relative violation. */
  tol: 1e-7,
  damping: 0.5,
};

export function assignLogit(
  p: AssignProblem,
  options: Partial<typeof LOGIT_DEFAULTS> = {},
): AssignResult & { iterations: number; shadowPrices: Map<string, number>; converged: boolean } {
  const o = { ...LOGIT_DEFAULTS, ...options };
  if (!(o.theta > 0)) throw new Error(`logit assignment: theta must be > 0, not ${o.theta}`);
  const routes = p.routes.filter((r) => p.demand.has(r.destination));
  const capLinks = [...p.capacities.keys()].filter((l) => routes.some((r) => r.links.includes(l)));
  const mu = new Map(capLinks.map((l) => [l, 0]));
  const flows = new Map<string, number>();
  const unserved = new Map<string, number>();
  const split = () => {
    for (const [d, D] of p.demand) {
      const rs = routes.filter((r) => r.destination === d);
      const cost = rs.map((r) => r.cost + r.links.reduce((s, l) => s + (mu.get(l) ?? 0), 0));
      // The observed demand is shipped: "unserved" is only the outlet when every route of the
      // destination is capacity-bounded (it is then needed for feasibility), not a choice.
      const outlet = !rs.some((r) => r.links.every((l) => !p.capacities.has(l)));
      const all = outlet ? [...cost, p.penalty] : [...cost, Number.POSITIVE_INFINITY];
      const m = Math.min(...all);
      const w = all.map((c) => Math.exp(-o.theta * (c - m)));
      const z = w.reduce((s, x) => s + x, 0);
      rs.forEach((r, i) => {
        flows.set(r.id, (D * w[i]) / z);
      });
      unserved.set(d, (D * w[w.length - 1]) / z);
    }
  };
  const linkFlow = (l: string) =>
    routes.reduce((s, r) => s + (r.links.includes(l) ? flows.get(r.id)! : 0), 0);
  let it = 0;
  let converged = false;
  for (; it < o.maxIter; it++) {
    split();
    let worst = 0;
    for (const l of capLinks) {
      const cap = p.capacities.get(l)!;
      const f = linkFlow(l);
      const over = (f - cap) / Math.max(cap, 1e-12);
      if (over > worst) worst = over;
      // Links with a price but spare capacity break complementary slackness.
      if ((mu.get(l) ?? 0) > 0 && over < -o.tol) worst = Math.max(worst, -over);
    }
    if (worst <= o.tol) {
      converged = true;
      break;
    }
    for (const l of capLinks) {
      const cap = p.capacities.get(l)!;
      const f = linkFlow(l);
      if (cap <= 0) {
        mu.set(l, (mu.get(l) ?? 0) + 50 / o.theta);
        continue;
      }
      // Raising the price by ln(f/cap)/theta would cut a lone route's share to cap (exactly,
      // when the route is a small share); damped for links shared by several routes.
      const next = (mu.get(l) ?? 0) + (o.damping * Math.log(Math.max(f, 1e-300) / cap)) / o.theta;
      mu.set(l, Math.max(0, next));
    }
  }
  if (!converged) split();
  for (const r of p.routes) if (!flows.has(r.id)) flows.set(r.id, 0);
  const linkFlows = new Map<string, number>();
  for (const r of routes)
    for (const l of r.links) linkFlows.set(l, (linkFlows.get(l) ?? 0) + flows.get(r.id)!);
  const binding = capLinks.filter((l) => (mu.get(l) ?? 0) > 0);
  // The objective's value, sum c x + (1/theta) sum x ln(x/D) over routes and the unserved
  // alternative: without binding capacities it is D times the expected perceived cost (the
  // logsum, -(1/theta) ln sum exp(-theta c)). It rises when a route closes (the feasible set
  // shrinks), unlike sum c x alone.
  const xlx = (x: number, D: number) => (x > 0 && D > 0 ? x * Math.log(x / D) : 0);
  let cost = 0;
  for (const [d, D] of p.demand) {
    for (const r of routes)
      if (r.destination === d)
        cost += r.cost * flows.get(r.id)! + xlx(flows.get(r.id)!, D) / o.theta;
    const u = unserved.get(d) ?? 0;
    cost += p.penalty * u + xlx(u, D) / o.theta;
  }
  return { flows, unserved, cost, linkFlows, binding, iterations: it, shadowPrices: mu, converged };
}
