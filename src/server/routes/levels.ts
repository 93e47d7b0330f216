import type { Hono } from "hono";
import { z } from "zod";
import { levelsFor } from "../../data/level-rule.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

const LevelsQuery = z.object({
  focal: q.code,
  year: q.year,
  scenario: q.scenario.optional(),
  radius: z.coerce.number().positive().max(20000).optional(),
});

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/levels",
    tag: "panel",
    summary:
      "A focal state's partners by level (neighbourhood, regional, systemic) in a year: the level rule, with a shipped scenario's overrides",
    query: LevelsQuery,
    responses: {
      "404": "no such scenario",
      "422": "not a COW state, or not a state in that year",
    },
  });
  app.get("/api/levels", async (c) => {
    const p = parseQuery(c, LevelsQuery);
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
