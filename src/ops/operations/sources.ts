import { printTable } from "../../cli/output.ts";
import type { CoverageRow } from "../../data/panel/coverage.ts";
import { defineOperation } from "../define.ts";

export interface SourcesResult {
  count: number;
  sources: CoverageRow[];
}

export const sources = defineOperation({
  name: "sources",
  summary:
    "the reference panel's coverage: one row per source table with its years, unit, licence and citation (after to_year a value is missing, not zero)",
  params: {},
  uses: { db: ":memory:" },
  http: { method: "get", path: "/api/sources", tag: "panel", memo: true },
  async run(ctx): Promise<SourcesResult> {
    const { coverage } = await import("../../data/panel/coverage.ts");
    const rows = await coverage(await ctx.store());
    return { count: rows.length, sources: rows };
  },
  print({ sources }) {
    printTable(
      sources,
      ["table", "dataset", "from_year", "to_year", "rows", "unit", "licence"],
      48,
    );
  },
});
