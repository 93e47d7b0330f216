import { type AssignProblem, type AssignResult, assign, finish, solveCached } from "./assign.ts";

/**
 * Who loses when supply falls short: among the assignments of least total cost (for gas, where
 * every route costs 0, these are all the assignments that deliver the most gas), take the one
 * that is max-min fair in the share of each buyer's demand it serves ("pro rata to observed
 * volumes", by progressive filling): every buyer first receives the same fraction t of its demand,
 * t as large as the network allows; buyers that cannot receive more (their routes are full) keep
 * that fraction, and the others are raised together again, until no buyer can gain. The result is
 * unique in served volumes per buyer and does not depend on the order of routes or buyers.
 */
export const PRORATA_DEFAULTS = {
  /** Relative slack on the least total cost (numerical tolerance of the LP). */
  costSlack: 1e-9,
  /** Tolerance when deciding that a buyer cannot receive more. */
  tol: 1e-9,
};

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(15);
}

export async function assignProRata(
  p: AssignProblem,
  options: Partial<typeof PRORATA_DEFAULTS> = {},
): Promise<AssignResult> {
  const o = { ...PRORATA_DEFAULTS, ...options };
  const base = await assign(p);
  const short = [...base.unserved.values()].reduce((s, u) => s + u, 0);
  if (short <= o.tol) return base;
  const dests = [...p.demand.keys()].filter((d) => p.demand.get(d)! > 0);
  const routes = p.routes.filter((r) => p.demand.has(r.destination));
  const capLinks = [...p.capacities.keys()].filter((l) => routes.some((r) => r.links.includes(l)));
  const costCap = base.cost * (1 + o.costSlack) + o.costSlack;
  const served = (d: string) =>
    routes.flatMap((r, i) => (r.destination === d ? [`x${i}`] : [])).join(" + ");
  const common = (): string[] => {
    const rows: string[] = [];
    const obj = routes.map((r, i) => `${fmt(r.cost)} x${i}`);
    dests.forEach((_, j) => {
      obj.push(`${fmt(p.penalty)} u${j}`);
    });
    rows.push(` cost: ${obj.join(" + ")} <= ${fmt(costCap)}`);
    dests.forEach((d, j) => {
      const terms = routes.flatMap((r, i) => (r.destination === d ? [`x${i}`] : []));
      rows.push(` d${j}: ${[...terms, `u${j}`].join(" + ")} = ${fmt(p.demand.get(d)!)}`);
    });
    capLinks.forEach((l, k) => {
      const terms = routes.flatMap((r, i) => (r.links.includes(l) ? [`x${i}`] : []));
      rows.push(` c${k}: ${terms.join(" + ")} <= ${fmt(p.capacities.get(l)!)}`);
    });
    return rows;
  };
  const fixed = new Map<string, number>(); // destination -> served share frozen
  // A buyer no route reaches gets nothing whatever the rule.
  for (const d of dests) if (!routes.some((r) => r.destination === d)) fixed.set(d, 0);
  const reachable = (d: string) => routes.some((r) => r.destination === d);
  const floorRows = (t: string | number, skip?: string): string[] =>
    dests.flatMap((d, j) => {
      const D = p.demand.get(d)!;
      if (!reachable(d)) return [];
      if (fixed.has(d))
        return [` f${j}: ${served(d)} >= ${fmt(Math.max(0, fixed.get(d)! - o.tol) * D)}`];
      if (d === skip || typeof t === "number")
        return [` g${j}: ${served(d)} >= ${fmt(Math.max(0, (t as number) - o.tol) * D)}`];
      return [` g${j}: ${served(d)} - ${fmt(D)} t >= 0`];
    });
  const lp = (objective: string, rows: string[], bounds: string[]) =>
    `Maximize\n obj: ${objective}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
  while (fixed.size < dests.length) {
    const free = dests.filter((d) => !fixed.has(d));
    const val = await solveCached(lp("t", [...common(), ...floorRows("t")], [" 0 <= t <= 1"]));
    const t = val("t");
    if (t >= 1 - o.tol) {
      for (const d of free) fixed.set(d, 1);
      break;
    }
    let frozeAny = false;
    for (const d of free) {
      const v = await solveCached(lp(served(d), [...common(), ...floorRows(t, d)], []));
      const most = routes.reduce((s, r, i) => s + (r.destination === d ? v(`x${i}`) : 0), 0);
      if (most <= t * p.demand.get(d)! * (1 + o.tol) + o.tol) {
        fixed.set(d, t);
        frozeAny = true;
      }
    }
    // Cannot happen for an exact LP (some buyer always blocks t); guard against numerical loops.
    if (!frozeAny) for (const d of free) fixed.set(d, t);
  }
  // Any assignment meeting the frozen shares at least cost: minimise cost under the floors.
  const rows = [...common().slice(1), ...floorRows(0)];
  const obj = routes.map((r, i) => `${fmt(r.cost)} x${i}`);
  dests.forEach((_, j) => {
    obj.push(`${fmt(p.penalty)} u${j}`);
  });
  const val = await solveCached(
    `Minimize\n obj: ${obj.join(" + ")}\nSubject To\n${rows.join("\n")}\nEnd\n`,
  );
  return finish(p, routes, dests, capLinks, val, p.demand.keys());
}
