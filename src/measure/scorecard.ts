import { levelsFor } from "../data/level-rule.ts";
import { LEVELS, type Level, type LevelAssignment } from "../model/level.ts";
import { coversYear, dateYear } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { type DependenceDomain, dependence } from "./dependence.ts";
import { hedging } from "./hedging.ts";
import { isHosted, isMediation, multilateralism } from "./multilateralism.ts";
import { poleMembers } from "./poles.ts";
import { type EventRecord, eventRecordsFromScenario, relationScoreAt } from "./relations.ts";

export const PILLARS = ["balance", "autonomy", "multilateralism", "leverage"] as const;
export type Pillar = (typeof PILLARS)[number];

/** One input of a cell: a value in [0, 1] (null when missing) with how it was computed. */
export interface ScorecardInput {
  key: string;
  value: number | null;
  weight: number;
  /** The measure's raw figures behind the value. */
  raw?: unknown;
  source: string;
  note?: string;
}

export interface ScorecardCell {
  year: number;
  level: Level;
  pillar: Pillar;
  /** 0–100: 100 × Σ w·x / Σ w over the inputs with data; null when none has data. */
  score: number | null;
  /** Σ w of inputs with data / Σ w of all inputs. */
  coverage: number;
  inputs: ScorecardInput[];
}

/** External leverage input (e.g. corridor leverage) for a level and year, in [0, 1]. */
export type LeverageHook = (
  focal: string,
  level: Level,
  year: number,
) => Promise<{ value: number | null; source: string; raw?: unknown } | undefined>;

export interface ScorecardOptions {
  /** Input weights by key (default 1 each); 0 drops an input. */
  weights?: Record<string, number>;
  /** Pillar weights for the overall score (default 1 each). */
  pillarWeights?: Partial<Record<Pillar, number>>;
  halfLifeDays?: number;
  /** Corridor leverage (another module): counted in the leverage pillar when given. */
  corridorLeverage?: LeverageHook;
  /** Extra event evidence (e.g. imported events) beside the scenario's. */
  events?: EventRecord[];
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
  cells: ScorecardCell[];
  overall: { year: number; level: Level; score: number | null; coverage: number }[];
}

/** What each input is (docs/measures/scorecard.md gives the reasoning). All ANA proposals. */
export const INPUT_FORMULAS: Record<string, string> = {
  "relations.warmth":
    "mean over the level's state partners of (s+1)/2, s the decayed event relation score at the year's end",
  "relations.balance":
    "1 − (max s − min s)/2 over the level's state partners with a score: ties kept even across partners",
  "hedging.equidistance":
    "systemic level: combined hedging equidistance 1 − |w_p − w_q| over rival pole pairs",
  "autonomy.arms": "1 − largest share of arms imports (TIV) held by one partner of the level",
  "autonomy.trade-import": "1 − largest share of imports held by one partner of the level",
  "autonomy.trade-export": "1 − largest share of exports held by one partner of the level",
  "autonomy.gas": "1 − largest share of gas exports held by one partner of the level",
  "multilateralism.coMembership":
    "share of the level's partners sharing an organisation with the focal state (or, for an organisation, having it as member)",
  "multilateralism.bridging":
    "1 − 2^−k, k bridging organisations whose rival sides include a partner of the level",
  "multilateralism.hosting": "1 − 2^−k, k forums hosted that year with a partner of the level",
  "leverage.exportReach":
    "share of the level's partners among the focal state's named export and gas partners",
  "leverage.mediation": "1 − 2^−k, k mediation events with partners of the level as parties",
  "leverage.corridor": "corridor leverage of the level (external module), in [0, 1]",
};

const saturate = (k: number) => 1 - 2 ** -k;
const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The ANA scorecard: pillars (balance & benefit, autonomy, multilateralism, leverage) × levels
 * (neighbourhood, regional, systemic) × years, each cell 0–100 from weighted inputs in [0, 1],
 * every input listed with its value, raw figures and source. Missing inputs stay missing (they
 * lower the cell's coverage, not its score). ANA proposal.
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
  const halfLife = opts.halfLifeDays ?? 365;
  const scen = scenario?.meta.focal === focal ? scenario : undefined;
  const scenSrc = scen ? `scenario ${scen.meta.id}` : "no scenario for this state";
  const records = [
    ...(scen ? eventRecordsFromScenario(scen.events, `scenario:${scen.meta.id}`) : []),
    ...(opts.events ?? []),
  ];
  // Partners by level, per year.
  const levels = new Map<number, LevelAssignment[]>();
  for (let y = from; y <= to; y++) {
    let l: LevelAssignment[] = [];
    if (store) {
      try {
        l = await levelsFor(store, focal, y, scen?.levels ?? []);
      } catch {
        l = [];
      }
    }
    if (l.length === 0 && scen)
      l = scen.levels.filter((x) => x.focal === focal && coversYear(x.from, x.to, y));
    levels.set(y, l);
  }
  const depDomains: DependenceDomain[] = ["arms", "trade-import", "trade-export", "gas"];
  const dep = new Map<string, Awaited<ReturnType<typeof dependence>>[number]>();
  for (const d of depDomains)
    for (const r of await dependence({ focal, domain: d, from, to }, { store, scenario: scen }))
      dep.set(`${d} ${r.year}`, r);
  const hedge = scen ? await hedging(store, scen, focal, from, to) : [];
  const multi = scen ? multilateralism(scen, focal, from, to) : [];

  // A partner's share includes its pole's members when the partner is itself a pole (EU: its states).
  const shareOf = (shares: Record<string, number>, partner: string, year: number): number => {
    const members = scen ? (poleMembers(scen, year).get(partner) ?? []) : [];
    let t = 0;
    for (const [k, v] of Object.entries(shares)) if (k === partner || members.includes(k)) t += v;
    return t;
  };
  // A scenario that lists none of the focal state's memberships (or no events) does not know
  // them: the inputs built on them are missing, not 0.
  const knowsMemberships = scen?.memberships.some((m) => m.actor === focal) ?? false;
  const hasEvents = (scen?.events.length ?? 0) > 0;
  const cells: ScorecardCell[] = [];
  for (let y = from; y <= to; y++) {
    const yearEnd = Date.UTC(y + 1, 0, 1);
    for (const level of LEVELS) {
      const partners = [
        ...new Set((levels.get(y) ?? []).filter((l) => l.level === level).map((l) => l.partner)),
      ];
      const inputs: Record<Pillar, ScorecardInput[]> = {
        balance: [],
        autonomy: [],
        multilateralism: [],
        leverage: [],
      };
      // Balance & benefit.
      const scores = partners
        .map((p) => ({ p, ...relationScoreAt(records, focal, p, yearEnd, halfLife) }))
        .filter((x) => x.score !== null);
      const s = scores.map((x) => x.score as number);
      const raw = Object.fromEntries(scores.map((x) => [x.p, { score: x.score, events: x.n }]));
      inputs.balance.push({
        key: "relations.warmth",
        value: s.length > 0 ? mean(s.map((v) => (v + 1) / 2)) : null,
        weight: w("relations.warmth"),
        raw,
        source: `events (${scen ? `scenario ${scen.meta.id}` : "none"}${opts.events?.length ? " + imported" : ""}); half-life ${halfLife} days`,
      });
      inputs.balance.push({
        key: "relations.balance",
        value: s.length >= 2 ? 1 - (Math.max(...s) - Math.min(...s)) / 2 : null,
        weight: w("relations.balance"),
        raw,
        source: "as relations.warmth",
        note: s.length < 2 ? "needs two partners of the level with event scores" : undefined,
      });
      if (level === "systemic") {
        const h = hedge.find((r) => r.year === y);
        inputs.balance.push({
          key: "hedging.equidistance",
          value: h?.combined.equidistance ?? null,
          weight: w("hedging.equidistance"),
          raw: h ? { combined: h.combined, rivalPairs: h.rivalPairs } : undefined,
          source: `${scenSrc} poles and rivalries; flows; Voeten ideal points`,
        });
      }
      // Autonomy.
      for (const d of depDomains) {
        const r = dep.get(`${d} ${y}`);
        const ok = r && r.coverage === "data" && r.nPartners !== null && r.nPartners > 0;
        const levelShares = ok ? partners.map((p) => [p, shareOf(r.shares, p, y)] as const) : [];
        const top = levelShares.sort((a, b) => b[1] - a[1])[0];
        inputs.autonomy.push({
          key: `autonomy.${d}`,
          value: ok && partners.length > 0 ? 1 - (top?.[1] ?? 0) : null,
          weight: w(`autonomy.${d}`),
          raw: ok
            ? {
                largest: top ? { partner: top[0], share: top[1] } : null,
                total: r.total,
                unit: r.unit,
              }
            : { coverage: r?.coverage ?? "no data" },
          source: r?.sources.join("; ") || "no data",
        });
      }
      // Multilateralism.
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
        inputs.multilateralism.push({
          key: "multilateralism.coMembership",
          value: partners.length > 0 && knowsMemberships ? shared.length / partners.length : null,
          weight: w("multilateralism.coMembership"),
          raw: { partners, shared },
          source: `${scenSrc} memberships.csv`,
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
        inputs.multilateralism.push({
          key: "multilateralism.bridging",
          value: knowsMemberships ? saturate(pairsHere.length) : null,
          weight: w("multilateralism.bridging"),
          raw: pairsHere,
          source: `${scenSrc} memberships, poles and rivalries`,
        });
        const hosted = scen.events.filter(
          (e) =>
            dateYear(e.date) === y &&
            isHosted(e, focal) &&
            e.actors.some((a) => partners.includes(a)),
        );
        inputs.multilateralism.push({
          key: "multilateralism.hosting",
          value: hasEvents ? saturate(hosted.length) : null,
          weight: w("multilateralism.hosting"),
          raw: hosted.map((e) => ({ id: e.id, date: e.date, title: e.title, source: e.source })),
          source: `${scenSrc} events.csv`,
        });
        const med = scen.events.filter(
          (e) =>
            dateYear(e.date) === y &&
            isMediation(e, focal) &&
            e.target.some((a) => partners.includes(a)),
        );
        inputs.leverage.push({
          key: "leverage.mediation",
          value: hasEvents ? saturate(med.length) : null,
          weight: w("leverage.mediation"),
          raw: med.map((e) => ({ id: e.id, date: e.date, title: e.title, source: e.source })),
          source: `${scenSrc} events.csv`,
        });
      } else
        for (const key of [
          "multilateralism.coMembership",
          "multilateralism.bridging",
          "multilateralism.hosting",
        ])
          inputs.multilateralism.push({
            key,
            value: null,
            weight: w(key),
            source: "no scenario for this state",
          });
      // Leverage.
      const ex = dep.get(`trade-export ${y}`);
      const gas = dep.get(`gas ${y}`);
      const buyers = new Set<string>();
      // Named buyers count even when they cover only part of a reported total.
      for (const r of [ex, gas])
        if (r && (r.coverage === "data" || r.coverage === "partial"))
          for (const [k, v] of Object.entries(r.shares)) if (v > 0) buyers.add(k);
      const reached = partners.filter(
        (p) => buyers.has(p) || [...buyers].some((b) => shareOf({ [b]: 1 }, p, y) > 0),
      );
      inputs.leverage.push({
        key: "leverage.exportReach",
        value: buyers.size > 0 && partners.length > 0 ? reached.length / partners.length : null,
        weight: w("leverage.exportReach"),
        raw: { partners, reached },
        source: [...(ex?.sources ?? []), ...(gas?.sources ?? [])].join("; ") || "no data",
      });
      if (!scen)
        inputs.leverage.push({
          key: "leverage.mediation",
          value: null,
          weight: w("leverage.mediation"),
          source: "no scenario for this state",
        });
      const c = opts.corridorLeverage ? await opts.corridorLeverage(focal, level, y) : undefined;
      inputs.leverage.push({
        key: "leverage.corridor",
        value: c?.value ?? null,
        weight: w("leverage.corridor"),
        raw: c?.raw,
        source: c?.source ?? "corridor leverage not connected (input hook)",
      });
      for (const pillar of PILLARS) {
        const ins = inputs[pillar].filter((i) => i.weight > 0);
        const have = ins.filter((i) => i.value !== null);
        const W = ins.reduce((a, i) => a + i.weight, 0);
        const Wh = have.reduce((a, i) => a + i.weight, 0);
        cells.push({
          year: y,
          level,
          pillar,
          score:
            Wh > 0
              ? (100 * have.reduce((a, i) => a + i.weight * (i.value as number), 0)) / Wh
              : null,
          coverage: W > 0 ? Wh / W : 0,
          inputs: inputs[pillar],
        });
      }
    }
  }
  const overall: Scorecard["overall"] = [];
  for (let y = from; y <= to; y++)
    for (const level of LEVELS) {
      const cs = cells.filter((c) => c.year === y && c.level === level);
      const have = cs.filter((c) => c.score !== null && pw[c.pillar] > 0);
      const W = cs.reduce((a, c) => a + pw[c.pillar], 0);
      const Wh = have.reduce((a, c) => a + pw[c.pillar], 0);
      overall.push({
        year: y,
        level,
        score:
          Wh > 0 ? have.reduce((a, c) => a + pw[c.pillar] * (c.score as number), 0) / Wh : null,
        coverage: W > 0 ? cs.reduce((a, c) => a + pw[c.pillar] * c.coverage, 0) / W : 0,
      });
    }
  return {
    focal,
    from,
    to,
    scenario: scen?.meta.id ?? null,
    pillars: PILLARS,
    levels: LEVELS,
    formula: {
      cell: "score = 100 × Σ w_i·x_i / Σ w_i over inputs with data (x_i in [0, 1]); coverage = Σ w_i with data / Σ w_i",
      overall: "pillar-weighted mean of the level's cells with a score",
      ...INPUT_FORMULAS,
    },
    weights: Object.fromEntries(Object.keys(INPUT_FORMULAS).map((k) => [k, w(k)])),
    pillarWeights: pw,
    cells,
    overall,
  };
}
