import type { OpContext } from "./context.ts";
import { UsageError } from "./errors.ts";

/**
 * Solver time limits: a local caller may wait as long as it likes (default 60 s); a server
 * request is bounded (default 10 s, at most 20 s) so that one request cannot hold the server.
 */
export const TIME_LIMITS = { local: 60, server: 10, serverMax: 20 } as const;

/** The time limit for one solve, in seconds. */
export function timeLimit(ctx: OpContext, given: number | undefined): number {
  if (ctx.surface === "local") return given ?? TIME_LIMITS.local;
  if (given !== undefined && given > TIME_LIMITS.serverMax)
    throw new UsageError(`{timeLimit} must be at most ${TIME_LIMITS.serverMax} seconds here`);
  return given ?? TIME_LIMITS.server;
}

/** A count bounded more tightly on the server than locally (runs, years, actors). */
export function bounded(
  ctx: OpContext,
  name: string,
  value: number | undefined,
  max: { local: number; server: number },
): void {
  if (value === undefined) return;
  const m = ctx.surface === "local" ? max.local : max.server;
  if (value > m)
    throw new UsageError(
      `{${name}} must be at most ${m}${ctx.surface === "server" ? " on the server" : ""}, not ${value}`,
    );
}
