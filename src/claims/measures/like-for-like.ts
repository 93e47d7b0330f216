import type { Scorecard } from "../../measure/scorecard.ts";
import { centralInterval, sampleWith, seededRandom } from "../random.ts";

/** One level's like-for-like comparison (the shape of TEAM.md interface 7). */
export interface PeriodComparisonRow {
  level: string;
  pillar: string;
  status: "data" | "not testable";
  before: number | null;
  after: number | null;
  delta: number | null;
  interval: [number, number] | null;
  used: string[];
  dropped: { key: string; reason: string }[];
}

export const LIKE_FOR_LIKE_DEFAULTS = { draws: 1000, seed: 1, level: 0.9 };

type Input = Scorecard["cells"][number]["inputs"][number] & { status?: string };
const hasData = (i: Input) =>
  i.status !== undefined ? i.status === "data" && i.value !== null : i.value !== null;

/**
 * Overall scores by level compared between two periods on the same inputs: only inputs (pillar
 * and key) with data in every year of both periods enter; a pillar with none left makes the
 * level "not testable" (the composite would change meaning). Yearly overall = pillar-weighted
 * mean of the pillars' weighted input means ×100; a period's value is the mean over its years;
 * the interval of the change resamples the years of each period (seeded bootstrap).
 * Interim implementation of interface 7 (`comparePeriods`) for the claims engine.
 */
export function compareOverallLikeForLike(
  card: Scorecard,
  periods: { before: [number, number]; after: [number, number] },
  options: Partial<typeof LIKE_FOR_LIKE_DEFAULTS> = {},
): PeriodComparisonRow[] {
  const o = { ...LIKE_FOR_LIKE_DEFAULTS, ...options };
  const years = (p: [number, number]) =>
    Array.from({ length: p[1] - p[0] + 1 }, (_, i) => p[0] + i);
  const all = [...years(periods.before), ...years(periods.after)];
  const out: PeriodComparisonRow[] = [];
  for (const level of card.levels) {
    const cells = card.cells.filter((c) => c.level === level);
    const keys = new Map<string, { pillar: string; key: string; weight: number }>();
    for (const c of cells)
      for (const i of c.inputs)
        if (i.weight > 0)
          keys.set(`${c.pillar}/${i.key}`, { pillar: c.pillar, key: i.key, weight: i.weight });
    const used: string[] = [];
    const dropped: { key: string; reason: string }[] = [];
    for (const k of keys.keys()) {
      const { pillar, key } = keys.get(k)!;
      const missing = all.filter((y) => {
        const c = cells.find((x) => x.year === y && x.pillar === pillar);
        const i = c?.inputs.find((x) => x.key === key) as Input | undefined;
        return !i || !hasData(i);
      });
      if (missing.length === 0) used.push(k);
      else dropped.push({ key: k, reason: `no data in ${compress(missing)}` });
    }
    const pillars = card.pillars.filter((p) => (card.pillarWeights[p] ?? 1) > 0);
    const empty = pillars.filter((p) => !used.some((k) => k.startsWith(`${p}/`)));
    const base = { level, pillar: "overall", used, dropped };
    if (empty.length > 0) {
      out.push({
        ...base,
        status: "not testable",
        before: null,
        after: null,
        delta: null,
        interval: null,
        dropped: [
          ...dropped,
          ...empty.map((p) => ({
            key: `${p}/*`,
            reason: "no input of this pillar has data in every year of both periods",
          })),
        ],
      });
      continue;
    }
    const yearly = new Map<number, number>();
    for (const y of all) {
      let num = 0;
      let den = 0;
      for (const p of pillars) {
        const c = cells.find((x) => x.year === y && x.pillar === p)!;
        const ins = c.inputs.filter((i) => used.includes(`${p}/${i.key}`));
        const W = ins.reduce((a, i) => a + i.weight, 0);
        const s = (100 * ins.reduce((a, i) => a + i.weight * (i.value as number), 0)) / W;
        num += (card.pillarWeights[p] ?? 1) * s;
        den += card.pillarWeights[p] ?? 1;
      }
      yearly.set(y, num / den);
    }
    const mean = (ys: number[]) => ys.reduce((a, y) => a + yearly.get(y)!, 0) / ys.length;
    const b = years(periods.before);
    const a = years(periods.after);
    const rand = seededRandom(o.seed);
    const deltas: number[] = [];
    for (let d = 0; d < o.draws; d++)
      deltas.push(mean(sampleWith(a, a.length, rand)) - mean(sampleWith(b, b.length, rand)));
    out.push({
      ...base,
      status: "data",
      before: mean(b),
      after: mean(a),
      delta: mean(a) - mean(b),
      interval: o.draws > 0 ? centralInterval(deltas, o.level) : null,
    });
  }
  return out;
}

/** 2011, 2012, 2013, 2015 → "2011–2013, 2015". */
function compress(ys: number[]): string {
  const s = [...new Set(ys)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    parts.push(i === j ? `${s[i]}` : `${s[i]}–${s[j]}`);
    i = j;
  }
  return parts.join(", ");
}
