import type { Event } from "../model/event.ts";
import { dateYear } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import { percentileInterval, Xoshiro128 } from "./bootstrap.ts";
import { eventRecordsFromScenario, relationScoreAt } from "./relations.ts";
import { scorecard } from "./scorecard.ts";
import type { DataStatus, Interval } from "./status.ts";

/** Defaults of the thinning test (docs/measures/thinning.md). */
export const THINNING_DEFAULTS = {
  /** Draws of thinned event sets. */
  draws: 100,
  seed: 1,
  level: 0.9,
  halfLifeDays: 365,
  /** Prior weight of the relation scores (the scorecard's default, 0). */
  prior: 0,
  /** Partners whose relation scores are reported (those the scenario has events with, when empty). */
  partners: [] as string[],
};

export interface ThinningOptions {
  from: number;
  to: number;
  /** Events kept per year (default: the smallest yearly count in from–to). */
  perYear?: number;
  draws?: number;
  seed?: number;
  level?: number;
  halfLifeDays?: number;
  prior?: number;
  partners?: string[];
}

/**
 * Thin every year's events to the same number: in each year of from–to with more than
 * `perYear` events, keep `perYear` of them drawn without replacement (seeded partial
 * Fisher–Yates); years with fewer keep all. Events outside from–to are kept.
 */
export function thinEvents(
  events: readonly Event[],
  o: { from: number; to: number; perYear: number; rng: Xoshiro128 },
): Event[] {
  const byYear = new Map<number, Event[]>();
  const out: Event[] = [];
  for (const e of events) {
    const y = dateYear(e.date);
    if (y < o.from || y > o.to) out.push(e);
    else byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  for (const [, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const a = [...list];
    const k = Math.min(o.perYear, a.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(o.rng.next() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    for (let i = 0; i < k; i++) out.push(a[i]); // no spread: a year may hold >100k events
  }
  return out;
}

export interface ThinningRow {
  /** "relation AZE–RUS" or a scorecard input "neighbourhood relations.warmth". */
  measure: string;
  year: number;
  full: { status: DataStatus; value: number | null };
  /** Share of thinned draws in which the measure has status "data". */
  dataShare: number;
  /** Mean, percentile range and mean absolute change against the full value, over the draws with data. */
  mean: number | null;
  range: Interval | null;
  meanAbsChange: number | null;
  /** Share of draws (with data in both years) whose change from the year before has the full data's sign. */
  signAgreement: number | null;
}

export interface ThinningReport {
  focal: string;
  from: number;
  to: number;
  perYear: number;
  eventsByYear: Record<number, number>;
  draws: number;
  seed: number;
  prior: number;
  rows: ThinningRow[];
}

/**
 * The thinning test: how much each headline event-based measure moves when every year has the
 * same number of events. For `draws` seeded thinnings of the scenario's events, it recomputes
 * the decayed relation score of the focal state with each partner at every year's end and the
 * scorecard's event-based inputs (relations.warmth, relations.balance, hosting and mediation
 * rates), and reports, against the full data, the share of draws with data, the mean and range,
 * the mean absolute change, and how often the year-on-year direction holds.
 */
export async function thinningReport(
  s: Scenario,
  focal: string,
  options: ThinningOptions,
): Promise<ThinningReport> {
  const o = { ...THINNING_DEFAULTS, ...options };
  const counts: Record<number, number> = {};
  for (let y = o.from; y <= o.to; y++) counts[y] = 0;
  for (const e of s.events) {
    const y = dateYear(e.date);
    if (y >= o.from && y <= o.to) counts[y]++;
  }
  const perYear = o.perYear ?? Math.min(...Object.values(counts));
  if (!(Number.isInteger(perYear) && perYear >= 1))
    throw new Error(`thinning: perYear must be a positive integer, got ${perYear}`);
  const partners =
    o.partners.length > 0
      ? o.partners
      : [
          ...new Set(
            s.events
              .flatMap((e) => (e.actors.includes(focal) ? e.actors : []))
              .filter((a) => a !== focal),
          ),
        ].sort();
  const EVENT_KEYS = [
    "relations.warmth",
    "relations.balance",
    "multilateralism.hosting",
    "leverage.mediation",
  ];
  type Sample = Map<string, { status: DataStatus; value: number | null }>;
  const measureAll = async (events: readonly Event[]): Promise<Sample> => {
    const m: Sample = new Map();
    const recs = eventRecordsFromScenario(events, `scenario:${s.meta.id}`);
    for (const p of partners)
      for (let y = o.from; y <= o.to; y++) {
        const r = relationScoreAt(recs, focal, p, Date.UTC(y + 1, 0, 1), o.halfLifeDays, o.prior);
        m.set(`relation ${focal}–${p}|${y}`, {
          status: r.status,
          value: r.status === "data" ? r.score : null,
        });
      }
    const card = await scorecard(undefined, { ...s, events: [...events] }, focal, o.from, o.to, {
      draws: 0,
      halfLifeDays: o.halfLifeDays,
      relationPrior: o.prior,
    });
    for (const c of card.cells)
      for (const i of c.inputs)
        if (EVENT_KEYS.includes(i.key))
          m.set(`${c.level} ${i.key}|${c.year}`, { status: i.status, value: i.value });
    return m;
  };
  const full = await measureAll(s.events);
  const rng = new Xoshiro128(o.seed);
  const samples: Sample[] = [];
  for (let d = 0; d < o.draws; d++)
    samples.push(await measureAll(thinEvents(s.events, { from: o.from, to: o.to, perYear, rng })));
  const rows: ThinningRow[] = [];
  for (const [key, f] of full) {
    const [measure, ys] = key.split("|");
    const year = Number(ys);
    const vals = samples.map((x) => x.get(key)?.value ?? null);
    const have = vals.filter((v): v is number => v !== null);
    const prevKey = `${measure}|${year - 1}`;
    const fPrev = full.get(prevKey);
    let signAgreement: number | null = null;
    if (f.value !== null && fPrev?.value !== null && fPrev !== undefined) {
      const sign = Math.sign(f.value - (fPrev.value as number));
      const pairs = samples
        .map((x) => [x.get(prevKey)?.value ?? null, x.get(key)?.value ?? null] as const)
        .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null);
      signAgreement =
        pairs.length > 0
          ? pairs.filter(([a, b]) => Math.sign(b - a) === sign).length / pairs.length
          : null;
    }
    rows.push({
      measure,
      year,
      full: f,
      dataShare: have.length / o.draws,
      mean: have.length > 0 ? have.reduce((a, b) => a + b, 0) / have.length : null,
      range: percentileInterval(have, o.level),
      meanAbsChange:
        f.value !== null && have.length > 0
          ? have.reduce((a, b) => a + Math.abs(b - (f.value as number)), 0) / have.length
          : null,
      signAgreement,
    });
  }
  rows.sort((a, b) => a.measure.localeCompare(b.measure) || a.year - b.year);
  return {
    focal,
    from: o.from,
    to: o.to,
    perYear,
    eventsByYear: counts,
    draws: o.draws,
    seed: o.seed,
    prior: o.prior,
    rows,
  };
}
