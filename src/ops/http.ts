import type { Context, Hono } from "hono";
import { z } from "zod";
import { HttpError, type ServerContext } from "../server/context.ts";
import { jobsFor } from "../server/jobs.ts";
import { checkKnownStates } from "../server/known-states.ts";
import { runOperationInWorker } from "../server/op-worker.ts";
import { describe } from "../server/openapi.ts";
import type { HttpSpec, Operation } from "./define.ts";
import { OpError, renderParamNames, UsageError } from "./errors.ts";
import { openApiBody, openApiParameters } from "./openapi.ts";
import { parseParams } from "./parse.ts";
import { serverOpContext } from "./server-context.ts";
import { provideZod } from "./zod.ts";

provideZod(z);

/** Time limit (seconds) of a `worker` route that is not a job (a job has its own). */
export const WORKER_SECONDS = 120;

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
        await checkKnownStates(ctx, op, params as Record<string, unknown>);
        const inWorker = op.job !== undefined || http.worker === true;
        if (inWorker) {
          // Unknown or invalid scenarios answer before a thread starts.
          for (const [k, prm] of Object.entries(op.params)) {
            const v = (params as Record<string, unknown>)[k];
            if (prm.spec.kind === "scenario" && typeof v === "string") ctx.scenario(v);
          }
        }
        // CPU-bound work runs in its own worker under the job limits (≤ maxRunning at once, a time
        // limit), terminated when the client leaves, unless the answer is shared (memo): then it
        // finishes for the others and is kept.
        const seconds = op.job?.maxSeconds ?? WORKER_SECONDS;
        const compute = async () => {
          if (inWorker) {
            const json = await jobsFor(ctx).runBounded(
              // `worker` routes read the panel through DuckDB: never terminated mid-query.
              (signal) =>
                runOperationInWorker(
                  op.name,
                  params,
                  ctx.options,
                  { signal },
                  { terminate: op.job !== undefined },
                ),
              { seconds, signal: http.memo ? undefined : c.req.raw.signal },
            );
            const keep =
              typeof http.memo === "function" ? http.memo(JSON.parse(json) as never) : true;
            return { json, keep };
          }
          const oc = serverOpContext(ctx);
          try {
            const result = await op.run(oc, params);
            const keep = typeof http.memo === "function" ? http.memo(result as never) : true;
            return { json: toJson(result), keep };
          } finally {
            await oc.close?.();
          }
        };
        // Memoised routes are pure functions of the parameters and the shipped data, so a writable
        // server (no route writes what they read) caches them too.
        const r = http.memo
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
      // In its own worker thread, terminated on cancel and at the time limit.
      async run(params, control) {
        const json = await runOperationInWorker(op.name, params, ctx.options, {
          signal: control.signal,
          progress: (f, m) => control.progress(f, m),
        });
        return JSON.parse(json);
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
