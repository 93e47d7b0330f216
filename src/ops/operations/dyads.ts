import { printTable } from "../../cli/output.ts";
import { DEDUP_MODES, type DedupMode } from "../../ingest/dedup.ts";
import type { DyadRow } from "../../store/dyads.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

const DATASETS = ["gdelt1", "gdelt2", "icews", "plover", "polecat", "csv"] as const;

export interface DyadsResult {
  by: "month" | "year";
  dedup: DedupMode;
  rows: DyadRow[];
}

export const dyads = defineOperation({
  name: "dyads",
  summary: "directed dyad-period aggregates of the imported event data (computed in the store)",
  params: {
    actor: p.code("dyads with this state on either side").optional(),
    from: p.date("from YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    to: p.date("to YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    by: p.enum(["month", "year"], "period").default("month"),
    dedup: p
      .enum(DEDUP_MODES as [DedupMode, ...DedupMode[]], "duplicate handling")
      .optional("as recorded by the last import"),
    dataset: p.enums(DATASETS, "only these datasets").optional(),
  },
  uses: { db: true, eventStore: true },
  http: { method: "get", path: "/api/dyads", tag: "events" },
  async run(ctx, q): Promise<DyadsResult> {
    checkYearRange(q);
    const backend = await ctx.events();
    const r = await backend.dyads({
      actor: q.actor,
      from: q.from,
      to: q.to,
      by: q.by,
      dedup: q.dedup,
      datasets: q.dataset,
    });
    return { by: q.by, dedup: r.dedup, rows: r.rows };
  },
  print({ rows }) {
    printTable(
      rows.map((x) => ({
        period: x.period,
        source: x.source,
        target: x.target,
        events: x.events,
        goldsteinSum: x.goldsteinSum,
        goldsteinMean: x.goldsteinMean,
        q1: x.quad["1"],
        q2: x.quad["2"],
        q3: x.quad["3"],
        q4: x.quad["4"],
        netCooperation: x.netCooperation,
      })),
    );
  },
});
