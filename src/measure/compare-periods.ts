import type { Level } from "../model/level.ts";
import { subSeed } from "../simulate/xoshiro.ts";
import { percentileInterval, Xoshiro128 } from "./bootstrap.ts";
import type { Pillar, Scorecard, ScorecardDraws } from "./scorecard.ts";
import type { DataStatus, Interval } from "./status.ts";

/** Draws of the year bootstrap when the card carries no event draws. */
export const COMPARE_DEFAULTS = { draws: 1000 };

/** The draws behind a scorecard (set by scorecard(); absent on a card read back from JSON). */
const DRAWS_KEY = Symbol.for("ana.scorecard.draws");

export interface ComparePeriodsOptions {
  /** First and last year of each period (inclusive). */
  before: [number, number];
  after: [number, number];
}

export interface ComparisonRow {
  level: Level;
  pillar: Pillar | "overall";
  status: "data" | "not testable";
  /** Mean over the period's years of the score recomputed on the `used` inputs only. */
  before: number | null;
  after: number | null;
  delta: number | null;
  /**
   * Interval of `delta`: bootstrap over the years of each period (resampled with replacement)
   * and, for event-based inputs, the card's paired event draws; null when not testable.
   */
  interval: Interval | null;
  /** Input keys with status "data" in every year of both periods. */
  used: string[];
  dropped: { key: string; reason: string }[];
  /** The answer in words, e.g. "not measurable: leverage.exportReach ends in 2020". */
  answer: string;
}

export interface PeriodComparison {
  before: { from: number; to: number };
  after: { from: number; to: number };
  rule: string;
  rows: ComparisonRow[];
}

/**
 * Parse "2011-2019:2021-2024" (CLI/API `compare=`) into `{ before, after }`; a single year
 * stands for a one-year period ("2019:2021"). Throws a message naming the bad part.
 */
export function parseComparePeriods(text: string): ComparePeriodsOptions {
  const parts = text.trim().split(":");
  if (parts.length !== 2)
    throw new Error(`compare: "${text}" is not BEFORE:AFTER (e.g. 2011-2019:2021-2024)`);
  const period = (p: string, name: string): [number, number] => {
    const m = /^(\d{4})(?:[-–](\d{4}))?$/.exec(p.trim());
    if (!m) throw new Error(`compare: ${name} "${p}" is not a year or YYYY-YYYY`);
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    if (a > b) throw new Error(`compare: ${name} "${p}" ends before it starts`);
    return [a, b];
  };
  return { before: period(parts[0], "before"), after: period(parts[1], "after") };
}

const years = ([a, b]: [number, number]) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** "2011–2013, 2015" from a sorted list of years. */
export function yearRanges(ys: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    out.push(i === j ? `${ys[i]}` : `${ys[i]}–${ys[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/**
 * Why an input cannot be compared: where its data stop, start or are missing. `span` holds its
 * status in every year of the card (so "ends in 2020" is found even between the periods);
 * `periods` are the compared years.
 */
function reasonOf(
  span: Map<number, { status: DataStatus; note?: string }>,
  periods: readonly number[],
): string {
  const lo = Math.min(...periods);
  const hi = Math.max(...periods);
  const inRange = [...span.keys()].filter((y) => y >= lo && y <= hi).sort((a, b) => a - b);
  const ok = inRange.filter((y) => span.get(y)?.status === "data");
  const bad = periods.filter((y) => span.get(y)?.status !== "data");
  const partial = bad.filter((y) => span.get(y)?.status === "partial");
  const none = bad.filter((y) => span.get(y)?.status !== "partial");
  const note = span.get(bad[0])?.note;
  const noteTail = note ? ` — ${note.length > 160 ? `${note.slice(0, 157)}…` : note}` : "";
  const detail = [
    partial.length > 0 ? `partial in ${yearRanges(partial)}` : "",
    none.length > 0 ? `no data in ${yearRanges(none)}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const withPartial = partial.length > 0 ? ` (${detail})` : "";
  if (ok.length === 0)
    return `${partial.length === 0 ? "has no data in either period" : `is never complete (${detail})`}${noteTail}`;
  if (bad.every((y) => y > ok[ok.length - 1]))
    return `ends in ${ok[ok.length - 1]}${withPartial}${noteTail}`;
  if (bad.every((y) => y < ok[0])) return `starts in ${ok[0]}${withPartial}${noteTail}`;
  return `is incomplete (${detail})${noteTail}`;
}

const f1 = (x: number) => x.toFixed(1);
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(1)}`;

function answerOf(
  label: string,
  r: Omit<ComparisonRow, "answer">,
  p: PeriodComparison,
  level: number,
  usedShare: number,
  minCoverage: number,
): string {
  const per = (x: { from: number; to: number }) => `${x.from}–${x.to}`;
  if (r.status !== "data") {
    const why = r.dropped.map((d) => `${d.key} ${d.reason.split(" — ")[0]}`).join("; ");
    const some =
      r.used.length > 0 && r.pillar !== "overall"
        ? ` (only ${r.used.join(", ")} measured in both periods: ${Math.round(usedShare * 100)}% of the weight, under ${Math.round(minCoverage * 100)}%)`
        : "";
    return `${label}, ${per(p.before)} vs ${per(p.after)}: not measurable: ${why || "no input"}${some}`;
  }
  const d = r.delta as number;
  let verdict: string;
  if (r.interval) {
    const [lo, hi] = r.interval;
    verdict = lo > 0 ? "rose" : hi < 0 ? "fell" : "no clear change (the interval includes 0)";
    verdict += ` from ${f1(r.before as number)} to ${f1(r.after as number)} (${signed(d)}; ${Math.round(level * 100)}% interval ${signed(lo)} to ${signed(hi)})`;
  } else
    verdict = `${d > 0 ? "rose" : d < 0 ? "fell" : "unchanged"} from ${f1(r.before as number)} to ${f1(r.after as number)} (${signed(d)}; no interval)`;
  const left = r.dropped.length > 0 ? `; left out: ${r.dropped.map((x) => x.key).join(", ")}` : "";
  return `${label}, ${per(p.before)} vs ${per(p.after)}: ${verdict}, on the same inputs in both periods (${r.used.join(", ")})${left}`;
}

/**
 * Like-for-like comparison of two periods of a scorecard (TEAM.md interface 7): for each level
 * and pillar, only the inputs with status "data" in every year of both periods are used; each
 * year's score is recomputed on them (100 × Σ w·x / Σ w), averaged over the period, and the
 * delta's interval comes from a bootstrap that resamples each period's years (year-to-year
 * variation) together with the card's paired event draws (sampling of event-based inputs). A pillar is "not testable" when
 * the inputs kept carry less than the card's minCoverage of its weight; the overall row needs
 * every pillar (weight > 0). Every row says what it used and what it dropped, and why.
 */
export function comparePeriods(card: Scorecard, o: ComparePeriodsOptions): PeriodComparison {
  for (const [name, [a, b]] of Object.entries({ before: o.before, after: o.after })) {
    if (!(Number.isInteger(a) && Number.isInteger(b) && a <= b))
      throw new Error(`comparePeriods: ${name} must be [first year, last year], got [${a}, ${b}]`);
    if (a < card.from || b > card.to)
      throw new Error(
        `comparePeriods: ${name} ${a}–${b} is outside the scorecard's years ${card.from}–${card.to}`,
      );
  }
  const draws = (card as unknown as Record<symbol, ScorecardDraws | undefined>)[DRAWS_KEY];
  const D = card.intervals?.draws ?? 0;
  const lvl = card.intervals?.level ?? 0.9;
  const yb = years(o.before);
  const ya = years(o.after);
  // Year bootstrap, shared by every row (paired): draw r resamples each period's years.
  const R = draws !== undefined && D > 0 ? D : COMPARE_DEFAULTS.draws;
  const yrng = new Xoshiro128(subSeed(card.intervals?.seed ?? 1, 7));
  const pick = (ys: number[]) => ys.map(() => ys[Math.floor(yrng.next() * ys.length)]);
  const resB = Array.from({ length: R }, () => pick(yb));
  const resA = Array.from({ length: R }, () => pick(ya));
  const eventDraw = (r: number) => (draws !== undefined && D > 0 ? r : null);
  const out: PeriodComparison = {
    before: { from: o.before[0], to: o.before[1] },
    after: { from: o.after[0], to: o.after[1] },
    rule: `inputs with status "data" in every year of both periods; a pillar needs ${Math.round(card.minCoverage * 100)}% of its weight among them, the overall needs every pillar`,
    rows: [],
  };
  for (const level of card.levels) {
    const pillarRows: { pillar: Pillar; row: ComparisonRow; reps: Float64Array | null }[] = [];
    for (const pillar of card.pillars) {
      const cellOf = (y: number) =>
        card.cells.find((c) => c.year === y && c.level === level && c.pillar === pillar);
      const keys = [
        ...new Set(
          [...yb, ...ya].flatMap((y) =>
            (cellOf(y)?.inputs ?? []).filter((i) => i.weight > 0).map((i) => i.key),
          ),
        ),
      ];
      const used: string[] = [];
      const dropped: { key: string; reason: string }[] = [];
      const periodYears = [...yb, ...ya];
      for (const key of keys) {
        const span = new Map<number, { status: DataStatus; note?: string }>();
        for (let y = card.from; y <= card.to; y++) {
          const i = cellOf(y)?.inputs.find((x) => x.key === key);
          span.set(y, { status: i?.status ?? "no data", note: i?.note });
        }
        if (periodYears.every((y) => span.get(y)?.status === "data")) used.push(key);
        else dropped.push({ key, reason: reasonOf(span, periodYears) });
      }
      const weightOf = (key: string) =>
        cellOf(yb[0])?.inputs.find((i) => i.key === key)?.weight ?? 0;
      const W = keys.reduce((a, k) => a + weightOf(k), 0);
      const Wu = used.reduce((a, k) => a + weightOf(k), 0);
      const share = W > 0 ? Wu / W : 0;
      const testable = Wu > 0 && share >= card.minCoverage - 1e-12;
      const scoreAt = (y: number, d: number | null) => {
        const c = cellOf(y);
        let t = 0;
        for (const key of used) {
          const i = c?.inputs.find((x) => x.key === key);
          const r = d === null ? undefined : draws?.get(`${y}|${level}|${key}`);
          t += weightOf(key) * (r ? r[d as number] : (i?.value as number));
        }
        return (100 * t) / Wu;
      };
      const meanOver = (ys: number[], d: number | null) =>
        ys.reduce((a, y) => a + scoreAt(y, d), 0) / ys.length;
      let before: number | null = null;
      let after: number | null = null;
      let reps: Float64Array | null = null;
      if (testable) {
        before = meanOver(yb, null);
        after = meanOver(ya, null);
        reps = new Float64Array(R);
        for (let r = 0; r < R; r++)
          reps[r] = meanOver(resA[r], eventDraw(r)) - meanOver(resB[r], eventDraw(r));
      }
      const row: Omit<ComparisonRow, "answer"> = {
        level,
        pillar,
        status: testable ? "data" : "not testable",
        before,
        after,
        delta: testable ? (after as number) - (before as number) : null,
        interval: reps ? percentileInterval([...reps], lvl) : null,
        used,
        dropped,
      };
      pillarRows.push({
        pillar,
        reps,
        row: {
          ...row,
          answer: answerOf(`${pillar} (${level})`, row, out, lvl, share, card.minCoverage),
        },
      });
    }
    const pw = (p: Pillar) => card.pillarWeights[p] ?? 1;
    const counted = pillarRows.filter((x) => pw(x.pillar) > 0);
    const Wp = counted.reduce((a, x) => a + pw(x.pillar), 0);
    const ok = Wp > 0 && counted.every((x) => x.row.status === "data");
    const comb = (get: (x: (typeof counted)[number]) => number) =>
      counted.reduce((a, x) => a + pw(x.pillar) * get(x), 0) / Wp;
    let reps: Float64Array | null = null;
    if (ok) {
      reps = new Float64Array(R);
      for (let r = 0; r < R; r++)
        reps[r] = comb((x) => (x.reps ? x.reps[r] : (x.row.delta as number)));
    }
    const overall: Omit<ComparisonRow, "answer"> = {
      level,
      pillar: "overall",
      status: ok ? "data" : "not testable",
      before: ok ? comb((x) => x.row.before as number) : null,
      after: ok ? comb((x) => x.row.after as number) : null,
      delta: ok ? comb((x) => x.row.delta as number) : null,
      interval: reps ? percentileInterval([...reps], lvl) : null,
      used: counted.flatMap((x) => x.row.used),
      dropped: ok
        ? counted.flatMap((x) => x.row.dropped)
        : counted
            .filter((x) => x.row.status !== "data")
            .map((x) => ({
              key: x.pillar,
              reason: `is not measurable (${x.row.dropped.map((d) => `${d.key} ${d.reason.split(" — ")[0]}`).join("; ")})`,
            })),
    };
    out.rows.push(...pillarRows.map((x) => x.row), {
      ...overall,
      answer: answerOf(`overall (${level})`, overall, out, lvl, 1, card.minCoverage),
    });
  }
  return out;
}

export { DRAWS_KEY };
