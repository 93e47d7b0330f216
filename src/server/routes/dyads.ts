import type { Hono } from "hono";
import { z } from "zod";
import { DEDUP_MODES } from "../../ingest/dedup.ts";
import type { Dataset } from "../../ingest/event-row.ts";
import { dyads } from "../../store/duckdb/dyads.ts";
import type { ServerContext } from "../context.ts";
import { parseQuery, q } from "../query.ts";

const DATASETS = ["gdelt1", "gdelt2", "icews", "plover", "polecat", "csv"] as const;

export function register(app: Hono, ctx: ServerContext): void {
  /** Directed dyad-period aggregates of the imported event data (read-only). */
  app.get("/api/dyads", async (c) => {
    const p = parseQuery(
      c,
      z.object({
        actor: q.code.optional(),
        from: q.date.optional(),
        to: q.date.optional(),
        by: z.enum(["month", "year"]).default("month"),
        dedup: z.enum(DEDUP_MODES as [string, ...string[]]).optional(),
        dataset: z
          .string()
          .max(100)
          .transform((s) => s.split(",").filter(Boolean))
          .pipe(z.array(z.enum(DATASETS)))
          .optional(),
      }),
    );
    const r = await ctx.withEvents((store) =>
      dyads(store, {
        actor: p.actor,
        from: p.from,
        to: p.to,
        by: p.by,
        dedup: p.dedup as "exact" | undefined,
        datasets: p.dataset as Dataset[] | undefined,
      }),
    );
    return c.json({ by: p.by, dedup: r.dedup, rows: r.rows });
  });
}
