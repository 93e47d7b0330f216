import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { type DependenceDomain, dependence } from "./dependence.ts";
import { hasRelation } from "./panel.ts";
import { poleMembers, polesOf } from "./poles.ts";
import { combineStatus, type DataStatus } from "./status.ts";

/** Defaults of hedging(): the domains every combined index is taken over (a fixed composition). */
export const HEDGING_DEFAULTS = {
  domains: ["political", "economic", "security", "energy"] as HedgingDomain[],
};

export interface HedgingOptions {
  /** Domains of the combined indices (default all four); a year missing one is "partial". */
  domains?: HedgingDomain[];
}

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
  /** 1 − |w_a − w_b| (ANA proposal); null when both weights are 0 (no tie with either pole). */
  equidistance: number | null;
}

export interface HedgingDomainScore {
  /** Tie strength with each pole in [0, 1]: flow share, or ideal-point closeness for "political". */
  weights: Record<string, number>;
  pairs: PairScore[];
  /**
   * Mean equidistance over the rival pairs with a tie to at least one of their poles; null unless
   * `status` is "data": "no data" with no rival pair or no pair with a tie to either pole,
   * "partial" when the domain's flows are incomplete (economic: only one of exports and imports).
   */
  equidistance: number | null;
  status: DataStatus;
  /** The mean over the pairs that have a figure, when the status is "partial". */
  partialEquidistance?: number;
  /** Σ min(w_a, w_b) / Σ max(w_a, w_b) over rival pairs. */
  coEngagement: number | null;
  /** Normalised entropy of the weights across poles (multivector balance). */
  entropy: number | null;
  basis: string;
}

export interface HedgingRow {
  year: number;
  domains: Partial<Record<HedgingDomain, HedgingDomainScore>>;
  /**
   * Means over the fixed set of domains (options.domains): null unless every domain's
   * equidistance is "data" (status "data"); otherwise `partial` holds the means over the domains
   * that have figures, which never enter a score (no silent change of composition).
   */
  combined: {
    equidistance: number | null;
    coEngagement: number | null;
    entropy: number | null;
    /** Domains with data. */
    domains: number;
    status: DataStatus;
    /** Domains of the composite and each one's status. */
    components: Record<string, DataStatus>;
    partial?: { equidistance: number | null; coEngagement: number | null; entropy: number | null };
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
  inputStatus: DataStatus = "data",
): HedgingDomainScore {
  const ps: PairScore[] = [];
  let mins = 0;
  let maxs = 0;
  for (const { a, b } of pairs) {
    const wa = weights[a] ?? 0;
    const wb = weights[b] ?? 0;
    ps.push({ a, b, wa, wb, equidistance: wa === 0 && wb === 0 ? null : 1 - Math.abs(wa - wb) });
    mins += Math.min(wa, wb);
    maxs += Math.max(wa, wb);
  }
  const eqs = ps.map((p) => p.equidistance).filter((x): x is number => x !== null);
  const eqMean = eqs.length > 0 ? eqs.reduce((x, y) => x + y, 0) / eqs.length : null;
  // A pair with no tie to either pole is not part of the hedging question (equidistance null);
  // with no pair left the domain is "no data".
  const status: DataStatus =
    eqs.length === 0 ? "no data" : inputStatus !== "data" ? "partial" : "data";
  const vals = Object.values(weights).filter((w) => w > 0);
  const sum = vals.reduce((x, y) => x + y, 0);
  let h = 0;
  for (const w of vals) h -= (w / sum) * Math.log(w / sum);
  return {
    weights,
    pairs: ps,
    equidistance: status === "data" ? eqMean : null,
    status,
    ...(status === "partial" && eqMean !== null ? { partialEquidistance: eqMean } : {}),
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
  options: HedgingOptions = {},
): Promise<HedgingRow[]> {
  const composite = options.domains ?? HEDGING_DEFAULTS.domains;
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
      // Economic averages exports and imports: with one of them only, it is partial.
      const inputStatus: DataStatus = n < FLOW_DOMAINS[domain].length ? "partial" : "data";
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
        inputStatus,
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
    const components = Object.fromEntries(
      composite.map((d) => [d, domains[d]?.status ?? "no data"]),
    ) as Record<string, DataStatus>;
    const status = combineStatus(Object.values(components));
    const withData = composite.map((d) => domains[d]).filter((v) => v?.status === "data");
    const mean = (k: "equidistance" | "coEngagement" | "entropy") => {
      const xs = composite
        .map((d) => {
          const v = domains[d];
          if (!v) return null;
          return k === "equidistance" ? (v.equidistance ?? v.partialEquidistance ?? null) : v[k];
        })
        .filter((x): x is number => x !== null);
      return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
    const means = {
      equidistance: mean("equidistance"),
      coEngagement: mean("coEngagement"),
      entropy: mean("entropy"),
    };
    out.push({
      year: y,
      domains,
      combined: {
        ...(status === "data" ? means : { equidistance: null, coEngagement: null, entropy: null }),
        domains: withData.length,
        status,
        components,
        ...(status === "partial" ? { partial: means } : {}),
      },
      rivalPairs: pairs,
    });
  }
  return out;
}
