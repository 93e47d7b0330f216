import type { Context, Hono } from "hono";
import { z } from "zod";
import { HttpError, type ServerContext } from "../server/context.ts";
import { jobsFor } from "../server/jobs.ts";
import { describe } from "../server/openapi.ts";
import type { HttpSpec, Operation } from "./define.ts";
import { OpError, renderParamNames, UsageError } from "./errors.ts";
import { openApiBody, openApiParameters } from "./openapi.ts";
import { parseParams } from "./parse.ts";
import { serverOpContext } from "./server-context.ts";
import { provideZod } from "./zod.ts";

provideZod(z);

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
        const type = c.req.header("content-type") ?? "";
        const raw =
          http.method === "get"
            ? c.req.query()
            : http.textBody && /^text\/(csv|plain)/.test(type)
              ? { [http.textBody]: await c.req.text() }
              : await jsonBody(c);
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
