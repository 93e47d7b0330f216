import type { Operation } from "./define.ts";
import { UsageError } from "./errors.ts";
import type { ParamShape, ParamsOutput } from "./params.ts";

/**
 * Validate input against an operation's parameters. Bad input is a `UsageError` naming each bad
 * parameter as `{name}` (rendered per surface). `unknownKeys: "error"` (the library) also
 * refuses keys the operation does not have; the API ignores them as before.
 */
export function parseParams<P extends ParamShape>(
  op: Operation<P, unknown>,
  input: Record<string, unknown>,
  options: { unknownKeys?: "error" | "ignore"; allowed?: readonly string[] } = {},
): ParamsOutput<P> {
  if (options.unknownKeys === "error") {
    const extra = Object.keys(input).filter(
      (k) => !(k in op.params) && !(options.allowed ?? []).includes(k),
    );
    if (extra.length > 0)
      throw new UsageError(
        `${op.fnName}: unknown option${extra.length > 1 ? "s" : ""} ${extra.join(", ")} (options: ${[...Object.keys(op.params), ...(options.allowed ?? [])].join(", ")})`,
      );
  }
  const r = op.schema.safeParse(input);
  if (!r.success) {
    const msg = r.error.issues
      .map((i) => {
        const key = i.path[0];
        return typeof key === "string" ? `{${key}} ${i.message}` : i.message;
      })
      .join("; ");
    throw new UsageError(msg);
  }
  return r.data as ParamsOutput<P>;
}

/** Check a year range: from ≤ to and at most `maxYears` years. */
export function checkYearRange(
  p: { from?: number | string; to?: number | string },
  maxYears?: number,
): void {
  if (p.from === undefined || p.to === undefined) return;
  const a = typeof p.from === "number" ? p.from : Number(String(p.from).slice(0, 4));
  const b = typeof p.to === "number" ? p.to : Number(String(p.to).slice(0, 4));
  if (String(p.from) > String(p.to) && a >= b)
    throw new UsageError(`{from} ${p.from} is after {to} ${p.to}`);
  if (maxYears !== undefined && b - a > maxYears)
    throw new UsageError(`at most ${maxYears} years at a time ({from}–{to})`);
}
