import type { Hono } from "hono";
import { coverage } from "../../data/panel/coverage.ts";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/sources",
    tag: "data",
    summary:
      "The reference panel's sources: origin, licence, citation and coverage years (after a source's last year values are missing)",
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
