import type { z } from "zod";
import type { OpContext, Progress } from "./context.ts";
import type { ParamShape, ParamsOutput } from "./params.ts";
import { zod } from "./zod.ts";

/** How an operation is served over HTTP. */
export interface HttpSpec {
  /**
   * "get": a GET route, parameters in the query string; "post": a POST route under
   * `/api/compute/`, parameters as a JSON body (for large inputs such as posted scenarios).
   */
  method: "get" | "post";
  /** Route path, e.g. `/api/alignment`. */
  path: string;
  /** OpenAPI tag ("measures", "network", ...). */
  tag?: string;
  /**
   * Identical requests share one answer (only for pure functions of the
   * parameters and the shipped data). A function decides which results are kept (e.g. only
   * proven-optimal solves).
   */
  memo?: boolean | ((result: never) => boolean);
  /**
   * CPU-bound (seconds of synchronous work): the server runs it in its own worker thread under the
   * job limits, so the event loop stays free; it may use the panel (DuckDB): such a thread is
   * never terminated, it runs to its end. Not for operations that read imported events.
   * (Operations with a `job` always run in a worker on the server, terminated on cancel: a job's
   * operation must not use DuckDB.)
   */
  worker?: boolean;
  /**
   * POST: a `text/csv` body fills this parameter (e.g. an edge list). (The server refuses
   * `text/plain` bodies with 415: a page of another origin may send them without a preflight.)
   */
  textBody?: string;
  /** Other names a query may use for a parameter (`{ iso3: "country" }`). */
  aliases?: Record<string, string>;
  /** Extra documented responses beside 200/400, by status code. */
  responses?: Record<string, string>;
}

/** One operation, declared once; every surface is derived from it. */
export interface Operation<P extends ParamShape = ParamShape, R = unknown> {
  /** The command, words separated by spaces: "alignment", "corridors compare". */
  name: string;
  /** One line for help, docs and OpenAPI. */
  summary: string;
  params: P;
  /** Parameters given as positional arguments on the command line, in order. */
  positionals?: readonly (keyof P & string)[];
  /** Its routes (none: `false`). */
  http: HttpSpec | HttpSpec[] | false;
  /**
   * Also a job kind (`POST /api/compute/jobs {kind, params}`, polled at `/api/jobs/:id` with
   * progress) for computations that take long.
   */
  job?: { kind: string; maxSeconds?: number };
  /** Compute the result: exactly what `--json` prints, the API answers and the library returns. */
  run(ctx: OpContext, params: ParamsOutput<P>, progress?: Progress): Promise<R>;
  /** The human form on the command line (default: the JSON). */
  print?(result: R, params: ParamsOutput<P>): void;
  /**
   * The command's exit code for a result (e.g. 1 when a check found problems); the result is still
   * printed (and returned by the library, which does not throw for it). Default 0.
   */
  exitCode?(result: R): number;
  /** Local options the command takes beside its parameters (store file, ClickHouse). */
  uses?: {
    /** `--db <path>`; a string is its default (":memory:" when the reference panel needs no file). */
    db?: boolean | string;
    /** `--store <url>`: imported events from ClickHouse. */
    eventStore?: boolean;
  };
  /** The zod object validating every surface's input (derived; zod must be loaded: ./zod.ts). */
  readonly schema: z.ZodObject;
  /** The library function's name: "corridors compare" → "corridorsCompare" (derived). */
  readonly fnName: string;
}

/** "corridors compare" → "corridorsCompare"; "simulate doctrine" → "simulateDoctrine". */
export function functionName(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

/** Declare an operation (see CONTRIBUTING.md, "Adding an operation"). */
export function defineOperation<P extends ParamShape, R>(
  op: Omit<Operation<P, R>, "schema" | "fnName">,
): Operation<P, R> {
  for (const k of op.positionals ?? [])
    if (!(k in op.params)) throw new Error(`${op.name}: positional ${k} is not a parameter`);
  let schema: z.ZodObject | undefined;
  const out = { ...op, fnName: functionName(op.name) } as Operation<P, R>;
  // Built on first use, so that loading the operation list does not load zod.
  Object.defineProperty(out, "schema", {
    enumerable: true,
    get: () => {
      schema ??= zod().object(
        Object.fromEntries(Object.entries(op.params).map(([k, v]) => [k, v.zod])),
      );
      return schema;
    },
  });
  return out;
}
