import type { Context, Hono } from "hono";
import { z } from "zod";
import { DEFAULT_SCENARIO } from "../data/scenario-registry.ts";
import { HttpError, type ServerContext } from "../server/context.ts";
import { jobsFor } from "../server/jobs.ts";
import { describe, type OpenApiParameter } from "../server/openapi.ts";
import type { EventBackend } from "../store/event-backend.ts";
import type { LoadedScenario, OpContext } from "./context.ts";
import type { HttpSpec, Operation } from "./define.ts";
import { OpError, renderParamNames, UsageError } from "./errors.ts";
import type { AnyParam } from "./params.ts";
import { parseParams } from "./parse.ts";

const clickHouse = new WeakMap<ServerContext, Promise<EventBackend>>();

/** The ClickHouse client of a server started with `--store clickhouse://…` (opened once, kept). */
function clickHouseEvents(ctx: ServerContext, url: string): Promise<EventBackend> {
  let b = clickHouse.get(ctx);
  if (!b) {
    b = import("../store/event-backend.ts").then(({ openEventBackend }) =>
      openEventBackend({ store: url }),
    );
    b.catch(() => clickHouse.delete(ctx));
    clickHouse.set(ctx, b);
  }
  return b;
}

/**
 * An operation's context inside the server: shipped scenario ids (and the folders the operator
 * named at start-up) only. A named scenario that is unknown or invalid is an error (404/422), and
 * so is an invalid default: never a silent "no scenario". The reference panel needs no store file;
 * imported events come from ClickHouse when the server was started with `--store clickhouse://…`,
 * else from the store file, read-only and shared with other readers (or a writable server's own
 * store), for this request only: `close()` releases it.
 */
export function serverOpContext(ctx: ServerContext, signal?: AbortSignal): OpContext {
  let reader: Promise<{ backend: EventBackend; close?: () => void }> | undefined;
  return {
    surface: "server",
    signal,
    scenario(id: string | undefined): LoadedScenario | undefined {
      if (id !== undefined) return { scenario: ctx.scenario(id) };
      if (!ctx.scenarioIds().includes(DEFAULT_SCENARIO)) return undefined;
      return { scenario: ctx.scenario(DEFAULT_SCENARIO) };
    },
    store: () => ctx.panel(),
    events() {
      reader ??= (async () => {
        if (ctx.options.eventStore !== undefined)
          return { backend: await clickHouseEvents(ctx, ctx.options.eventStore) };
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

/** An operation's HTTP routes as a list. */
export function httpSpecs(op: Operation): HttpSpec[] {
  if (!op.http) return [];
  return Array.isArray(op.http) ? op.http : [op.http];
}

/** The OpenAPI schema of one parameter. */
export function openApiSchema(prm: AnyParam, body = false): Record<string, unknown> {
  const s = prm.spec;
  const base: Record<string, unknown> = (() => {
    switch (s.kind) {
      case "code":
        return { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]{1,11}$" };
      case "codes":
        return body
          ? { type: "array", items: { type: "string" } }
          : { type: "string", description: "comma-separated actor codes such as RUS,USA" };
      case "year":
        return { type: "integer", minimum: 1800, maximum: 2100 };
      case "date":
        return { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
      case "enum":
        return { type: "string", enum: [...(s.values ?? [])] };
      case "enums":
        return {
          type: "string",
          description: `comma-separated, each one of ${(s.values ?? []).join(", ")}`,
        };
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

function served(op: Operation): [string, AnyParam][] {
  return Object.entries(op.params).filter(([, prm]) => !prm.spec.localOnly);
}

const describeParam = (prm: AnyParam) =>
  prm.spec.defaultNote ? `${prm.spec.help} (default: ${prm.spec.defaultNote})` : prm.spec.help;

/** The query parameters of an operation's GET route, for OpenAPI. */
export function openApiParameters(op: Operation, http: HttpSpec): OpenApiParameter[] {
  const aliases = Object.entries(http.aliases ?? {}).map(([alias, key]) => ({
    name: alias,
    in: "query" as const,
    required: false,
    schema: openApiSchema(op.params[key]),
    description: `another name for ${key}`,
  }));
  const aliased = new Set(Object.values(http.aliases ?? {}));
  return served(op)
    .map(([name, prm]) => ({
      name,
      in: "query" as const,
      required: prm.spec.required && !aliased.has(name),
      schema: openApiSchema(prm),
      description: describeParam(prm),
    }))
    .concat(aliases);
}

/** The JSON body of an operation's POST route (or job), for OpenAPI. */
export function openApiBody(op: Operation, http?: HttpSpec): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const required: string[] = [];
  const names = new Map(Object.entries(http?.aliases ?? {}).map(([a, k]) => [k, a]));
  for (const [name, prm] of served(op)) {
    const key = names.get(name) ?? name;
    props[key] = { ...openApiSchema(prm, true), description: describeParam(prm) };
    if (prm.spec.required) required.push(key);
  }
  return { type: "object", properties: props, required };
}

/** Input for an operation from a query or a body: only its HTTP parameters, aliases resolved. */
function httpInput(
  op: Operation,
  http: HttpSpec | undefined,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const aliases = http?.aliases ?? {};
  for (const [k, v] of Object.entries(raw)) {
    const key = aliases[k] ?? (k in op.params ? k : undefined);
    if (key !== undefined && key in op.params && !op.params[key].spec.localOnly && !(key in input))
      input[key] = v;
  }
  return input;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, "request body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new HttpError(400, "request body must be a JSON object");
  return body as Record<string, unknown>;
}

/** BigInts (64-bit seeds) as decimal strings in JSON. */
const toJson = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

/**
 * Serve an operation: each of its routes validates its input (query string, or JSON body for POST)
 * with the operation's schema and answers exactly what `run` returns (shared among identical
 * requests on a read-only server when the route says `memo`), described in the OpenAPI document
 * from the same declaration; with `job`, it is also a job kind.
 */
export function addOperationRoutes(app: Hono, ctx: ServerContext, op: Operation): void {
  for (const http of httpSpecs(op)) {
    describe(app, {
      method: http.method,
      path: http.path,
      tag: http.tag,
      summary: op.summary,
      ...(http.method === "get"
        ? { parameters: openApiParameters(op, http) }
        : { bodySchema: openApiBody(op, http) }),
      responses: http.responses,
    });
    const handle = async (c: Context) => {
      try {
        const raw = http.method === "get" ? c.req.query() : await jsonBody(c);
        const params = parseParams(op, httpInput(op, http, raw));
        const compute = async () => {
          const oc = serverOpContext(ctx);
          try {
            const result = await op.run(oc, params);
            const keep = typeof http.memo === "function" ? http.memo(result as never) : true;
            return { json: toJson(result), keep };
          } finally {
            await oc.close?.();
          }
        };
        const r =
          http.memo && !ctx.writable
            ? await ctx.memo(`${op.name}|${toJson(params)}`, compute, (v) => v.keep)
            : await compute();
        return c.body(r.json, 200, { "Content-Type": "application/json" });
      } catch (e) {
        throw toHttpError(e);
      }
    };
    if (http.method === "get") app.get(http.path, handle);
    else app.post(http.path, handle);
  }
  if (op.job) {
    const localKeys = Object.entries(op.params)
      .filter(([, prm]) => prm.spec.localOnly)
      .map(([k]) => k);
    const schema = z.object(
      Object.fromEntries(
        Object.entries(op.schema.shape).filter(([k]) => !localKeys.includes(k)),
      ) as z.ZodRawShape,
    );
    jobsFor(ctx).define({
      name: op.job.kind,
      summary: op.summary,
      params: schema,
      maxSeconds: op.job.maxSeconds,
      async run(params, control) {
        const oc = serverOpContext(ctx, control.signal);
        try {
          const result = await op.run(oc, params as never, (f, m) => control.progress(f, m));
          return JSON.parse(toJson(result));
        } catch (e) {
          const h = toHttpError(e);
          throw h instanceof Error ? new Error(h.message) : h;
        } finally {
          await oc.close?.();
        }
      },
    });
  }
}

/** Serve every operation that has an HTTP form or a job kind. */
export function addAllOperationRoutes(
  app: Hono,
  ctx: ServerContext,
  ops: readonly Operation[],
): void {
  for (const op of ops) addOperationRoutes(app, ctx, op);
}
