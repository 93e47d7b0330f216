import { printTable } from "../../cli/output.ts";
import type { AlignmentRow } from "../../measure/alignment.ts";
import type { Coverage } from "../../measure/panel.ts";
import { requirePanelView, yearsOrPanelCoverage } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

const CODING = "1 yes, 2 abstain, 3 no; absences excluded; calendar year";

export interface AlignmentResult {
  rows: AlignmentRow[];
  coverage: Coverage | undefined;
  coding: string;
  /** Partners asked for that share no recorded vote with the focal state in the years. */
  noJointVotes?: string[];
}

export const alignment = defineOperation({
  name: "alignment",
  summary:
    "UN General Assembly vote alignment per dyad-year: Lijphart agreement, S (absolute, squared), Häge's κ and π, Benati–Capurri alignment index",
  params: {
    focal: p.code("the focal state"),
    with: p.codes("partners (default: every state that voted)").optional(),
    from: p.year("first calendar year").optional("the first year the votes cover"),
    to: p.year("last calendar year").optional("the last year the votes cover"),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/alignment", tag: "measures" },
  async run(ctx, q): Promise<AlignmentResult> {
    checkYearRange(q);
    const { alignment } = await import("../../measure/alignment.ts");
    const { panelCoverage } = await import("../../measure/panel.ts");
    await requirePanelView(ctx, "ref_unvotes");
    const store = await ctx.store();
    const { from, to } = await yearsOrPanelCoverage(ctx, q, "ref_unvotes");
    const rows = await alignment(store, { focal: q.focal, partners: q.with, from, to });
    const coverage = await panelCoverage(store, "ref_unvotes");
    const missing = (q.with ?? []).filter((b) => !rows.some((r) => r.b === b));
    return {
      rows,
      coverage,
      coding: CODING,
      ...(missing.length > 0 ? { noJointVotes: missing } : {}),
    };
  },
  print({ rows, coverage }) {
    printTable(rows as unknown as Record<string, unknown>[], [
      "year",
      "a",
      "b",
      "n",
      "agreement",
      "sAbs",
      "sSq",
      "kappa",
      "pi",
      "alignmentIndex",
    ]);
    if (coverage)
      process.stdout.write(
        `votes cover ${coverage.from}–${coverage.to} (${coverage.source}); later years are missing, not zero\n`,
      );
  },
});
