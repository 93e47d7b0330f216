import { z } from "zod";
import { type ComparisonRow, comparePeriods } from "../../measure/compare-periods.ts";
import { relationScoreAt } from "../../measure/relations.ts";
import { scorecard } from "../../measure/scorecard.ts";
import { judgeOnEvents } from "../measures/event-draws.ts";
import { flowVolume } from "../measures/flow-volume.ts";
import { linksDyad, relationScore } from "../measures/relation-score.ts";
import { fmtRange, instant, yearRange } from "../periods.ts";
import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";
import { finalVerdict, type Threshold, type Verdict } from "../verdict.ts";

const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/);

export const schema = z
  .object({
    kind: z.literal("change"),
    /** relation-score: decayed event score at two instants; flow-volume: a flow's full-year volume in two years; scorecard-overall: overall score by level, like for like, between two periods. */
    measure: z.enum(["relation-score", "flow-volume", "scorecard-overall"]),
    partner: code.optional(),
    partners: z.array(code).min(1).optional(),
    domain: z.string().optional(),
    compare: z.enum(["difference", "ratio"]).default("difference"),
    direction: z.enum(["up", "down"]),
    /** The change must exceed this (difference) or reach it (ratio) to support the claim. */
    threshold: z.number(),
    /** Optional signs the two values must have (e.g. adversary → partner: negative → positive). */
    beforeSign: z.enum(["negative", "positive"]).optional(),
    afterSign: z.enum(["negative", "positive"]).optional(),
    /** scorecard-overall: levels that must rise (default: all three). */
    minLevels: z.number().int().positive().optional(),
  })
  .strict();
export type ChangeRule = z.infer<typeof schema>;

const f = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? "n/a" : x.toFixed(d);
const fi = (i: [number, number] | null, d = 2) => (i ? `[${f(i[0], d)}, ${f(i[1], d)}]` : "none");

/** Point verdict of a change: beyond the threshold in the claimed direction, or only the direction. */
function changeVerdict(
  r: ChangeRule,
  before: number,
  after: number,
): { verdict: Verdict; value: number } {
  const value = r.compare === "ratio" ? after / before : after - before;
  const neutral = r.compare === "ratio" ? 1 : 0;
  const dir = r.direction === "up" ? 1 : -1;
  const signOk = (x: number, s?: "negative" | "positive") =>
    s === undefined || (s === "negative" ? x < 0 : x > 0);
  const beyond =
    r.compare === "ratio"
      ? dir > 0
        ? value >= r.threshold
        : value <= r.threshold
      : dir * value > r.threshold;
  const moved = dir * (value - neutral) > 0;
  const signs = signOk(before, r.beforeSign) && signOk(after, r.afterSign);
  return {
    verdict: beyond && signs ? "supported" : moved ? "partly supported" : "not supported",
    value,
  };
}

/** The threshold a change value is compared with (signed for a difference). */
const boundary = (r: ChangeRule) =>
  r.compare === "ratio" ? r.threshold : (r.direction === "up" ? 1 : -1) * r.threshold;

function ruleText(r: ChangeRule, what: string): string {
  const t =
    r.compare === "ratio"
      ? `the ratio after/before is ${r.direction === "up" ? "≥" : "≤"} ${r.threshold}`
      : `${what} ${r.direction === "up" ? "rises" : "falls"} by more than ${r.threshold}`;
  const signs = [
    r.beforeSign ? `${r.beforeSign} before` : "",
    r.afterSign ? `${r.afterSign} after` : "",
  ].filter(Boolean);
  return `supported if ${t}${signs.length ? ` and is ${signs.join(" and ")}` : ""}; partly supported if it moves in the claimed direction without that; inconclusive if the interval straddles ${boundary(r)}`;
}

export async function run(
  spec: ClaimSpec & { rule: ChangeRule },
  ctx: ClaimContext,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const { before, after } = spec.periods;
  if (typeof before !== "string" || typeof after !== "string")
    throw new Error(`${spec.id}: a change rule needs periods.before and periods.after`);
  if (r.measure === "relation-score") return relationChange(spec, ctx, before, after);
  if (r.measure === "flow-volume") return flowChange(spec, ctx, before, after);
  return scorecardChange(spec, ctx, before, after);
}

function relationChange(
  spec: ClaimSpec & { rule: ChangeRule },
  ctx: ClaimContext,
  before: string,
  after: string,
): RuleOutcome {
  const r = spec.rule;
  if (!r.partner) throw new Error(`${spec.id}: relation-score needs rule.partner`);
  const p = r.partner;
  const [t0, t1] = [instant(before), instant(after)];
  const h = ctx.options.halfLifeDays;
  const j = judgeOnEvents(
    ctx,
    (recs) => {
      const a = relationScore(recs, ctx.focal, p, t0, h);
      const b = relationScore(recs, ctx.focal, p, t1, h);
      if (a === null || b === null) return { verdict: "not testable", value: null };
      return changeVerdict(r, a, b);
    },
    (e) => (linksDyad(e, ctx.focal, p) ? p : null),
  );
  const a = relationScore(ctx.records, ctx.focal, p, t0, h);
  const b = relationScore(ctx.records, ctx.focal, p, t1, h);
  const thresholds: Threshold[] = [
    { value: j.point.value, interval: j.interval, threshold: boundary(r) },
  ];
  const fv = finalVerdict(
    j.point.verdict,
    { thresholds, stability: j.stability?.share },
    ctx.options.minStability,
  );
  const nEv = (t: number) => relationScoreAt(ctx.records, ctx.focal, p, t, h).n;
  return {
    verdict: fv.verdict,
    ...(fv.verdict !== j.point.verdict ? { pointVerdict: j.point.verdict } : {}),
    value: j.point.value,
    interval: j.interval,
    intervalNote: `${ctx.options.level * 100} % bootstrap interval of the change (${ctx.options.draws} draws, events resampled within each year and dyad, seed ${ctx.options.seed})`,
    ...(j.stability ? { stability: j.stability } : {}),
    finding: `Decayed ${ctx.focal}–${p} relation score (half-life ${h} days) at ${before}: ${f(a)} (${nEv(t0)} dyad events before), at ${after}: ${f(b)} (${nEv(t1)}); change ${f(j.point.value)}, interval ${fi(j.interval)}.${j.stability ? ` Thinned to ${j.stability.eventsPerYear} events a year (${j.stability.years.join("–")}), ${(j.stability.share * 100).toFixed(0)} % of ${j.stability.draws} draws keep the verdict "${j.point.verdict}"${j.stability.untestable > 0 ? `; in ${(j.stability.untestable * 100).toFixed(0)} % it is not testable (no event of a dyad within a half-life of an instant)` : ""}.` : ""}${fv.reasons.length ? ` Inconclusive: ${fv.reasons.join("; ")}.` : ""}`,
    inputs: {
      used: [
        `events ${ctx.focal}–${p} before ${before}`,
        `events ${ctx.focal}–${p} before ${after}`,
      ],
      dropped: [],
    },
    sources: [ctx.scenarioSource],
    ruleText: ruleText(r, "the score"),
  };
}

function flowChange(
  spec: ClaimSpec & { rule: ChangeRule },
  ctx: ClaimContext,
  before: string,
  after: string,
): RuleOutcome {
  const r = spec.rule;
  if (!r.partners || !r.domain)
    throw new Error(`${spec.id}: flow-volume needs rule.partners and rule.domain`);
  const [y0] = yearRange(before);
  const [y1] = yearRange(after);
  const a = flowVolume(ctx.scenario.flows, ctx.focal, r.domain, r.partners, y0);
  const b = flowVolume(ctx.scenario.flows, ctx.focal, r.domain, r.partners, y1);
  const dropped = [...a.partYear, ...b.partYear].map((x) => ({
    key: `flows.csv ${x.year} ${x.domain} ${x.from}→${x.to} ${x.value} ${x.unit} (${x.period})`,
    reason: "part-year figure, not a year's volume",
  }));
  const used = [...a.used, ...b.used].map(
    (x) => `flows.csv ${x.year} ${x.domain} ${x.from}→${x.to} ${x.value} ${x.unit}`,
  );
  const sources = [...new Set([...a.used, ...b.used].map((x) => x.source))];
  const vol = (v: typeof a) =>
    v.value === null
      ? "no full-year figure"
      : `${v.value.toFixed(2).replace(/\.?0+$/, "")} ${v.unit}${
          v.disagree
            ? ` (sources disagree: ${v.used
                .filter((x) => x.year === v.year)
                .map((x) => x.value)
                .join(" vs ")})`
            : ""
        }`;
  if (
    a.value === null ||
    b.value === null ||
    a.lo === null ||
    b.lo === null ||
    a.hi === null ||
    b.hi === null
  )
    return {
      verdict: "not testable",
      value: null,
      interval: null,
      intervalNote: "no value: a compared year has no full-year figure",
      finding: `${r.domain} from ${ctx.focal} to ${r.partners.join("/")}: ${y0} ${vol(a)}, ${y1} ${vol(b)}. Not testable: a compared year has no full-year figure.`,
      inputs: { used, dropped },
      sources,
      ruleText: ruleText(r, "the volume"),
    };
  const point = changeVerdict(r, a.value, b.value);
  const interval: [number, number] =
    r.compare === "ratio" ? [b.lo / a.hi, b.hi / a.lo] : [b.lo - a.hi, b.hi - a.lo];
  const fv = finalVerdict(
    point.verdict,
    { thresholds: [{ value: point.value, interval, threshold: boundary(r) }] },
    ctx.options.minStability,
  );
  return {
    verdict: fv.verdict,
    ...(fv.verdict !== point.verdict ? { pointVerdict: point.verdict } : {}),
    value: point.value,
    interval,
    intervalNote: `every ${r.compare} the reported full-year figures allow: each figure ± half a unit of its last reported digit${a.disagree || b.disagree ? ", spanning the sources' disagreeing figures" : ""} (reported volumes have no sampling model)`,
    finding: `${r.domain} from ${ctx.focal} to ${r.partners.join("/")} (full-year figures): ${y0} ${vol(a)}, ${y1} ${vol(b)}; ${r.compare} ${f(point.value)}, interval ${fi(interval)}.${dropped.length ? ` Left out: ${dropped.length} part-year rows.` : ""}${fv.reasons.length ? ` Inconclusive: ${fv.reasons.join("; ")}.` : ""}`,
    inputs: { used, dropped },
    sources,
    ruleText: ruleText(r, "the volume"),
  };
}

async function scorecardChange(
  spec: ClaimSpec & { rule: ChangeRule },
  ctx: ClaimContext,
  before: string,
  after: string,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const b = yearRange(before);
  const a = yearRange(after);
  const card = await scorecard(
    ctx.store,
    ctx.scenario,
    ctx.focal,
    Math.min(b[0], a[0]),
    Math.max(b[1], a[1]),
    {
      halfLifeDays: ctx.options.halfLifeDays,
      draws: ctx.options.draws,
      seed: ctx.options.seed,
      level: ctx.options.level,
    },
  );
  const cmp = comparePeriods(card, { before: b, after: a });
  const rows = cmp.rows.filter((x) => x.pillar === "overall");
  const pillarRows = cmp.rows.filter((x) => x.pillar !== "overall");
  const need = r.minLevels ?? rows.length;
  const used = [
    ...new Set(pillarRows.flatMap((x) => x.used.map((k) => `${x.level} ${x.pillar}: ${k}`))),
  ];
  const dropped = pillarRows.flatMap((x) =>
    x.dropped.map((d) => ({ key: `${x.level} ${x.pillar}: ${d.key}`, reason: d.reason })),
  );
  const txt = rows
    .map((x) =>
      x.status === "data"
        ? `${x.level} ${f(x.before, 1)} → ${f(x.after, 1)} (change ${f(x.delta, 1)}, interval ${fi(x.interval, 1)})`
        : `${x.level} not testable (${pillarRows
            .filter((p) => p.level === x.level && p.status !== "data")
            .map((p) => p.pillar)
            .join(", ")} not measured in both periods)`,
    )
    .join("; ");
  const ruleTxt = `like for like (${cmp.rule}): supported if the overall score ${r.direction === "up" ? "rises" : "falls"} by more than ${r.threshold} at ${need === rows.length ? "every" : `at least ${need}`} level${need === 1 ? "" : "s"}; partly supported if at some; not testable if a level's overall is not testable; inconclusive if a level's interval straddles ${boundary(r)}`;
  const base = {
    inputs: { used, dropped },
    sources: [ctx.scenarioSource, "reference panel (SIPRI, Voeten ideal points, COW)"],
    ruleText: ruleTxt,
  };
  const why = [
    ...new Set(dropped.map((d) => `${d.key.split(": ")[1]} ${d.reason.split(" — ")[0]}`)),
  ];
  const j = judgeComparison(rows, r);
  if (j.verdict === "not testable")
    return {
      ...base,
      verdict: "not testable",
      value: null,
      interval: null,
      intervalNote: "no value: the inputs do not cover both periods",
      finding: `ANA scorecard overall by level, ${fmtRange(b)} vs ${fmtRange(a)}, like for like: ${txt}. Not testable until the inputs cover both periods${why.length ? `: ${why.slice(0, 8).join("; ")}${why.length > 8 ? `; … (${why.length - 8} more)` : ""}` : ""}.`,
    };
  const { point, fv, decisive } = j;
  return {
    ...base,
    verdict: fv.verdict,
    ...(fv.verdict !== point ? { pointVerdict: point } : {}),
    value: decisive!.delta,
    interval: decisive!.interval,
    intervalNote: decisive!.interval
      ? `the ${decisive!.level} level's change (the smallest): ${ctx.options.level * 100} % interval from the scorecard's paired bootstrap draws (comparePeriods)`
      : `the ${decisive!.level} level's change (the smallest): no sampling interval, its inputs are not event-based`,
    finding: `ANA scorecard overall by level, ${fmtRange(b)} vs ${fmtRange(a)}, like for like: ${txt}.${fv.reasons.length ? ` Inconclusive: ${fv.reasons.join("; ")}.` : ""}`,
  };
}

type OverallRow = Pick<ComparisonRow, "level" | "status" | "delta" | "interval">;

/**
 * The verdict on like-for-like overall rows by level: not testable if any level is; supported
 * if the change passes the threshold in the claimed direction at `minLevels` (default every)
 * level, partly at some, not supported at none; inconclusive if a level's interval straddles
 * the threshold. `decisive` is the level with the smallest change in the claimed direction.
 */
export function judgeComparison(
  rows: readonly OverallRow[],
  r: Pick<ChangeRule, "direction" | "threshold" | "minLevels" | "compare">,
): {
  verdict: Verdict;
  point: Verdict;
  fv: ReturnType<typeof finalVerdict>;
  decisive: OverallRow | null;
} {
  if (rows.length === 0 || rows.some((x) => x.status !== "data" || x.delta === null)) {
    const fv = { verdict: "not testable" as Verdict, reasons: [] };
    return { verdict: "not testable", point: "not testable", fv, decisive: null };
  }
  const need = r.minLevels ?? rows.length;
  const dir = r.direction === "up" ? 1 : -1;
  const ups = rows.filter((x) => dir * x.delta! > r.threshold).length;
  const point: Verdict = ups >= need ? "supported" : ups > 0 ? "partly supported" : "not supported";
  const fv = finalVerdict(point, {
    thresholds: rows.map((x) => ({
      value: x.delta,
      interval: x.interval,
      threshold: boundary(r as ChangeRule),
    })),
  });
  const decisive = [...rows].sort((x, y) => dir * x.delta! - dir * y.delta!)[0];
  return { verdict: fv.verdict, point, fv, decisive };
}
