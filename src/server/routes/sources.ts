import type { Hono } from "hono";
import { coverage } from "../../data/panel/coverage.ts";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/sources",
    tag: "panel",
    summary:
      "The reference panel's coverage: one row per source table with its years, unit, rows, licence and citation",
    description: "After a table's to_year a value is missing, not zero.",
  });
  app.get("/api/sources", async (c) => {
    // The panel is shipped and read-only: compute the coverage table once.
    const json = await ctx.memo("sources", async () => {
      const rows = await coverage(await ctx.store());
      return JSON.stringify({ count: rows.length, sources: rows });
    });
    return c.body(json, 200, { "Content-Type": "application/json" });
  });
}
