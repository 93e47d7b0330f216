import type { Event } from "../model/event.ts";
import { datePrecision, dateStart } from "../model/partial-date.ts";
import {
  type BootstrapOptions,
  bootstrapOptions,
  percentileInterval,
  stratifiedCounts,
  Xoshiro128,
} from "./bootstrap.ts";
import {
  GOLDSTEIN_ROOT,
  GOLDSTEIN_TABLES,
  type GoldsteinChoice,
  QUAD_NAMES,
  type QuadScheme,
  quadOf,
} from "./event-scales.ts";
import type { DataStatus, Interval } from "./status.ts";

/**
 * A plain dyadic event, the common input of the relations measures: scenario events (curated,
 * sourced) and imported machine-coded events (GDELT, ICEWS, …) both become these, each labelled
 * with its evidence source.
 */
export interface EventRecord {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** ISO3 of the acting state. */
  source: string;
  /** ISO3 of the state acted on. */
  target: string;
  /** CAMEO root "01"…"20" (null when unknown). */
  cameoRoot: string | null;
  goldstein: number | null;
  /** Evidence label, e.g. "scenario:azerbaijan" or "imported:gdelt". */
  evidence: string;
  /** Event id and citation, when the record has them. */
  id?: string;
  ref?: string;
  /** Mutual (joint) acts are counted once for the dyad. */
  mutual?: boolean;
}

/**
 * Scenario events as dyadic records: an initiator acts on each target; a joint act (no
 * initiator) links every pair of its actors, marked mutual.
 */
export function eventRecordsFromScenario(
  events: readonly Event[],
  evidence = "scenario",
): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    const base = {
      date: e.date,
      cameoRoot: e.cameoRoot,
      goldstein: e.goldstein,
      evidence,
      id: e.id,
      ref: e.source,
    };
    if (e.initiator) {
      const targets = e.target.length > 0 ? e.target : e.actors.filter((a) => a !== e.initiator);
      for (const t of targets)
        if (t !== e.initiator) out.push({ ...base, source: e.initiator, target: t });
    } else
      for (let i = 0; i < e.actors.length; i++)
        for (let j = i + 1; j < e.actors.length; j++)
          out.push({ ...base, source: e.actors[i], target: e.actors[j], mutual: true });
  }
  return out;
}

export interface RelationsOptions {
  a: string;
  b: string;
  by: "month" | "year";
  /** Partial dates bounding the periods (default: the dyad's first and last event). */
  from?: string;
  to?: string;
  /** Half-life of an event's weight in the decayed score, in days (default 365). */
  halfLifeDays?: number;
  /** Weight of the neutral prior in the decayed score (default 1 event). */
  prior?: number;
  quadScheme?: QuadScheme;
  goldstein?: GoldsteinChoice;
}

export interface RelationsRow {
  period: string;
  evidence: string;
  /** Dyadic events dated within the period (either direction). */
  n: number;
  /** a → b and b → a events (mutual acts count in both). */
  nAB: number;
  nBA: number;
  /** Σ and mean Goldstein of the period's events; null with no event. */
  goldsteinSum: number | null;
  goldsteinMean: number | null;
  quad: Record<(typeof QUAD_NAMES)[number], number>;
  /** (cooperative − conflictual events) / events, in [−1, 1]; null with no event. */
  netCooperation: number | null;
  /** Decayed relation score at the period's end, in [−1, 1]; null before the first event. */
  score: number | null;
  /**
   * "data" when an event with a Goldstein weight falls within one half-life before the period's
   * end (the score window); "no data" otherwise — the score then only echoes older events
   * fading towards the neutral prior, which is not evidence of neutral relations.
   */
  scoreStatus: DataStatus;
  /**
   * 90 % interval of `score` (null unless `scoreStatus` is "data"): the normal (delta-method)
   * approximation to the bootstrap that resamples the dyad's events within each calendar year,
   * as `relationScoreInterval` does by simulation; clipped to [−1, 1].
   */
  scoreInterval: Interval | null;
  /** Ids of the period's events (when the records carry ids). */
  events: string[];
}

export interface Relations {
  a: string;
  b: string;
  by: "month" | "year";
  quadScheme: QuadScheme;
  goldsteinTable: string;
  halfLifeDays: number;
  prior: number;
  scoreFormula: string;
  /** Events not placed in a period because their date is coarser than the period (e.g. a year-dated event by month). */
  coarser: { evidence: string; n: number }[];
  rows: RelationsRow[];
}

const DAY = 86_400_000;

/** Mid-point of a partial date's span (a month-dated event sits mid-month). */
function midTime(date: string): number {
  const p = datePrecision(date);
  const start = Date.parse(`${dateStart(date)}T00:00:00Z`);
  if (p === "day") return start;
  const y = Number(date.slice(0, 4));
  const end = p === "month" ? Date.UTC(y, Number(date.slice(5, 7)), 1) : Date.UTC(y + 1, 0, 1);
  return (start + end) / 2;
}

function periodKey(date: string, by: "month" | "year"): string | undefined {
  const p = datePrecision(date);
  if (by === "year") return date.slice(0, 4);
  return p === "year" ? undefined : date.slice(0, 7);
}

function nextPeriod(k: string, by: "month" | "year"): string {
  if (by === "year") return String(Number(k) + 1);
  const y = Number(k.slice(0, 4));
  const m = Number(k.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function periodEndTime(k: string, by: "month" | "year"): number {
  const n = nextPeriod(k, by);
  return Date.parse(`${by === "year" ? `${n}-01-01` : `${n}-01`}T00:00:00Z`);
}

/**
 * Dyadic relations between a and b from event records, per month or year and per evidence
 * source: Goldstein sums and means, quad counts under a named scheme, net cooperation, and a
 * decayed relation score
 *   score(t) = Σ_i w_i·g_i / (10·(Σ_i w_i + prior)),  w_i = 2^(−(t − t_i)/halfLife),
 * over events dated up to t (the period's end). It lies in (−1, 1), weights recent events more,
 * and fades towards 0 when no fresh events arrive (ANA proposal).
 */
export function relations(records: readonly EventRecord[], o: RelationsOptions): Relations {
  const by = o.by;
  const halfLife = o.halfLifeDays ?? 365;
  if (!(halfLife > 0))
    throw new Error("relations: the half-life must be a positive number of days");
  const prior = o.prior ?? 1;
  if (!(prior >= 0)) throw new Error("relations: the prior weight must be ≥ 0");
  const scheme = o.quadScheme ?? "gdelt";
  const gChoice = o.goldstein ?? "recorded";
  const weight = (r: EventRecord): number | null =>
    gChoice === "recorded"
      ? r.goldstein
      : r.cameoRoot
        ? (GOLDSTEIN_ROOT[r.cameoRoot] ?? null)
        : null;
  const dyad = records.filter(
    (r) => (r.source === o.a && r.target === o.b) || (r.source === o.b && r.target === o.a),
  );
  const evidences = [...new Set(dyad.map((r) => r.evidence))].sort();
  const keys = dyad
    .map((r) => periodKey(r.date, by))
    .filter((k): k is string => !!k)
    .sort();
  const first = o.from
    ? periodKey(o.from.length === 4 && by === "month" ? `${o.from}-01` : o.from, by)
    : keys[0];
  const last = o.to
    ? periodKey(o.to.length === 4 && by === "month" ? `${o.to}-12` : o.to, by)
    : keys[keys.length - 1];
  const rows: RelationsRow[] = [];
  const coarser: { evidence: string; n: number }[] = [];
  for (const ev of evidences) {
    const recs = dyad
      .filter((r) => r.evidence === ev)
      .map((r) => ({ r, t: midTime(r.date), g: weight(r), k: periodKey(r.date, by) }));
    const nCoarse = recs.filter((x) => x.k === undefined).length;
    if (nCoarse > 0) coarser.push({ evidence: ev, n: nCoarse });
    if (!first || !last) continue;
    for (let k = first; k <= last; k = nextPeriod(k, by)) {
      const inP = recs.filter((x) => x.k === k);
      const quad = Object.fromEntries(QUAD_NAMES.map((q) => [q, 0])) as RelationsRow["quad"];
      let coop = 0;
      let conf = 0;
      for (const x of inP) {
        const q = quadOf(scheme, x.r.cameoRoot);
        if (q === null) continue;
        quad[QUAD_NAMES[q - 1]]++;
        if (q <= 2) coop++;
        else conf++;
      }
      const gs = inP.map((x) => x.g).filter((g): g is number => g !== null);
      const end = periodEndTime(k, by);
      let num = 0;
      let den = 0;
      let any = false;
      let inWindow = false;
      const strata = new Map<number, StratumMoments>();
      for (const x of recs) {
        if (x.g === null || x.t >= end) continue;
        const w = 2 ** (-(end - x.t) / DAY / halfLife);
        num += w * x.g;
        den += w;
        any = true;
        if (end - x.t <= halfLife * DAY) inWindow = true;
        addToStratum(strata, new Date(x.t).getUTCFullYear(), w * x.g, w);
      }
      rows.push({
        period: k,
        evidence: ev,
        n: inP.length,
        nAB: inP.filter((x) => x.r.mutual || x.r.source === o.a).length,
        nBA: inP.filter((x) => x.r.mutual || x.r.source === o.b).length,
        goldsteinSum: gs.length > 0 ? gs.reduce((s, g) => s + g, 0) : null,
        goldsteinMean: gs.length > 0 ? gs.reduce((s, g) => s + g, 0) / gs.length : null,
        quad,
        netCooperation: coop + conf > 0 ? (coop - conf) / (coop + conf) : null,
        score: any ? num / (10 * (den + prior)) : null,
        scoreStatus: inWindow ? "data" : "no data",
        scoreInterval: inWindow ? ratioInterval(num, den, prior, strata.values()) : null,
        events: inP.map((x) => x.r.id).filter((id): id is string => !!id),
      });
    }
  }
  rows.sort((x, y) => x.period.localeCompare(y.period) || x.evidence.localeCompare(y.evidence));
  return {
    a: o.a,
    b: o.b,
    by,
    quadScheme: scheme,
    goldsteinTable: GOLDSTEIN_TABLES[gChoice],
    halfLifeDays: halfLife,
    prior,
    scoreFormula:
      "score(t) = Σ w_i·g_i / (10·(Σ w_i + prior)), w_i = 2^(−(t − t_i)/halfLife), events up to the period's end",
    coarser,
    rows,
  };
}

/**
 * The decayed score of a dyad at an instant (ms since epoch), or null with no earlier event.
 * `status` is "data" only when an event with a Goldstein weight is dated within one half-life
 * before the instant (`inWindow` counts them): the score window. Without one, the score is an
 * echo of older events decaying towards the neutral prior — "no data", not neutral relations.
 */
export function relationScoreAt(
  records: readonly EventRecord[],
  a: string,
  b: string,
  at: number,
  halfLifeDays = 365,
  prior = 1,
): { score: number | null; weight: number; n: number; inWindow: number; status: DataStatus } {
  let num = 0;
  let den = 0;
  let n = 0;
  let inWindow = 0;
  for (const r of records) {
    if (!((r.source === a && r.target === b) || (r.source === b && r.target === a))) continue;
    if (r.goldstein === null) continue;
    const t = midTime(r.date);
    if (t >= at) continue;
    const w = 2 ** (-(at - t) / DAY / halfLifeDays);
    num += w * r.goldstein;
    den += w;
    n++;
    if (at - t <= halfLifeDays * DAY) inWindow++;
  }
  return {
    score: n > 0 ? num / (10 * (den + prior)) : null,
    weight: den,
    n,
    inWindow,
    status: inWindow > 0 ? "data" : "no data",
  };
}

/** A dyad's scored events before an instant: decay weight, Goldstein weight and year. */
export function dyadTerms(
  records: readonly EventRecord[],
  a: string,
  b: string,
  at: number,
  halfLifeDays = 365,
): { w: number; g: number; year: number; record: EventRecord }[] {
  const out: { w: number; g: number; year: number; record: EventRecord }[] = [];
  for (const r of records) {
    if (!((r.source === a && r.target === b) || (r.source === b && r.target === a))) continue;
    if (r.goldstein === null) continue;
    const t = midTime(r.date);
    if (t >= at) continue;
    out.push({
      w: 2 ** (-(at - t) / DAY / halfLifeDays),
      g: r.goldstein,
      year: Number(r.date.slice(0, 4)),
      record: r,
    });
  }
  return out;
}

/**
 * relationScoreAt with a seeded bootstrap interval: the dyad's events are resampled with
 * replacement within each calendar year (each year keeps its number of events), the score is
 * recomputed on every draw, and the interval is the central `level` percentile range of the
 * draws. `score`, `n` and `status` are those of relationScoreAt; the interval is null unless
 * the status is "data". Same records, options and seed → the same interval.
 */
export function relationScoreInterval(
  records: readonly EventRecord[],
  a: string,
  b: string,
  at: number,
  halfLifeDays = 365,
  options: BootstrapOptions & { prior?: number } = {},
): { score: number | null; n: number; status: DataStatus; interval: Interval | null } {
  const o = bootstrapOptions(options);
  const prior = options.prior ?? 1;
  const point = relationScoreAt(records, a, b, at, halfLifeDays, prior);
  if (point.status !== "data")
    return { score: point.score, n: point.n, status: point.status, interval: null };
  const terms = dyadTerms(records, a, b, at, halfLifeDays);
  const byYear = new Map<number, number[]>();
  terms.forEach((x, i) => {
    const l = byYear.get(x.year) ?? [];
    l.push(i);
    byYear.set(x.year, l);
  });
  const strata = [...byYear.values()];
  const rng = new Xoshiro128(o.seed);
  const reps: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const c = stratifiedCounts(terms.length, strata, rng);
    let num = 0;
    let den = 0;
    for (let i = 0; i < terms.length; i++) {
      num += c[i] * terms[i].w * terms[i].g;
      den += c[i] * terms[i].w;
    }
    reps.push(num / (10 * (den + prior)));
  }
  return {
    score: point.score,
    n: point.n,
    status: "data",
    interval: percentileInterval(reps, o.level),
  };
}

/** Running sums of one calendar year's events: count, Σx, Σy, Σx², Σy², Σxy (x = w·g, y = w). */
interface StratumMoments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

function addToStratum(m: Map<number, StratumMoments>, year: number, x: number, y: number): void {
  let s = m.get(year);
  if (!s) {
    s = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
    m.set(year, s);
  }
  s.n++;
  s.sx += x;
  s.sy += y;
  s.sxx += x * x;
  s.syy += y * y;
  s.sxy += x * y;
}

/** z of the central 90 % of a standard normal. */
const Z90 = 1.6448536269514722;

/**
 * 90 % interval of R = N / (10·(D + prior)) when the events are resampled with replacement within
 * each stratum (year): a stratum of n events adds n·var(x), n·var(y) and n·cov(x, y) (population
 * moments) to Var N, Var D and Cov(N, D); the delta method gives
 * Var R = (Var N − 2R'·Cov + R'²·Var D) / (10·(D + prior))², R' = N / (D + prior). Clipped to [−1, 1].
 * Scale-free: multiplying every weight by c leaves the interval unchanged when prior is 0.
 */
export function ratioInterval(
  num: number,
  den: number,
  prior: number,
  strata: Iterable<StratumMoments>,
): Interval | null {
  const d = den + prior;
  if (!(d > 0)) return null;
  let vN = 0;
  let vD = 0;
  let cND = 0;
  for (const s of strata) {
    if (s.n < 2) continue; // one event resamples to itself
    const mx = s.sx / s.n;
    const my = s.sy / s.n;
    vN += Math.max(0, s.sxx - s.n * mx * mx);
    vD += Math.max(0, s.syy - s.n * my * my);
    cND += s.sxy - s.n * mx * my;
  }
  const r = num / d;
  const sd = Math.sqrt(Math.max(0, vN - 2 * r * cND + r * r * vD)) / (10 * d);
  const score = r / 10;
  return [Math.max(-1, score - Z90 * sd), Math.min(1, score + Z90 * sd)];
}
