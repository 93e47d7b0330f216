import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { type DependenceDomain, dependence } from "./dependence.ts";
import { hasRelation } from "./panel.ts";
import { poleMembers, polesOf } from "./poles.ts";

export const HEDGING_DOMAINS = ["political", "economic", "security", "energy"] as const;
export type HedgingDomain = (typeof HEDGING_DOMAINS)[number];

const FLOW_DOMAINS: Record<Exclude<HedgingDomain, "political">, DependenceDomain[]> = {
  economic: ["trade-export", "trade-import"],
  security: ["arms"],
  energy: ["gas"],
};

export interface PairScore {
  a: string;
  b: string;
  wa: number;
  wb: number;
  /** 1 − |w_a − w_b| (ANA proposal). */
  equidistance: number;
}

export interface HedgingDomainScore {
  /** Tie strength with each pole in [0, 1]: flow share, or ideal-point closeness for "political". */
  weights: Record<string, number>;
  pairs: PairScore[];
  /** Mean equidistance over rival pairs. */
  equidistance: number | null;
  /** Σ min(w_a, w_b) / Σ max(w_a, w_b) over rival pairs. */
  coEngagement: number | null;
  /** Normalised entropy of the weights across poles (multivector balance). */
  entropy: number | null;
  basis: string;
}

export interface HedgingRow {
  year: number;
  domains: Partial<Record<HedgingDomain, HedgingDomainScore>>;
  combined: {
    equidistance: number | null;
    coEngagement: number | null;
    entropy: number | null;
    domains: number;
  };
  rivalPairs: { a: string; b: string }[];
}

/** Rival pairs as pole ids: a side naming a pole stays; an actor in a pole becomes its pole. */
export function rivalPolePairs(
  s: Pick<Scenario, "poles" | "rivalries">,
  year: number,
): { a: string; b: string }[] {
  const ofActor = polesOf(s, year);
  const poleIds = new Set(s.poles.map((p) => p.pole));
  const side = (x: string) => (poleIds.has(x) ? x : (ofActor.get(x)?.[0] ?? x));
  const seen = new Set<string>();
  const out: { a: string; b: string }[] = [];
  for (const r of s.rivalries) {
    const from = r.from ? Number(r.from.slice(0, 4)) : -Infinity;
    const to = r.to ? Number(r.to.slice(0, 4)) : Infinity;
    if (year < from || year > to) continue;
    const a = side(r.a);
    const b = side(r.b);
    if (a === b || !poleIds.has(a) || !poleIds.has(b)) continue;
    const key = [a, b].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ a, b });
  }
  return out;
}

function score(
  weights: Record<string, number>,
  pairs: { a: string; b: string }[],
  basis: string,
): HedgingDomainScore {
  const ps: PairScore[] = [];
  let mins = 0;
  let maxs = 0;
  for (const { a, b } of pairs) {
    const wa = weights[a] ?? 0;
    const wb = weights[b] ?? 0;
    ps.push({ a, b, wa, wb, equidistance: 1 - Math.abs(wa - wb) });
    mins += Math.min(wa, wb);
    maxs += Math.max(wa, wb);
  }
  const vals = Object.values(weights).filter((w) => w > 0);
  const sum = vals.reduce((x, y) => x + y, 0);
  let h = 0;
  for (const w of vals) h -= (w / sum) * Math.log(w / sum);
  return {
    weights,
    pairs: ps,
    equidistance: ps.length > 0 ? ps.reduce((x, p) => x + p.equidistance, 0) / ps.length : null,
    coEngagement: maxs > 0 ? mins / maxs : null,
    entropy: vals.length > 1 ? h / Math.log(vals.length) : vals.length === 1 ? 0 : null,
    basis,
  };
}

/**
 * Hedging indices per year (ANA proposals, measures-and-data.md §1.7): for each domain the focal
 * state's tie strength w_p with each pole, then equidistance 1 − |w_p − w_q| per rival pair of
 * poles, co-engagement Σ min / Σ max over rival pairs, and the normalised entropy across poles;
 * "combined" is the mean over the domains with data. Economic, security and energy weights are
 * pole shares of the domain's flows (trade exports and imports averaged); political weights are
 * ideal-point closeness 1 − |θ_f − θ̄_p| / (range of all states' θ that year).
 */
export async function hedging(
  store: Store | undefined,
  s: Scenario,
  focal: string,
  from: number,
  to: number,
): Promise<HedgingRow[]> {
  const flowShares = new Map<string, Record<string, number>>();
  for (const [domain, list] of Object.entries(FLOW_DOMAINS)) {
    for (const d of list) {
      const rows = await dependence(
        { focal, domain: d, from, to, by: "pole" },
        { store, scenario: s },
      );
      for (const r of rows) {
        if (r.coverage !== "data" || r.year === undefined) continue;
        const key = `${domain} ${r.year}`;
        const prev = flowShares.get(key);
        if (!prev) flowShares.set(key, { ...r.shares, __n: 1 } as Record<string, number>);
        else {
          for (const [k, v] of Object.entries(r.shares)) prev[k] = (prev[k] ?? 0) + v;
          prev.__n++;
        }
      }
    }
  }
  const theta = new Map<string, number>();
  const range = new Map<number, number>();
  if (store && (await hasRelation(store, "ref_idealpoints"))) {
    const rows = await store.all<{ iso3: string; year: number; t: number }>(
      "SELECT iso3, year, idealpointfp AS t FROM ref_idealpoints WHERE year BETWEEN ? AND ? AND idealpointfp IS NOT NULL",
      [from, to],
    );
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    for (const r of rows) {
      theta.set(`${r.iso3} ${r.year}`, r.t);
      lo.set(r.year, Math.min(lo.get(r.year) ?? Infinity, r.t));
      hi.set(r.year, Math.max(hi.get(r.year) ?? -Infinity, r.t));
    }
    for (const [y, l] of lo) range.set(y, hi.get(y)! - l);
  }
  const out: HedgingRow[] = [];
  for (let y = from; y <= to; y++) {
    const pairs = rivalPolePairs(s, y);
    const domains: HedgingRow["domains"] = {};
    for (const domain of ["economic", "security", "energy"] as const) {
      const sh = flowShares.get(`${domain} ${y}`);
      if (!sh) continue;
      const n = sh.__n;
      const weights = Object.fromEntries(
        Object.entries(sh)
          .filter(([k]) => k !== "__n")
          .map(([k, v]) => [k, v / n]),
      );
      const poleIds = new Set(s.poles.map((p) => p.pole));
      const poleWeights = Object.fromEntries(
        Object.entries(weights).filter(([k]) => poleIds.has(k)),
      );
      domains[domain] = score(
        poleWeights,
        pairs,
        `pole shares of ${FLOW_DOMAINS[domain].join(" and ")} flows (scenario flows; SIPRI TIV for arms)`,
      );
    }
    const tf = theta.get(`${focal} ${y}`);
    const R = range.get(y);
    if (tf !== undefined && R) {
      const weights: Record<string, number> = {};
      for (const [pole, members] of poleMembers(s, y)) {
        const ts = members
          .map((m) => theta.get(`${m} ${y}`))
          .filter((t): t is number => t !== undefined);
        if (ts.length === 0) continue;
        const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
        weights[pole] = 1 - Math.min(1, Math.abs(tf - mean) / R);
      }
      domains.political = score(
        weights,
        pairs,
        "UNGA ideal-point closeness 1 − |θ_f − mean θ of the pole's states| / range of θ that year (Voeten, idealpointfp)",
      );
    }
    const vals = Object.values(domains);
    const mean = (k: "equidistance" | "coEngagement" | "entropy") => {
      const xs = vals.map((v) => v[k]).filter((x): x is number => x !== null);
      return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
    out.push({
      year: y,
      domains,
      combined: {
        equidistance: mean("equidistance"),
        coEngagement: mean("coEngagement"),
        entropy: mean("entropy"),
        domains: vals.length,
      },
      rivalPairs: pairs,
    });
  }
  return out;
}
