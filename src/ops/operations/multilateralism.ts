import { printTable } from "../../cli/output.ts";
import type { MultilateralismRow } from "../../measure/multilateralism.ts";
import { DEFAULTS, defaultYears } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export interface MultilateralismResult {
  scenario: string;
  hostingRule: string;
  mediationRule: string;
  rows: MultilateralismRow[];
}

export const multilateralism = defineOperation({
  name: "multilateralism",
  summary:
    "memberships over time, bridging organisations (holding both sides of a rivalry), forums hosted and mediation, from the scenario",
  params: {
    focal: p.code("the focal state"),
    from: p.year("first year").optional("the scenario's first year"),
    to: p.year("last year").optional("the scenario's last year"),
    scenario: p.scenario("scenario (default: azerbaijan)").optional(),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/multilateralism", tag: "measures", memo: true },
  async run(ctx, q): Promise<MultilateralismResult> {
    checkYearRange(q, DEFAULTS.maxYears);
    const { multilateralism, HOSTING_RULE, MEDIATION_RULE } = await import(
      "../../measure/multilateralism.ts"
    );
    const sc = ctx.scenario(q.scenario);
    if (!sc)
      throw new UsageError("no scenario: pass {scenario} (or make one with `ana scenario init`)");
    const { from, to } = await defaultYears(ctx, q, { scenario: sc.scenario });
    return {
      scenario: sc.scenario.meta.id,
      hostingRule: HOSTING_RULE,
      mediationRule: MEDIATION_RULE,
      rows: multilateralism(sc.scenario, q.focal, from, to),
    };
  },
  print({ rows }) {
    printTable(
      rows.map((r) => ({
        year: r.year,
        full: r.full,
        partial: r.partial,
        bridging: r.bridging.map((b) => b.organisation).join(", "),
        hosted: r.eventsKnown ? r.hosted.length : null,
        mediation: r.eventsKnown ? r.mediation.length : null,
      })),
    );
  },
});
