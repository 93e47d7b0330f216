import type { Hono } from "hono";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";

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
}
