import type { Hono } from "hono";
import { z } from "zod";
import { levelsFor } from "../../data/level-rule.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { parseQuery, q } from "../query.ts";

export function register(app: Hono, ctx: ServerContext): void {
  // Partners by level for a focal state and year: the rule, with a shipped scenario's overrides.
  app.get("/api/levels", async (c) => {
    const p = parseQuery(
      c,
      z.object({
        focal: q.code,
        year: q.year,
        scenario: q.scenario.optional(),
        radius: z.coerce.number().positive().max(20000).optional(),
      }),
    );
    const overrides = p.scenario ? ctx.scenario(p.scenario).levels : [];
    let levels: Awaited<ReturnType<typeof levelsFor>>;
    try {
      levels = await levelsFor(await ctx.store(), p.focal, p.year, overrides, {
        regionalRadiusKm: p.radius,
      });
    } catch (e) {
      // Unknown state or a year outside its statehood: the request's fault, said plainly.
      throw new HttpError(422, (e as Error).message);
    }
    return c.json({ focal: p.focal, year: p.year, scenario: p.scenario ?? null, levels });
  });
}
