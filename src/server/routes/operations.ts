import type { Hono } from "hono";
import { addAllOperationRoutes } from "../../ops/http.ts";
import { OPERATIONS } from "../../ops/registry.ts";
import type { ServerContext } from "../context.ts";

/** The routes of every operation in the registry (src/ops/registry.ts), derived from it. */
export function register(app: Hono, ctx: ServerContext): void {
  addAllOperationRoutes(app, ctx, OPERATIONS);
}
