import { printTable } from "../../cli/output.ts";
import type { IdealPointRow } from "../../measure/ideal-points.ts";
import { requirePanelView, yearsOrPanelCoverage } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export interface IdealPointsResult {
  focal: string;
  variant: "fp" | "all";
  source: string;
  rows: IdealPointRow[];
}

export const idealpoints = defineOperation({
  name: "idealpoints",
  summary:
    "UNGA ideal points (Voeten): distance to each comparator and relative position on a rival axis (0 at the first state, 1 at the second)",
  params: {
    focal: p.code("the focal state"),
    with: p.codes("comparators (e.g. RUS,USA,TUR,CHN)"),
    axis: p.codes("rival axis, e.g. RUS,USA", { length: 2 }).optional(),
    from: p.year("first year").optional("the first year the ideal points cover"),
    to: p.year("last year").optional("the last year the ideal points cover"),
    variant: p
      .enum(["fp", "all"], "final-passage votes (fp, to 2024) or all votes (all, to 2023)")
      .default("fp"),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/idealpoints", tag: "measures", memo: true },
  async run(ctx, q): Promise<IdealPointsResult> {
    checkYearRange(q);
    const { idealPoints } = await import("../../measure/ideal-points.ts");
    await requirePanelView(ctx, "ref_idealpoints");
    const { from, to } = await yearsOrPanelCoverage(ctx, q, "ref_idealpoints");
    const rows = await idealPoints(await ctx.store(), {
      focal: q.focal,
      partners: q.with,
      axis: q.axis as [string, string] | undefined,
      from,
      to,
      variant: q.variant,
    });
    return {
      focal: q.focal,
      variant: q.variant,
      source: "Bailey, Strezhnev & Voeten (2017) ideal points, July 2025 release",
      rows,
    };
  },
  print({ rows }, q) {
    printTable(
      rows.map((r) => ({
        year: r.year,
        theta: r.theta,
        ...Object.fromEntries(q.with.map((b) => [`|Δ|${b}`, r.partners[b].distance])),
        ...(r.axis ? { axisPosition: r.axis.position, equidistance: r.axis.equidistance } : {}),
      })),
    );
  },
});
