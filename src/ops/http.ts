import type { Hono } from "hono";
import { DEFAULT_SCENARIO } from "../data/scenario-registry.ts";
import { HttpError, type ServerContext } from "../server/context.ts";
import { describe, type OpenApiParameter } from "../server/openapi.ts";
import type { LoadedScenario, OpContext } from "./context.ts";
import type { Operation } from "./define.ts";
import { OpError, renderParamNames, UsageError } from "./errors.ts";
import type { AnyParam } from "./params.ts";
import { parseParams } from "./parse.ts";

/**
 * An operation's context inside the server: shipped scenario ids (and the folders the operator
 * named at start-up) only, the server's one store. A named scenario that is unknown or invalid is
 * an error (404/422), and so is an invalid default: never a silent "no scenario".
 */
export function serverOpContext(ctx: ServerContext, signal?: AbortSignal): OpContext {
  let reader:
    | Promise<{ backend: import("../store/event-backend.ts").EventBackend; close?: () => void }>
    | undefined;
  return {
    surface: "server",
    signal,
    scenario(id: string | undefined): LoadedScenario | undefined {
      if (id !== undefined) return { scenario: ctx.scenario(id) };
      if (!ctx.scenarioIds().includes(DEFAULT_SCENARIO)) return undefined;
      return { scenario: ctx.scenario(DEFAULT_SCENARIO) };
    },
    // The reference panel needs no store file; imported events are read from the store file,
    // read-only and shared with other readers (or a writable server's own store), for this
    // request only: `close()` releases it.
    store: () => ctx.panel(),
    events() {
      reader ??= (async () => {
        const { DuckDbEventBackend } = await import("../store/event-backend.ts");
        if (ctx.writable) return { backend: new DuckDbEventBackend(await ctx.openWritable()) };
        const { Store } = await import("../store/store.ts");
        let store: Awaited<ReturnType<typeof Store.read>>;
        try {
          store = await Store.read(ctx.options.db);
        } catch (e) {
          throw new HttpError(503, (e as Error).message);
        }
        return { backend: new DuckDbEventBackend(store), close: () => store.close() };
      })();
      return reader.then((r) => r.backend);
    },
    async close() {
      const r = reader && (await reader.catch(() => undefined));
      r?.close?.();
    },
  };
}

/** An operation's errors as HTTP errors (parameter names as in the query string). */
export function toHttpError(e: unknown): unknown {
  if (e instanceof UsageError) return new HttpError(400, renderParamNames(e.message, "api"));
  if (e instanceof OpError) return new HttpError(e.status, renderParamNames(e.message, "api"));
  return e;
}

/** The OpenAPI schema of one parameter. */
export function openApiSchema(prm: AnyParam): Record<string, unknown> {
  const s = prm.spec;
  const base: Record<string, unknown> = (() => {
    switch (s.kind) {
      case "code":
        return { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]{1,11}$" };
      case "codes":
        return { type: "string", description: "comma-separated actor codes such as RUS,USA" };
      case "year":
        return { type: "integer", minimum: 1800, maximum: 2100 };
      case "date":
        return { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
      case "enum":
        return { type: "string", enum: [...(s.values ?? [])] };
      case "flag":
        return { type: "boolean" };
      case "number":
        return { type: "number" };
      case "scenario":
        return { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,40}$" };
      default:
        return { type: "string" };
    }
  })();
  if (s.default !== undefined) base.default = s.default;
  return base;
}

/** The query parameters of an operation's route, for OpenAPI. */
export function openApiParameters(op: Operation): OpenApiParameter[] {
  return Object.entries(op.params)
    .filter(([, prm]) => !prm.spec.localOnly)
    .map(([name, prm]) => ({
      name,
      in: "query",
      required: prm.spec.required,
      schema: openApiSchema(prm),
      description: prm.spec.defaultNote
        ? `${prm.spec.help} (default: ${prm.spec.defaultNote})`
        : prm.spec.help,
    }));
}

/** Query-string input for an operation: only its HTTP parameters. */
function queryInput(op: Operation, raw: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw))
    if (k in op.params && !op.params[k].spec.localOnly) input[k] = v;
  return input;
}

/**
 * Serve an operation: a GET route validating its query with the operation's schema and answering
 * exactly what `run` returns (shared among identical requests on a read-only server when the
 * operation says `memo`), described in the OpenAPI document from the same declaration.
 */
export function addOperationRoute(app: Hono, ctx: ServerContext, op: Operation): void {
  const http = op.http === false ? undefined : op.http;
  if (http?.method !== "get") return;
  describe(app, {
    method: "get",
    path: http.path,
    tag: http.tag,
    summary: op.summary,
    parameters: openApiParameters(op),
    responses: http.responses,
  });
  app.get(http.path, async (c) => {
    try {
      const params = parseParams(op, queryInput(op, c.req.query()));
      const compute = async () => {
        const oc = serverOpContext(ctx);
        try {
          return JSON.stringify(await op.run(oc, params));
        } finally {
          await oc.close?.();
        }
      };
      const json =
        http.memo && !ctx.writable
          ? await ctx.memo(`${op.name}|${JSON.stringify(params)}`, compute)
          : await compute();
      return c.body(json, 200, { "Content-Type": "application/json" });
    } catch (e) {
      throw toHttpError(e);
    }
  });
}

/** Serve every operation that has an HTTP form. */
export function addOperationRoutes(app: Hono, ctx: ServerContext, ops: readonly Operation[]): void {
  for (const op of ops) addOperationRoute(app, ctx, op);
}
