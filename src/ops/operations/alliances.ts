import { printTable } from "../../cli/output.ts";
import type { AllianceSimilarityRow } from "../../measure/alliance-similarity.ts";
import { requirePanelView, yearsOrPanelCoverage } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export interface AlliancesResult {
  coding: string;
  source: string;
  rows: AllianceSimilarityRow[];
}

export const alliances = defineOperation({
  name: "alliances",
  summary:
    "alliance-portfolio similarity from ATOP (valued 3/2/1/0, Chiba et al.): S (absolute, squared), Häge's κ and π, to 2018",
  params: {
    focal: p.code("the focal state"),
    with: p.codes("partners"),
    from: p.year("first year").optional("the first year ATOP covers"),
    to: p.year("last year").optional("the last year ATOP covers"),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/alliances", tag: "measures", memo: true },
  async run(ctx, q): Promise<AlliancesResult> {
    checkYearRange(q);
    const { allianceSimilarity } = await import("../../measure/alliance-similarity.ts");
    await requirePanelView(ctx, "ref_atop");
    await requirePanelView(ctx, "ref_state_years");
    const { from, to } = await yearsOrPanelCoverage(ctx, q, "ref_atop");
    return {
      coding:
        "ATOP valued: 3 defence/offence, 2 neutrality/consultation, 1 non-aggression, 0 none; self 3; system = COW states that year",
      source: "ATOP 5.1 (Leeds et al. 2002); COW state system",
      rows: await allianceSimilarity(await ctx.store(), {
        focal: q.focal,
        partners: q.with,
        from,
        to,
      }),
    };
  },
  print({ rows }) {
    printTable(rows as unknown as Record<string, unknown>[]);
  },
});
