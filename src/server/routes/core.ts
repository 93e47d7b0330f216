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
  app.get("/api/health", (c) => c.json({ ok: true, writable: ctx.writable }));
}
