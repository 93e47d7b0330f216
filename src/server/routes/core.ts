import type { Hono } from "hono";
import { z } from "zod";
import { queryEvents } from "../../data/query-events.ts";
import { builtinScenarios } from "../../data/scenario-registry.ts";
import { LEVELS } from "../../model/level.ts";
import type { ServerContext } from "../context.ts";
import { parseQuery, q } from "../query.ts";

export function register(app: Hono, ctx: ServerContext): void {
  app.get("/api/health", (c) => c.json({ ok: true, writable: ctx.writable }));

  app.get("/api/scenarios", (c) =>
    c.json({
      scenarios: builtinScenarios().map((id) => {
        const s = ctx.scenario(id);
        return { id, name: s.meta.name, focal: s.meta.focal, from: s.meta.from, to: s.meta.to };
      }),
    }),
  );

  app.get("/api/actors", (c) => {
    const p = parseQuery(
      c,
      z.object({
        scenario: q.scenario.optional(),
        kind: z.enum(["state", "organisation", "group"]).optional(),
      }),
    );
    const s = ctx.scenario(p.scenario);
    return c.json({
      scenario: s.meta.id,
      focal: s.meta.focal,
      actors: s.actors.filter((a) => !p.kind || a.kind === p.kind),
    });
  });

  app.get("/api/events", (c) => {
    const p = parseQuery(
      c,
      z.object({
        scenario: q.scenario.optional(),
        actor: q.code.optional(),
        with: q.codes.optional(),
        from: q.date.optional(),
        to: q.date.optional(),
        domain: z.string().max(40).optional(),
        level: z.enum(LEVELS).optional(),
        tone: z.enum(["cooperation", "conflict"]).optional(),
      }),
    );
    const s = ctx.scenario(p.scenario);
    const events = queryEvents(s.events, p);
    return c.json({ scenario: s.meta.id, count: events.length, events });
  });
}
