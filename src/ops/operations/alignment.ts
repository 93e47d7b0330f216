import { printTable } from "../../cli/output.ts";
import type { AlignmentRow } from "../../measure/alignment.ts";
import type { Coverage } from "../../measure/panel.ts";
import { requirePanelView, yearsOrPanelCoverage } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

const CODING = "1 yes, 2 abstain, 3 no; absences excluded; calendar year";
const INTERVALS =
  "90 % percentile bootstrap over roll calls, seeded per dyad-year; null below minRollCalls (status 'no data')";

export interface AlignmentResult {
  rows: AlignmentRow[];
  coverage: Coverage | undefined;
  coding: string;
  /** How `intervals` on each row are computed. */
  intervals: string;
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
    minRollCalls: p
      .number("fewest joint roll calls for a measured dyad-year (below: status 'no data')", {
        int: true,
        min: 1,
        max: 1000,
      })
      .default(40),
    seed: p.number("bootstrap seed", { int: true, min: 0, max: 2 ** 32 - 1 }).default(1),
    draws: p
      .number("bootstrap draws per dyad-year (0: no intervals)", { int: true, min: 0, max: 10000 })
      .default(1000),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/alignment", tag: "measures", memo: true, worker: true },
  async run(ctx, q): Promise<AlignmentResult> {
    checkYearRange(q);
    const { alignment } = await import("../../measure/alignment.ts");
    const { panelCoverage } = await import("../../measure/panel.ts");
    await requirePanelView(ctx, "ref_unvotes");
    const store = await ctx.store();
    const { from, to } = await yearsOrPanelCoverage(ctx, q, "ref_unvotes");
    const rows = await alignment(store, {
      focal: q.focal,
      partners: q.with,
      from,
      to,
      minRollCalls: q.minRollCalls,
      seed: q.seed,
      draws: q.draws,
    });
    const coverage = await panelCoverage(store, "ref_unvotes");
    const missing = (q.with ?? []).filter((b) => !rows.some((r) => r.b === b));
    return {
      rows,
      coverage,
      coding: CODING,
      intervals: INTERVALS,
      ...(missing.length > 0 ? { noJointVotes: missing } : {}),
    };
  },
  print({ rows, coverage }, q) {
    const fmt = (v: number) => v.toFixed(3);
    const shown = rows.map((r) => ({
      ...r,
      "agreement 90%": r.intervals
        ? `${fmt(r.intervals.agreement[0])}–${fmt(r.intervals.agreement[1])}`
        : "",
      "κ 90%": r.intervals ? `${fmt(r.intervals.kappa[0])}–${fmt(r.intervals.kappa[1])}` : "",
    }));
    printTable(shown as unknown as Record<string, unknown>[], [
      "year",
      "a",
      "b",
      "n",
      "status",
      "agreement",
      "agreement 90%",
      "sAbs",
      "sSq",
      "kappa",
      "κ 90%",
      "pi",
      "alignmentIndex",
    ]);
    process.stdout.write(
      `rows below ${q.minRollCalls} joint roll calls are "no data" (measures blank, n shown)\n`,
    );
    if (coverage)
      process.stdout.write(
        `votes cover ${coverage.from}–${coverage.to} (${coverage.source}); later years are missing, not zero\n`,
      );
  },
});
