import { z } from "zod";
import { DEPENDENCE_DOMAINS, type DependenceDomain, dependence } from "../../measure/dependence.ts";
import { fmtRange, yearRange } from "../periods.ts";
import { centralInterval, sampleWith, seededRandom } from "../random.ts";
import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";

export const schema = z
  .object({
    kind: z.literal("top-share"),
    domain: z.enum(DEPENDENCE_DOMAINS),
    partner: z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/),
  })
  .strict();
export type TopShareRule = z.infer<typeof schema>;

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "n/a" : `${(x * 100).toFixed(1)} %`;

/**
 * "X is the main supplier": the partner holds the largest share of the domain in every year of
 * the period with data (supported), in some (partly), in none (not supported). Years without
 * data (coverage other than "data", or no partner) are dropped and listed; no year with data
 * means not testable.
 */
export async function run(
  spec: ClaimSpec & { rule: TopShareRule },
  ctx: ClaimContext,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const yrs = spec.periods.years;
  if (typeof yrs !== "string") throw new Error(`${spec.id}: top-share needs periods.years`);
  const [y0, y1] = yearRange(yrs);
  const rows = await dependence(
    { focal: ctx.focal, domain: r.domain as DependenceDomain, from: y0, to: y1 },
    { store: ctx.store, scenario: ctx.scenario },
  );
  const [win] = await dependence(
    { focal: ctx.focal, domain: r.domain as DependenceDomain, from: y0, to: y1, window: true },
    { store: ctx.store, scenario: ctx.scenario },
  );
  const withData = rows.filter((x) => x.coverage === "data" && (x.nPartners ?? 0) > 0);
  const dropped = rows
    .filter((x) => !withData.includes(x))
    .map((x) => ({
      key: `${r.domain} ${x.year}`,
      reason: x.coverage === "data" ? "no deliveries" : `coverage: ${x.coverage}`,
    }));
  const top = withData.filter((x) => x.top === r.partner).map((x) => x.year!);
  const others = withData.filter((x) => x.top !== r.partner).map((x) => `${x.year} ${x.top}`);
  const ruleText = `share of the years with data in which ${r.partner} is the top partner: supported if ${r.partner} holds the largest ${r.domain} share in every year of ${fmtRange([y0, y1])} with data; partly supported if in some; not supported if in none; not testable without a year of data`;
  const sources = [...new Set(rows.flatMap((x) => x.sources))].slice(0, 4);
  const used = withData.map((x) => `${r.domain} ${x.year}`);
  if (withData.length === 0)
    return {
      verdict: "not testable",
      value: null,
      interval: null,
      intervalNote: "no value: no year with data",
      finding: `No year of ${fmtRange([y0, y1])} has ${r.domain} data with partners.`,
      inputs: { used, dropped },
      sources,
      ruleText,
    };
  const share = top.length / withData.length;
  const rand = seededRandom(ctx.options.seed);
  const flags = withData.map((x) => (x.top === r.partner ? 1 : 0));
  const draws: number[] = [];
  for (let d = 0; d < ctx.options.draws; d++)
    draws.push(
      sampleWith(flags, flags.length, rand).reduce<number>((a, b) => a + b, 0) / flags.length,
    );
  return {
    verdict: share === 1 ? "supported" : share > 0 ? "partly supported" : "not supported",
    value: share,
    interval: centralInterval(draws, ctx.options.level),
    intervalNote: `share of the years with data in which ${r.partner} is the top partner: ${ctx.options.level * 100} % bootstrap interval, years resampled (${ctx.options.draws} draws, seed ${ctx.options.seed}); a share of 1 stays 1`,
    finding: `${r.domain} ${fmtRange([y0, y1])}: ${r.partner} is the top partner in ${top.join(", ") || "no year"} of the ${withData.length} years with data${others.length ? ` (others: ${others.join(", ")})` : ""}. Over the period: total ${win?.total?.toFixed(0) ?? "n/a"} ${win?.unit ?? ""}, ${Object.entries(
      win?.shares ?? {},
    )
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(
        ", ",
      )}.${dropped.length ? ` Left out: ${dropped.map((d) => `${d.key.split(" ")[1]} (${d.reason})`).join(", ")}.` : ""}`,
    inputs: { used, dropped },
    sources,
    ruleText,
  };
}
