import type { Hono } from "hono";
import { coverage } from "../../data/panel/coverage.ts";
import type { ServerContext } from "../context.ts";

export function register(app: Hono, ctx: ServerContext): void {
  app.get("/api/sources", async (c) => {
    const rows = await coverage(await ctx.store());
    return c.json({ count: rows.length, sources: rows });
  });
}
