import { z } from "zod";
import { judgeOnEvents } from "../measures/event-draws.ts";
import { dyadRecords, linksDyad, relationScore } from "../measures/relation-score.ts";
import { instant } from "../periods.ts";
import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";
import { finalVerdict, type Verdict } from "../verdict.ts";

export const schema = z
  .object({
    kind: z.literal("sign-count"),
    measure: z.literal("relation-score"),
    partners: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/)).min(1),
    sign: z.enum(["positive", "negative"]),
    /** How many (partner, instant) scores must have the sign: for "supported", for "partly supported". */
    supported: z.number().int().positive(),
    partly: z.number().int().positive().default(1),
  })
  .strict();
export type SignCountRule = z.infer<typeof schema>;

const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));

/**
 * "Friends" / "hostility": count the (partner, instant) decayed relation scores with the claimed
 * sign. Supported at `supported` or more, partly at `partly` or more. Not testable when a score
 * has no event before its instant. Interval and thinning stability as for every event claim.
 */
export async function run(
  spec: ClaimSpec & { rule: SignCountRule },
  ctx: ClaimContext,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const at = spec.periods.at;
  const times = (Array.isArray(at) ? at : [at]).filter((x): x is string => typeof x === "string");
  if (times.length === 0) throw new Error(`${spec.id}: sign-count needs periods.at`);
  const h = ctx.options.halfLifeDays;
  const items = r.partners.flatMap((p) => times.map((t) => ({ p, t, ms: instant(t) })));
  const scores = (recs: typeof ctx.records) => {
    const d = dyadRecords(recs, ctx.focal, r.partners);
    return items.map((i) => relationScore(d, ctx.focal, i.p, i.ms, h));
  };
  const ok = (x: number) => (r.sign === "positive" ? x > 0 : x < 0);
  const judge = (recs: typeof ctx.records): { verdict: Verdict; value: number | null } => {
    const s = scores(recs);
    if (s.some((x) => x === null)) return { verdict: "not testable", value: null };
    const k = (s as number[]).filter(ok).length;
    return {
      verdict:
        k >= r.supported ? "supported" : k >= r.partly ? "partly supported" : "not supported",
      value: k,
    };
  };
  const j = judgeOnEvents(ctx, judge, (e) => {
    const ps = r.partners.filter((p) => linksDyad(e, ctx.focal, p));
    return ps.length > 0 ? ps.join("+") : null;
  });
  const s0 = scores(ctx.records);
  // Count thresholds sit half-way between integers: [3, 4] straddles 3.5.
  const fv = finalVerdict(
    j.point.verdict,
    {
      thresholds: [
        { value: j.point.value, interval: j.interval, threshold: r.supported - 0.5 },
        { value: j.point.value, interval: j.interval, threshold: r.partly - 0.5 },
      ],
      stability: j.stability?.share,
    },
    ctx.options.minStability,
  );
  const list = items.map((i, k) => `${i.p} ${i.t} ${f(s0[k])}`).join(", ");
  return {
    verdict: fv.verdict,
    ...(fv.verdict !== j.point.verdict ? { pointVerdict: j.point.verdict } : {}),
    value: j.point.value,
    interval: j.interval,
    intervalNote: `${ctx.options.level * 100} % bootstrap interval of the count (${ctx.options.draws} draws, events resampled within each year and dyad, seed ${ctx.options.seed})`,
    ...(j.stability ? { stability: j.stability } : {}),
    finding: `Decayed relation scores (half-life ${h} days): ${list}. ${j.point.value ?? "n/a"} of ${items.length} ${r.sign}, interval [${j.interval?.join(", ") ?? "none"}].${j.stability ? ` Thinned to ${j.stability.eventsPerYear} events a year (${j.stability.years.join("–")}), ${(j.stability.share * 100).toFixed(0)} % of ${j.stability.draws} draws keep the verdict "${j.point.verdict}"${j.stability.untestable > 0 ? `; in ${(j.stability.untestable * 100).toFixed(0)} % it is not testable (no event of a dyad within a half-life of an instant)` : ""}.` : ""}${fv.reasons.length ? ` Inconclusive: ${fv.reasons.join("; ")}.` : ""}`,
    inputs: {
      used: items
        .filter((_, k) => s0[k] !== null)
        .map((i) => `score ${ctx.focal}–${i.p} at ${i.t}`),
      dropped: items
        .filter((_, k) => s0[k] === null)
        .map((i) => ({
          key: `score ${ctx.focal}–${i.p} at ${i.t}`,
          reason: "no event of the dyad before this date",
        })),
    },
    sources: [ctx.scenarioSource],
    ruleText: `supported if at least ${r.supported} of the ${items.length} scores are ${r.sign}; partly supported if at least ${r.partly}; not testable if a score has no event before it; inconclusive if the count's interval crosses a boundary or fewer than ${ctx.options.minStability * 100} % of thinning draws keep the verdict`,
  };
}
