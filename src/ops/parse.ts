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

/**
 * Check a range of years or dates: `from` not after `to` (dates compared at their common
 * precision, so from 2020-05 to 2020 is fine), and at most `maxYears` years.
 */
export function checkYearRange(
  p: { from?: number | string; to?: number | string },
  maxYears?: number,
): void {
  if (p.from === undefined || p.to === undefined) return;
  const a = String(p.from);
  const b = String(p.to);
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) > b.slice(0, n)) throw new UsageError(`{from} ${p.from} is after {to} ${p.to}`);
  if (maxYears !== undefined && Number(b.slice(0, 4)) - Number(a.slice(0, 4)) > maxYears)
    throw new UsageError(`at most ${maxYears} years at a time ({from}–{to})`);
}
