import { levelsFor } from "../data/level-rule.ts";
import { LEVELS, type Level, type LevelAssignment } from "../model/level.ts";
import { coversYear, dateYear } from "../model/partial-date.ts";
import { isCurated, type Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { bootstrapOptions, percentileInterval, stratifiedCounts, Xoshiro128 } from "./bootstrap.ts";
import {
  type ComparePeriodsOptions,
  comparePeriods,
  DRAWS_KEY,
  type PeriodComparison,
} from "./compare-periods.ts";
import { type DependenceDomain, dependence } from "./dependence.ts";
import { type HedgingDomain, hedging } from "./hedging.ts";
import { isHosted, isMediation, multilateralism } from "./multilateralism.ts";
import { poleMembers } from "./poles.ts";
import {
  dyadTerms,
  type EventRecord,
  eventRecordsFromScenario,
  relationScoreAt,
} from "./relations.ts";
import { assertMeasured, type DataStatus, type Interval } from "./status.ts";

export const PILLARS = ["balance", "autonomy", "multilateralism", "leverage"] as const;
export type Pillar = (typeof PILLARS)[number];

/** Defaults of scorecard() (docs/measures/scorecard.md gives the reasons). */
export const SCORECARD_DEFAULTS = {
  halfLifeDays: 365,
  /**
   * Weight of the neutral prior in the relation scores of the scorecard: 0, so a score is the
   * decay-weighted mean Goldstein weight per event and does not grow with the number of events
   * (with a prior of 1 a thin year is pulled towards 0: docs/measures/thinning.md).
   */
  relationPrior: 0,
  /** A cell's score is shown only when inputs with status "data" carry this share of its weight. */
  minCoverage: 0.75,
  /** Bootstrap draws, seed and level of the intervals. */
  draws: 500,
  seed: 1,
  level: 0.9,
};

/**
 * One input of a cell (TEAM.md interface 2): a value in [0, 1], null unless `status` is "data",
 * with its interval (event-based inputs; null otherwise), how it was computed and its source.
 */
export interface ScorecardInput {
  key: string;
  status: DataStatus;
  value: number | null;
  interval: Interval | null;
  weight: number;
  /** The measure's raw figures behind the value (partial figures live here, never in value). */
  raw?: unknown;
  source: string;
  note?: string;
  /**
   * True when the value rests on an analyst's assumption (corridor leverage: the rule of
   * `src/corridor/assumption-driven.ts`); `note` then names the assumption.
   */
  assumptionDriven?: boolean;
}

export interface ScorecardCell {
  year: number;
  level: Level;
  pillar: Pillar;
  /**
   * "data" when the score is shown (coverage ≥ minCoverage); "partial" when some input has data
   * or partial data but not enough; "no data" when no input has any.
   */
  status: DataStatus;
  /** 0–100: 100 × Σ w·x / Σ w over the inputs with status "data"; null below minCoverage. */
  score: number | null;
  interval: Interval | null;
  /** Σ w of inputs with status "data" / Σ w of all inputs (weight > 0). */
  coverage: number;
  inputs: ScorecardInput[];
}

export interface ScorecardOverall {
  year: number;
  level: Level;
  /** "data" only when every pillar with weight > 0 has a score. */
  status: DataStatus;
  score: number | null;
  interval: Interval | null;
  coverage: number;
}

/**
 * External leverage input (e.g. corridor leverage) for a level and year, in [0, 1]. `draws`
 * (optional) are replicates of the value from the module's own seeded sampling (e.g. over
 * assumption ranges); the input's interval is their percentile interval, and the scorecard pairs
 * its bootstrap draw d with replicate d mod draws.length, so cell and overall intervals carry them.
 */
export type LeverageHook = (
  focal: string,
  level: Level,
  year: number,
) => Promise<
  | {
      value: number | null;
      /** "partial" when some of the input's figures exist but not all (value then null). */
      status?: "partial" | "no data";
      source: string;
      raw?: unknown;
      draws?: readonly number[];
      assumptionDriven?: boolean;
      note?: string;
    }
  | undefined
>;

export interface ScorecardOptions {
  /** Input weights by key (default 1 each); 0 drops an input. */
  weights?: Record<string, number>;
  /** Pillar weights for the overall score (default 1 each). */
  pillarWeights?: Partial<Record<Pillar, number>>;
  halfLifeDays?: number;
  /** Prior weight of the relation scores (default 0: volume-neutral). */
  relationPrior?: number;
  /** Corridor leverage (another module): counted in the leverage pillar when given. */
  corridorLeverage?: LeverageHook;
  /** Extra event evidence (e.g. imported events) beside the scenario's. */
  events?: EventRecord[];
  /** Minimum coverage for a cell's score (default 0.75). */
  minCoverage?: number;
  /** Domains of hedging.equidistance (default all four; a year missing one is partial). */
  equidistanceDomains?: HedgingDomain[];
  /** Bootstrap of the intervals: draws (default 500; 0 = no intervals), seed, level. */
  draws?: number;
  seed?: number;
  level?: number;
  /** Like-for-like comparison of two periods, returned as `comparison`. */
  compare?: ComparePeriodsOptions;
}

export interface Scorecard {
  focal: string;
  from: number;
  to: number;
  scenario: string | null;
  pillars: readonly Pillar[];
  levels: readonly Level[];
  formula: Record<string, string>;
  weights: Record<string, number>;
  pillarWeights: Record<Pillar, number>;
  minCoverage: number;
  /** How the intervals were computed (draws, seed, level). */
  intervals: { method: string; draws: number; seed: number; level: number };
  cells: ScorecardCell[];
  overall: ScorecardOverall[];
  comparison?: PeriodComparison;
}

/** Bootstrap replicates behind a scorecard, by `${year}|${level}|${key}` (not serialised). */
export const SCORECARD_DRAWS = DRAWS_KEY;
export type ScorecardDraws = Map<string, Float64Array>;

/** What each input is (docs/measures/scorecard.md gives the reasoning). All ANA proposals. */
export const INPUT_FORMULAS: Record<string, string> = {
  "relations.warmth":
    "mean over the level's partners of (s+1)/2, s the decayed event relation score at the year's end (prior weight 0: a decay-weighted mean per event); data only when every partner has an event within one half-life",
  "relations.balance":
    "1 − (max s − min s)/2 over the level's partners (at least two), same status rule as warmth",
  "hedging.equidistance":
    "systemic level: hedging equidistance 1 − |w_p − w_q| over rival pole pairs, mean over a fixed set of domains (all four by default); partial when a domain is missing",
  "autonomy.arms": "1 − largest share of arms imports (TIV) held by one partner of the level",
  "autonomy.trade-import": "1 − largest share of imports held by one partner of the level",
  "autonomy.trade-export": "1 − largest share of exports held by one partner of the level",
  "autonomy.gas": "1 − largest share of gas exports held by one partner of the level",
  "multilateralism.coMembership":
    "share of the level's partners sharing an organisation with the focal state (or, for an organisation, having it as member)",
  "multilateralism.bridging":
    "1 − 2^−k, k bridging organisations whose rival sides include a partner of the level; no data past the rivalry data's end",
  "multilateralism.hosting":
    "forums the focal state hosted with a partner of the level, per event between them that year (curated years only)",
  "leverage.exportReach":
    "share of the level's partners among the focal state's export buyers (trade exports, plus gas buyers when gas is data)",
  "leverage.mediation":
    "mediation events with partners of the level as parties, per event between them that year (curated years only)",
  "leverage.corridor": "corridor leverage of the level (external module), in [0, 1]",
};

const saturate = (k: number) => 1 - 2 ** -k;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Build a scorecard input, enforcing the status invariant (value in [0, 1] only with data). */
function makeInput(x: {
  key: string;
  status: DataStatus;
  value: number | null;
  weight: number;
  source: string;
  raw?: unknown;
  note?: string;
  interval?: Interval | null;
  assumptionDriven?: boolean;
}): ScorecardInput {
  const value = x.status === "data" ? x.value : null;
  const status =
    x.status === "data" && (value === null || !Number.isFinite(value)) ? "no data" : x.status;
  const out: ScorecardInput = {
    key: x.key,
    status,
    value,
    interval: status === "data" ? (x.interval ?? null) : null,
    weight: x.weight,
    ...(x.raw !== undefined ? { raw: x.raw } : {}),
    source: x.source,
    ...(x.note ? { note: x.note } : {}),
    ...(x.assumptionDriven !== undefined && status === "data"
      ? { assumptionDriven: x.assumptionDriven }
      : {}),
  };
  return assertMeasured(out, [0, 1]);
}

/**
 * Which years the scenario's rivalry rows cover completely: the declared `curated.rivalries`
 * span when there is one, else the span of its rivalry datasets (three or more closed rows citing
 * one source, e.g. TSS to 2020). Rows with their own source (hand-coded) are `handCoded`: past
 * the datasets' end they make a year "partial", never "data", unless a declaration covers it.
 */
export function rivalryCoverage(s: Pick<Scenario, "rivalries" | "meta">): {
  from: number;
  to: number;
  basis: string;
  handCoded: Scenario["rivalries"];
} | null {
  const bySource = new Map<string, { from: number; to: number; open: boolean; n: number }>();
  for (const r of s.rivalries) {
    const x = bySource.get(r.source) ?? { from: Infinity, to: -Infinity, open: false, n: 0 };
    x.n++;
    x.from = Math.min(x.from, r.from ? dateYear(r.from) : -Infinity);
    if (r.to) x.to = Math.max(x.to, dateYear(r.to));
    else x.open = true;
    bySource.set(r.source, x);
  }
  const sets = [...bySource].filter(([, x]) => x.n >= 3 && !x.open);
  const datasets = new Set(sets.map(([k]) => k));
  const handCoded = s.rivalries.filter((r) => !datasets.has(r.source));
  const d = s.meta.curated?.rivalries;
  if (d)
    return { from: dateYear(d.from), to: dateYear(d.to), basis: `declared: ${d.note}`, handCoded };
  if (sets.length === 0) return null;
  const to = Math.max(...sets.map(([, x]) => x.to));
  const from = Math.min(...sets.map(([, x]) => x.from));
  return {
    from,
    to,
    basis: `rivalry dataset${sets.length > 1 ? "s" : ""} ${sets.map(([k]) => k.split(" (")[0]).join("; ")} end in ${to}`,
    handCoded,
  };
}

const involves = (
  e: { actors: string[]; target: string[]; initiator?: string | null },
  x: string,
): boolean => e.actors.includes(x) || e.target.includes(x) || e.initiator === x;

/**
 * The ANA scorecard: pillars (balance & benefit, autonomy, multilateralism, leverage) × levels
 * (neighbourhood, regional, systemic) × years, each cell 0–100 from weighted inputs in [0, 1].
 * Every input carries a status ("data", "partial", "no data"; src/measure/status.ts) and its
 * value only with data; a cell's score needs `minCoverage` of its weight measured; the overall
 * score needs every pillar. Event-based inputs and cells carry seeded bootstrap intervals
 * (events resampled within each year). ANA proposal; docs/measures/scorecard.md.
 */
export async function scorecard(
  store: Store | undefined,
  scenario: Scenario | undefined,
  focal: string,
  from: number,
  to: number,
  opts: ScorecardOptions = {},
): Promise<Scorecard> {
  const w = (k: string) => opts.weights?.[k] ?? 1;
  const pw = Object.fromEntries(PILLARS.map((p) => [p, opts.pillarWeights?.[p] ?? 1])) as Record<
    Pillar,
    number
  >;
  const halfLife = opts.halfLifeDays ?? SCORECARD_DEFAULTS.halfLifeDays;
  const prior = opts.relationPrior ?? SCORECARD_DEFAULTS.relationPrior;
  if (!(prior >= 0)) throw new Error(`scorecard: relationPrior must be ≥ 0, got ${prior}`);
  const minCoverage = opts.minCoverage ?? SCORECARD_DEFAULTS.minCoverage;
  if (!(minCoverage > 0 && minCoverage <= 1))
    throw new Error(`scorecard: minCoverage must be in (0, 1], got ${minCoverage}`);
  const nDraws = opts.draws ?? SCORECARD_DEFAULTS.draws;
  const boot = bootstrapOptions({
    draws: Math.max(1, nDraws),
    seed: opts.seed ?? SCORECARD_DEFAULTS.seed,
    level: opts.level ?? SCORECARD_DEFAULTS.level,
  });
  const scen = scenario?.meta.focal === focal ? scenario : undefined;
  const scenSrc = scen ? `scenario ${scen.meta.id}` : "no scenario for this state";
  const records = [
    ...(scen ? eventRecordsFromScenario(scen.events, `scenario:${scen.meta.id}`) : []),
    ...(opts.events ?? []),
  ];
  // Partners by level, per year. Errors of the level rule surface (no silent empty levels).
  const levels = new Map<number, LevelAssignment[]>();
  for (let y = from; y <= to; y++) {
    let l: LevelAssignment[] = [];
    if (store) l = await levelsFor(store, focal, y, scen?.levels ?? []);
    if (l.length === 0 && scen)
      l = scen.levels.filter((x) => x.focal === focal && coversYear(x.from, x.to, y));
    levels.set(y, l);
  }
  const depDomains: DependenceDomain[] = ["arms", "trade-import", "trade-export", "gas"];
  const dep = new Map<string, Awaited<ReturnType<typeof dependence>>[number]>();
  for (const d of depDomains)
    for (const r of await dependence({ focal, domain: d, from, to }, { store, scenario: scen }))
      dep.set(`${d} ${r.year}`, r);
  const hedge = scen
    ? await hedging(store, scen, focal, from, to, { domains: opts.equidistanceDomains })
    : [];
  const multi = scen ? multilateralism(scen, focal, from, to) : [];
  const rivalryCov = scen ? rivalryCoverage(scen) : null;

  // ---- Bootstrap units: scenario events (all their dyadic records together) and imported
  // records, resampled within each calendar year. Draw d is shared by every input (paired).
  const unitKey = (r: EventRecord, i: number) => (r.id ? `${r.evidence}|${r.id}` : `#${i}`);
  const unitIndex = new Map<string, number>();
  const unitYear: number[] = [];
  const recordUnit = new Map<EventRecord, number>();
  records.forEach((r, i) => {
    const k = unitKey(r, i);
    let u = unitIndex.get(k);
    if (u === undefined) {
      u = unitYear.length;
      unitIndex.set(k, u);
      unitYear.push(dateYear(r.date));
    }
    recordUnit.set(r, u);
  });
  const eventUnit = (id: string) => unitIndex.get(`scenario:${scen?.meta.id}|${id}`);
  const strataMap = new Map<number, number[]>();
  unitYear.forEach((y, u) => {
    const l = strataMap.get(y) ?? [];
    l.push(u);
    strataMap.set(y, l);
  });
  const strata = [...strataMap.values()];
  const rng = new Xoshiro128(boot.seed);
  // Draws exist whenever asked for: a state without events still gets the replicates of
  // external inputs (corridor leverage over its assumption ranges).
  const counts: Uint32Array[] =
    nDraws > 0 && (unitYear.length > 0 || opts.corridorLeverage)
      ? Array.from({ length: nDraws }, () => stratifiedCounts(unitYear.length, strata, rng))
      : [];
  const D = counts.length;
  const draws: ScorecardDraws = new Map();
  const interval = (reps: Float64Array | undefined): Interval | null =>
    reps && reps.length > 0 ? percentileInterval([...reps], boot.level) : null;

  // Relation score of a partner at a year's end: point, status and replicates (cached).
  const relCache = new Map<
    string,
    { score: number | null; status: DataStatus; n: number; inWindow: number; reps: Float64Array }
  >();
  const relation = (p: string, y: number) => {
    const key = `${p} ${y}`;
    const hit = relCache.get(key);
    if (hit) return hit;
    const at = Date.UTC(y + 1, 0, 1);
    const point = relationScoreAt(records, focal, p, at, halfLife, prior);
    const terms = dyadTerms(records, focal, p, at, halfLife);
    const reps = new Float64Array(D);
    const units = terms.map((t) => recordUnit.get(t.record) as number);
    for (let d = 0; d < D; d++) {
      const cd = counts[d];
      let num = 0;
      let den = 0;
      for (let k = 0; k < terms.length; k++) {
        const c = cd[units[k]];
        num += c * terms[k].w * terms[k].g;
        den += c * terms[k].w;
      }
      reps[d] = den + prior > 0 ? num / (10 * (den + prior)) : Number.NaN;
    }
    const v = {
      score: point.score,
      status: point.status,
      n: point.n,
      inWindow: point.inWindow,
      reps,
    };
    relCache.set(key, v);
    return v;
  };

  // A partner's share includes its pole's members when the partner is itself a pole (EU: its states).
  const shareOf = (shares: Record<string, number>, partner: string, year: number): number => {
    const members = scen ? (poleMembers(scen, year).get(partner) ?? []) : [];
    let t = 0;
    for (const [k, v] of Object.entries(shares)) if (k === partner || members.includes(k)) t += v;
    return t;
  };
  // A scenario that lists none of the focal state's memberships does not know them: the inputs
  // built on them are missing, not 0.
  const knowsMemberships = scen?.memberships.some((m) => m.actor === focal) ?? false;
  const cells: ScorecardCell[] = [];
  for (let y = from; y <= to; y++) {
    for (const level of LEVELS) {
      const partners = [
        ...new Set((levels.get(y) ?? []).filter((l) => l.level === level).map((l) => l.partner)),
      ];
      const noPartners = partners.length === 0 ? "no partners at this level" : undefined;
      const inputs: Record<Pillar, ScorecardInput[]> = {
        balance: [],
        autonomy: [],
        multilateralism: [],
        leverage: [],
      };
      const put = (pillar: Pillar, x: Parameters<typeof makeInput>[0], reps?: Float64Array) => {
        const inp = makeInput({
          ...x,
          interval: x.status === "data" ? (x.interval ?? interval(reps)) : null,
        });
        if (inp.status === "data" && reps && reps.length > 0)
          draws.set(`${y}|${level}|${x.key}`, reps);
        inputs[pillar].push(inp);
      };
      // ---- Balance & benefit: every partner of the level needs a score with data.
      const rel = partners.map((p) => ({ p, ...relation(p, y) }));
      const withData = rel.filter((x) => x.status === "data");
      const relStatus: DataStatus =
        rel.length === 0 || withData.length === 0
          ? "no data"
          : withData.length === rel.length
            ? "data"
            : "partial";
      const missing = rel.filter((x) => x.status !== "data").map((x) => x.p);
      const relNote =
        noPartners ??
        (missing.length > 0
          ? `no event within ${halfLife} days before the year's end with ${missing.join(", ")}`
          : undefined);
      const raw = Object.fromEntries(
        rel.map((x) => [
          x.p,
          { score: x.score, status: x.status, events: x.n, inWindow: x.inWindow },
        ]),
      );
      const warmRep = new Float64Array(relStatus === "data" ? D : 0);
      const balRep = new Float64Array(relStatus === "data" && rel.length >= 2 ? D : 0);
      for (let d = 0; d < warmRep.length; d++) {
        const sd = rel.map((x) => x.reps[d]);
        warmRep[d] = mean(sd.map((v) => (v + 1) / 2));
        if (balRep.length > 0) balRep[d] = 1 - (Math.max(...sd) - Math.min(...sd)) / 2;
      }
      const s = rel.map((x) => x.score as number);
      const evSrc = `events (${scen ? `scenario ${scen.meta.id}` : "none"}${opts.events?.length ? " + imported" : ""}); half-life ${halfLife} days; prior weight ${prior}`;
      put(
        "balance",
        {
          key: "relations.warmth",
          status: relStatus,
          value: relStatus === "data" ? mean(s.map((v) => (v + 1) / 2)) : null,
          weight: w("relations.warmth"),
          raw,
          source: evSrc,
          note: relNote,
        },
        warmRep,
      );
      const balStatus: DataStatus = rel.length < 2 ? "no data" : relStatus;
      put(
        "balance",
        {
          key: "relations.balance",
          status: balStatus,
          value: balStatus === "data" ? 1 - (Math.max(...s) - Math.min(...s)) / 2 : null,
          weight: w("relations.balance"),
          raw,
          source: "as relations.warmth",
          note: rel.length < 2 ? "needs two partners of the level" : relNote,
        },
        balRep,
      );
      if (level === "systemic") {
        const h = hedge.find((r) => r.year === y);
        put("balance", {
          key: "hedging.equidistance",
          status: h?.combined.status ?? "no data",
          value: h?.combined.equidistance ?? null,
          weight: w("hedging.equidistance"),
          raw: h
            ? {
                combined: h.combined,
                rivalPairs: h.rivalPairs,
                domains: Object.fromEntries(
                  Object.entries(h.domains).map(([k, v]) => [
                    k,
                    {
                      status: v.status,
                      equidistance: v.equidistance ?? v.partialEquidistance ?? null,
                      weights: v.weights,
                    },
                  ]),
                ),
              }
            : undefined,
          source: `${scenSrc} poles and rivalries; flows; Voeten ideal points`,
          note: !h
            ? "no scenario"
            : h.combined.status !== "data"
              ? `domains: ${Object.entries(h.combined.components)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(", ")}${h.rivalPairs.length === 0 ? "; no rival pole pairs this year" : ""}`
              : undefined,
        });
      }
      // ---- Autonomy.
      for (const d of depDomains) {
        const r = dep.get(`${d} ${y}`);
        const ok = r?.status === "data" && (r.nPartners ?? 0) > 0;
        const levelShares = ok ? partners.map((p) => [p, shareOf(r.shares, p, y)] as const) : [];
        const top = levelShares.sort((a, b) => b[1] - a[1])[0];
        put("autonomy", {
          key: `autonomy.${d}`,
          status:
            noPartners || (r?.status === "data" && !ok) ? "no data" : (r?.status ?? "no data"),
          value: ok && top ? 1 - top[1] : null,
          weight: w(`autonomy.${d}`),
          raw: ok
            ? {
                largest: top ? { partner: top[0], share: top[1] } : null,
                total: r.total,
                unit: r.unit,
              }
            : {
                coverage: r?.coverage ?? "no data",
                ...(r?.partnerFigures ? { partnerFigures: r.partnerFigures, unit: r.unit } : {}),
              },
          source: r?.sources.join("; ") || "no data",
          note:
            noPartners ??
            (r?.status === "data" && !ok ? "no flows this year: shares undefined" : r?.statusNote),
        });
      }
      // ---- Multilateralism and mediation.
      const m = multi.find((r) => r.year === y);
      if (scen && m) {
        const myOrgs = new Set(m.organisations.map((o) => o.id));
        const shared = partners.filter(
          (p) =>
            myOrgs.has(p) ||
            scen.memberships.some(
              (x) =>
                x.actor === p &&
                x.status !== "suspended" &&
                myOrgs.has(x.organisation) &&
                coversYear(x.from, x.to, y),
            ),
        );
        const memStatus: DataStatus = knowsMemberships && !noPartners ? "data" : "no data";
        put("multilateralism", {
          key: "multilateralism.coMembership",
          status: memStatus,
          value: memStatus === "data" ? shared.length / partners.length : null,
          weight: w("multilateralism.coMembership"),
          raw: { partners, shared },
          source: `${scenSrc} memberships.csv`,
          note:
            noPartners ??
            (knowsMemberships
              ? undefined
              : "the scenario lists none of the focal state's memberships"),
        });
        const pairsHere = m.bridging.filter((b) =>
          b.rivalries.some((rv) =>
            rv
              .split("–")
              .some(
                (side) =>
                  partners.includes(side) ||
                  scen.poles.some((p) => p.pole === side && partners.includes(p.actor)),
              ),
          ),
        );
        const rivalOk = rivalryCov !== null && y >= rivalryCov.from && y <= rivalryCov.to;
        const handHere = (rivalryCov?.handCoded ?? []).filter((r) => coversYear(r.from, r.to, y));
        const brStatus: DataStatus = !knowsMemberships
          ? "no data"
          : rivalOk
            ? "data"
            : handHere.length > 0
              ? "partial"
              : "no data";
        put("multilateralism", {
          key: "multilateralism.bridging",
          status: brStatus,
          value: brStatus === "data" ? saturate(pairsHere.length) : null,
          weight: w("multilateralism.bridging"),
          raw:
            brStatus === "partial"
              ? {
                  bridging: pairsHere,
                  figure: saturate(pairsHere.length),
                  handCoded: handHere.length,
                }
              : pairsHere,
          source: `${scenSrc} memberships, poles and rivalries${rivalryCov ? ` (${rivalryCov.basis})` : ""}`,
          note: !knowsMemberships
            ? "the scenario lists none of the focal state's memberships"
            : rivalOk
              ? undefined
              : rivalryCov
                ? `past the rivalry data's end (${rivalryCov.basis})${handHere.length > 0 ? `; ${handHere.length} hand-coded rivalr${handHere.length > 1 ? "ies" : "y"} this year are not a full set` : ""}; declare curated.rivalries in scenario.yaml when the year's rows are complete`
                : "no rivalry dataset in the scenario",
        });
        // Event-based rates: per event between the focal state and the level's partners.
        const evs = scen.events.filter(
          (e) =>
            dateYear(e.date) === y && involves(e, focal) && partners.some((p) => involves(e, p)),
        );
        const rate = (
          key: string,
          pillar: Pillar,
          kind: "hosting" | "mediation",
          hit: (e: (typeof evs)[number]) => boolean,
        ) => {
          const curated = isCurated(scen.meta, kind, y);
          const hits = evs.filter(hit);
          const st: DataStatus = curated && evs.length > 0 ? "data" : "no data";
          const reps = new Float64Array(st === "data" ? D : 0);
          const us = evs.map((e) => eventUnit(e.id) as number);
          const hs = evs.map(hit);
          for (let d = 0; d < reps.length; d++) {
            let num = 0;
            let den = 0;
            for (let i = 0; i < us.length; i++) {
              const c = us[i] === undefined ? 1 : counts[d][us[i]];
              den += c;
              if (hs[i]) num += c;
            }
            reps[d] = den > 0 ? num / den : Number.NaN;
          }
          put(
            pillar,
            {
              key,
              status: st,
              value: st === "data" ? hits.length / evs.length : null,
              weight: w(key),
              raw: {
                count: hits.length,
                events: evs.length,
                records: hits.map((e) => ({
                  id: e.id,
                  date: e.date,
                  title: e.title,
                  source: e.source,
                })),
              },
              source: `${scenSrc} events.csv${curated ? ` (curated.${kind}: ${scen.meta.curated?.[kind]?.note})` : ""}`,
              note: !curated
                ? `scenario.yaml does not declare ${kind} records curated for ${y}: counts are not a measurement`
                : evs.length === 0
                  ? "no event between the focal state and the level's partners this year"
                  : undefined,
            },
            reps,
          );
        };
        rate("multilateralism.hosting", "multilateralism", "hosting", (e) => isHosted(e, focal));
        rate(
          "leverage.mediation",
          "leverage",
          "mediation",
          (e) => isMediation(e, focal) && e.target.some((a) => partners.includes(a)),
        );
      } else {
        for (const key of [
          "multilateralism.coMembership",
          "multilateralism.bridging",
          "multilateralism.hosting",
        ])
          put("multilateralism", {
            key,
            status: "no data",
            value: null,
            weight: w(key),
            source: "no scenario for this state",
          });
      }
      // ---- Leverage: export reach (trade exports include gas; gas buyers added when data).
      const ex = dep.get(`trade-export ${y}`);
      const gas = dep.get(`gas ${y}`);
      const buyers = new Set<string>();
      for (const r of [ex, gas])
        if (r?.status === "data")
          for (const [k, v] of Object.entries(r.shares)) if (v > 0) buyers.add(k);
      const reached = partners.filter(
        (p) => buyers.has(p) || [...buyers].some((b) => shareOf({ [b]: 1 }, p, y) > 0),
      );
      const reachStatus: DataStatus = noPartners ? "no data" : (ex?.status ?? "no data");
      put("leverage", {
        key: "leverage.exportReach",
        status: reachStatus,
        value: reachStatus === "data" ? reached.length / partners.length : null,
        weight: w("leverage.exportReach"),
        raw: { partners, reached, gas: gas?.status ?? "no data" },
        source: [...(ex?.sources ?? []), ...(gas?.sources ?? [])].join("; ") || "no data",
        note:
          noPartners ??
          (ex?.status !== "data" ? `trade exports: ${ex?.statusNote ?? "no data"}` : undefined),
      });
      if (!scen)
        put("leverage", {
          key: "leverage.mediation",
          status: "no data",
          value: null,
          weight: w("leverage.mediation"),
          source: "no scenario for this state",
        });
      // The corridor hook counts only when connected (otherwise it is not part of the cell).
      const c = opts.corridorLeverage ? await opts.corridorLeverage(focal, level, y) : undefined;
      // The hook's own replicates (e.g. draws over assumption ranges), paired with draw d by
      // d mod K: independent of the event bootstrap, so each pair is a joint draw.
      const cDraws = c?.draws?.filter((x) => Number.isFinite(x)) ?? [];
      const cReps =
        c?.draws && c.draws.length > 0 && D > 0
          ? Float64Array.from({ length: D }, (_, d) => c.draws![d % c.draws!.length])
          : undefined;
      put(
        "leverage",
        {
          key: "leverage.corridor",
          status: c?.value !== null && c?.value !== undefined ? "data" : (c?.status ?? "no data"),
          value: c?.value ?? null,
          weight: opts.corridorLeverage ? w("leverage.corridor") : 0,
          raw: c?.raw,
          source: c?.source ?? "corridor leverage not connected (input hook)",
          note: opts.corridorLeverage ? c?.note : "not connected: weight 0, not part of the cell",
          interval: cDraws.length > 0 ? percentileInterval(cDraws, boot.level) : null,
          assumptionDriven: c?.assumptionDriven,
        },
        cReps,
      );
      for (const pillar of PILLARS) {
        const ins = inputs[pillar].filter((i) => i.weight > 0);
        const have = ins.filter((i) => i.status === "data");
        const W = ins.reduce((a, i) => a + i.weight, 0);
        const Wh = have.reduce((a, i) => a + i.weight, 0);
        const coverage = W > 0 ? Wh / W : 0;
        // "partial": some figures exist (inputs with data, or partial inputs) but not enough.
        const status: DataStatus =
          W > 0 && coverage >= minCoverage - 1e-12
            ? "data"
            : ins.some((i) => i.status !== "no data")
              ? "partial"
              : "no data";
        let score: number | null = null;
        let iv: Interval | null = null;
        if (status === "data") {
          score = (100 * have.reduce((a, i) => a + i.weight * (i.value as number), 0)) / Wh;
          const sampled = have.some((i) => draws.has(`${y}|${level}|${i.key}`));
          if (sampled && D > 0) {
            const reps = new Float64Array(D);
            for (let d = 0; d < D; d++) {
              let t = 0;
              for (const i of have) {
                const r = draws.get(`${y}|${level}|${i.key}`);
                t += i.weight * (r ? r[d] : (i.value as number));
              }
              reps[d] = (100 * t) / Wh;
            }
            draws.set(`${y}|${level}|cell:${pillar}`, reps);
            iv = interval(reps);
          }
        }
        cells.push({
          year: y,
          level,
          pillar,
          status,
          score,
          interval: iv,
          coverage,
          inputs: inputs[pillar],
        });
      }
    }
  }
  const overall: ScorecardOverall[] = [];
  for (let y = from; y <= to; y++)
    for (const level of LEVELS) {
      const cs = cells.filter((c) => c.year === y && c.level === level && pw[c.pillar] > 0);
      const W = cs.reduce((a, c) => a + pw[c.pillar], 0);
      const all = W > 0 && cs.every((c) => c.status === "data");
      const any = cs.some((c) => c.status !== "no data");
      const score = all ? cs.reduce((a, c) => a + pw[c.pillar] * (c.score as number), 0) / W : null;
      let iv: Interval | null = null;
      if (all && D > 0 && cs.some((c) => draws.has(`${y}|${level}|cell:${c.pillar}`))) {
        const reps = new Float64Array(D);
        for (let d = 0; d < D; d++) {
          let t = 0;
          for (const c of cs) {
            const r = draws.get(`${y}|${level}|cell:${c.pillar}`);
            t += pw[c.pillar] * (r ? r[d] : (c.score as number));
          }
          reps[d] = t / W;
        }
        draws.set(`${y}|${level}|overall`, reps);
        iv = interval(reps);
      }
      overall.push({
        year: y,
        level,
        status: all ? "data" : any ? "partial" : "no data",
        score,
        interval: iv,
        coverage: W > 0 ? cs.reduce((a, c) => a + pw[c.pillar] * c.coverage, 0) / W : 0,
      });
    }
  const card: Scorecard = {
    focal,
    from,
    to,
    scenario: scen?.meta.id ?? null,
    pillars: PILLARS,
    levels: LEVELS,
    formula: {
      cell: `score = 100 × Σ w_i·x_i / Σ w_i over inputs with status "data" (x_i in [0, 1]); coverage = Σ w_i with data / Σ w_i; score null when coverage < ${minCoverage}`,
      overall:
        "pillar-weighted mean of the level's cells, null unless every pillar (weight > 0) has a score",
      interval: `${boot.level * 100}% percentile interval over ${D} bootstrap draws (events resampled within each year, paired across inputs, cells and overall; seed ${boot.seed}); leverage.corridor adds its draws over the corridor assumption ranges (draw d paired with replicate d mod K); other inputs not built on events have no sampling interval`,
      ...INPUT_FORMULAS,
    },
    weights: Object.fromEntries(Object.keys(INPUT_FORMULAS).map((k) => [k, w(k)])),
    pillarWeights: pw,
    minCoverage,
    intervals: {
      method: "year-stratified event bootstrap, percentile",
      draws: D,
      seed: boot.seed,
      level: boot.level,
    },
    cells,
    overall,
  };
  Object.defineProperty(card, SCORECARD_DRAWS, { value: draws, enumerable: false });
  if (opts.compare) card.comparison = comparePeriods(card, opts.compare);
  return card;
}
