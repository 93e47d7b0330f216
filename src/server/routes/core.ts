import type { Hono } from "hono";
import { z } from "zod";
import { queryEvents } from "../../data/query-events.ts";
import { LEVELS } from "../../model/level.ts";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

const ActorsQuery = z.object({
  scenario: q.scenario.optional(),
  kind: z.enum(["state", "organisation", "group"]).optional(),
});

const EventsQuery = z.object({
  scenario: q.scenario.optional(),
  actor: q.code.optional(),
  with: q.codes.optional(),
  from: q.date.optional(),
  to: q.date.optional(),
  domain: z.string().max(40).optional(),
  level: z.enum(LEVELS).optional(),
  tone: z.enum(["cooperation", "conflict"]).optional(),
});

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/health",
    tag: "core",
    summary:
      "Liveness, whether the server accepts changes, and the start-up warm-up's progress (state, done of total, current request, failures)",
  });
  describe(app, {
    method: "get",
    path: "/api/scenarios",
    tag: "core",
    summary: "The shipped scenarios (id, name, focal state, years)",
  });
  describe(app, {
    method: "get",
    path: "/api/actors",
    tag: "core",
    summary: "A scenario's actors (states, organisations, groups), each with its source",
    query: ActorsQuery,
    responses: { "404": "no such scenario" },
  });
  describe(app, {
    method: "get",
    path: "/api/events",
    tag: "core",
    summary:
      "A scenario's dated, CAMEO-coded events with Goldstein weights and sources, filtered and date-sorted",
    query: EventsQuery,
    responses: { "404": "no such scenario" },
  });
  // The warm-up's progress is shown once `ana serve` started one (the shape is otherwise as before).
  app.get("/api/health", (c) =>
    c.json({
      ok: true,
      writable: ctx.writable,
      ...(ctx.warmup.state === "off" ? {} : { warmup: ctx.warmup }),
    }),
  );

  app.get("/api/scenarios", (c) =>
    c.json({
      scenarios: ctx.scenarioIds().map((id) => {
        const s = ctx.scenario(id);
        return { id, name: s.meta.name, focal: s.meta.focal, from: s.meta.from, to: s.meta.to };
      }),
    }),
  );

  app.get("/api/actors", (c) => {
    const p = parseQuery(c, ActorsQuery);
    const s = ctx.scenario(p.scenario);
    return c.json({
      scenario: s.meta.id,
      focal: s.meta.focal,
      actors: s.actors.filter((a) => !p.kind || a.kind === p.kind),
    });
  });

  app.get("/api/events", async (c) => {
    const p = parseQuery(c, EventsQuery);
    const s = ctx.scenario(p.scenario);
    // A scenario's events do not change while the server runs: identical requests share one answer.
    const json = await ctx.memo(`events|${s.meta.id}|${JSON.stringify(p)}`, async () => {
      const events = queryEvents(s.events, p);
      return JSON.stringify({ scenario: s.meta.id, count: events.length, events });
    });
    return c.body(json, 200, { "Content-Type": "application/json" });
  });
}
