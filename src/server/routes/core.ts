import type { Hono } from "hono";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/health",
    tag: "core",
    summary: "Liveness, and whether the server accepts changes",
  });
  describe(app, {
    method: "get",
    path: "/api/scenarios",
    tag: "core",
    summary: "The shipped scenarios (id, name, focal state, years)",
  });
  app.get("/api/health", (c) => c.json({ ok: true, writable: ctx.writable }));

  app.get("/api/scenarios", (c) =>
    c.json({
      scenarios: ctx.scenarioIds().map((id) => {
        const s = ctx.scenario(id);
        return { id, name: s.meta.name, focal: s.meta.focal, from: s.meta.from, to: s.meta.to };
      }),
    }),
  );
}
