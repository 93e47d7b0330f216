/**
 * Measures compared before and after a what-if. A registry: each measure maps (scenario, focal) to
 * named numbers (null = not computable from the data, never 0). Other modules can register more
 * with `registerWhatIfMeasure` (e.g. the scorecard, network and dependence measures).
 */
import { concentration } from "../measure/concentration.ts";
import { PROJECT_STATUSES } from "../model/project.ts";
import type { Scenario } from "../model/scenario.ts";

export interface WhatIfMeasure {
  id: string;
  description: string;
  status: "established" | "ANA proposal";
  compute(s: Scenario, focal: string): Record<string, number | null>;
}

const registry: WhatIfMeasure[] = [];

export function registerWhatIfMeasure(m: WhatIfMeasure): void {
  if (!registry.some((x) => x.id === m.id)) registry.push(m);
}

export function whatIfMeasures(): readonly WhatIfMeasure[] {
  return registry;
}

/**
 * The focal state's flows by domain in the latest year with data, summed by partner. Aggregate
 * partners (actors of kind "group", e.g. WORLD totals or EUROPE as one buyer) are left out: they
 * overlap the individual partners.
 */
function latestFlows(s: Scenario, focal: string) {
  const groups = new Set(s.actors.filter((a) => a.kind === "group").map((a) => a.id));
  const all = s.flows.filter((f) => f.from === focal || f.to === focal);
  const flows = all.filter((f) => !groups.has(f.from === focal ? f.to : f.from));
  const byDomain = new Map<
    string,
    { year: number; partners: Map<string, number>; aggregates: Map<string, number> }
  >();
  for (const f of flows) {
    const cur = byDomain.get(f.domain);
    if (!cur || f.year > cur.year)
      byDomain.set(f.domain, { year: f.year, partners: new Map(), aggregates: new Map() });
  }
  for (const f of all) {
    const partner = f.from === focal ? f.to : f.from;
    const cur = byDomain.get(f.domain);
    if (cur && f.year === cur.year && groups.has(partner))
      cur.aggregates.set(partner, (cur.aggregates.get(partner) ?? 0) + f.value);
  }
  for (const f of flows) {
    const cur = byDomain.get(f.domain);
    if (!cur || f.year !== cur.year) continue;
    const partner = f.from === focal ? f.to : f.from;
    cur.partners.set(partner, (cur.partners.get(partner) ?? 0) + f.value);
  }
  return byDomain;
}

function poleMembers(s: Scenario, focal: string): Map<string, Set<string>> {
  const y = s.meta.to.slice(0, 4);
  const m = new Map<string, Set<string>>();
  for (const p of s.poles) {
    if ((p.from && p.from.slice(0, 4) > y) || (p.to && p.to.slice(0, 4) < y)) continue;
    const set = m.get(p.pole) ?? new Set<string>();
    set.add(p.actor);
    m.set(p.pole, set);
  }
  for (const [k, v] of m) if (v.has(focal)) m.delete(k);
  return m;
}

registerWhatIfMeasure({
  id: "flow-share",
  description:
    "share of each partner in the focal state's flows, per domain, in the latest year with data for that domain",
  status: "established",
  compute(s, focal) {
    const out: Record<string, number | null> = {};
    for (const [dom, { year, partners }] of latestFlows(s, focal)) {
      const tot = [...partners.values()].reduce((a, b) => a + b, 0);
      for (const [p, v] of partners) out[`${dom}.${year}.${p}`] = tot > 0 ? v / tot : null;
    }
    return out;
  },
});

registerWhatIfMeasure({
  id: "flow-concentration",
  description:
    "concentration of the focal state's flows across partners, per domain, latest year: HHI, normalised HHI, effective number of partners, normalised entropy, top partner's share (src/measure/concentration.ts)",
  status: "established",
  compute(s, focal) {
    const out: Record<string, number | null> = {};
    for (const [dom, { year, partners, aggregates }] of latestFlows(s, focal)) {
      const c = concentration(partners);
      out[`${dom}.${year}.hhi`] = c.hhi;
      out[`${dom}.${year}.hhiNorm`] = c.hhiNorm;
      out[`${dom}.${year}.nEff`] = c.nEff;
      out[`${dom}.${year}.entropyNorm`] = c.entropyNorm;
      out[`${dom}.${year}.topShare`] = c.topShare;
      // aggregate partners (WORLD totals, EUROPE as one buyer) left out of the shares, so users see the gap
      for (const [g, v] of aggregates) out[`${dom}.${year}.excludedAggregate.${g}`] = v;
    }
    return out;
  },
});

registerWhatIfMeasure({
  id: "pole-flow-share",
  description:
    "share of the focal state's flows (latest year per domain) going to or coming from each pole's members",
  status: "ANA proposal",
  compute(s, focal) {
    const out: Record<string, number | null> = {};
    const poles = poleMembers(s, focal);
    for (const [dom, { year, partners }] of latestFlows(s, focal)) {
      const tot = [...partners.values()].reduce((a, b) => a + b, 0);
      for (const [pole, members] of poles) {
        let v = 0;
        for (const [p, x] of partners) if (members.has(p)) v += x;
        out[`${dom}.${year}.${pole}`] = tot > 0 ? v / tot : null;
      }
    }
    return out;
  },
});

registerWhatIfMeasure({
  id: "tie-balance",
  description:
    "focal state's standing ties active at the scenario's end: count of positive and negative ties, and net strength with each pole",
  status: "ANA proposal",
  compute(s, focal) {
    const y = s.meta.to.slice(0, 4);
    const active = s.ties.filter(
      (t) =>
        (t.a === focal || t.b === focal) &&
        !(t.from && t.from.slice(0, 4) > y) &&
        !(t.to && t.to.slice(0, 4) < y),
    );
    const out: Record<string, number | null> = {
      positive: active.filter((t) => t.sign === 1).length,
      negative: active.filter((t) => t.sign === -1).length,
    };
    for (const [pole, members] of poleMembers(s, focal))
      out[`net.${pole}`] = active
        .filter((t) => members.has(t.a === focal ? t.b : t.a))
        .reduce((x, t) => x + t.sign * t.strength, 0);
    return out;
  },
});

registerWhatIfMeasure({
  id: "routes",
  description:
    "corridor/pipeline/railway projects through the focal state by status, and the number of distinct transit neighbours on operational routes",
  status: "ANA proposal",
  compute(s, focal) {
    const through = s.projects.filter((p) => p.route.includes(focal));
    const out: Record<string, number | null> = { total: through.length };
    for (const st of PROJECT_STATUSES) out[`status.${st}`] = 0;
    for (const p of through) out[`status.${p.status}`] = (out[`status.${p.status}`] ?? 0) + 1;
    const nb = new Set<string>();
    for (const p of through) {
      if (p.status !== "operational") continue;
      const i = p.route.indexOf(focal);
      if (i > 0) nb.add(p.route[i - 1]);
      if (i >= 0 && i < p.route.length - 1) nb.add(p.route[i + 1]);
    }
    out.operationalTransitNeighbours = nb.size;
    return out;
  },
});

registerWhatIfMeasure({
  id: "event-tone",
  description:
    "events involving the focal state: count and mean Goldstein weight, overall and with each pole's members",
  status: "established",
  compute(s, focal) {
    const ev = s.events.filter((e) => e.actors.includes(focal));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    const out: Record<string, number | null> = {
      count: ev.length,
      meanGoldstein: mean(ev.map((e) => e.goldstein)),
    };
    for (const [pole, members] of poleMembers(s, focal)) {
      const w = ev.filter((e) => e.actors.some((a) => members.has(a)));
      out[`count.${pole}`] = w.length;
      out[`meanGoldstein.${pole}`] = mean(w.map((e) => e.goldstein));
    }
    return out;
  },
});

registerWhatIfMeasure({
  id: "memberships",
  description:
    "organisations of which the focal state is a member or observer at the scenario's end",
  status: "established",
  compute(s, focal) {
    const y = s.meta.to.slice(0, 4);
    const m = s.memberships.filter(
      (x) =>
        x.actor === focal && !(x.from && x.from.slice(0, 4) > y) && !(x.to && x.to.slice(0, 4) < y),
    );
    const out: Record<string, number | null> = { total: m.length };
    for (const x of m) out[x.status] = (out[x.status] ?? 0) + 1;
    return out;
  },
});
