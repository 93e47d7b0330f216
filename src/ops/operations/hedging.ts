import { printTable } from "../../cli/output.ts";
import type { HedgingRow } from "../../measure/hedging.ts";
import { DEFAULTS, defaultYears } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export interface HedgingResult {
  scenario: string;
  status: "ANA proposal";
  rows: HedgingRow[];
}

export const hedging = defineOperation({
  name: "hedging",
  summary:
    "hedging indices (ANA proposals): equidistance between rival poles, co-engagement with both sides, multivector entropy, per domain and combined",
  params: {
    focal: p.code("the focal state"),
    from: p.year("first year").optional("the scenario's first year"),
    to: p.year("last year").optional("the scenario's last year"),
    scenario: p.scenario("scenario with poles and rivalries (default: azerbaijan)").optional(),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/hedging", tag: "measures", memo: true },
  async run(ctx, q): Promise<HedgingResult> {
    checkYearRange(q, DEFAULTS.maxYears);
    const { hedging } = await import("../../measure/hedging.ts");
    const sc = ctx.scenario(q.scenario);
    if (!sc || sc.scenario.poles.length === 0)
      throw new UsageError(
        "hedging needs a scenario with poles.csv and rivalries.csv (pass {scenario})",
      );
    const { from, to } = await defaultYears(ctx, q, { scenario: sc.scenario });
    return {
      scenario: sc.scenario.meta.id,
      status: "ANA proposal",
      rows: await hedging(await ctx.store(), sc.scenario, q.focal, from, to),
    };
  },
  print({ rows }) {
    printTable(
      rows.map((r) => ({
        year: r.year,
        equidistance: r.combined.equidistance,
        coEngagement: r.combined.coEngagement,
        entropy: r.combined.entropy,
        domains: Object.keys(r.domains).join(","),
        rivalPairs: r.rivalPairs.map((x) => `${x.a}–${x.b}`).join(" "),
      })),
    );
  },
});
