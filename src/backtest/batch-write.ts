/**
 * Writer of ANA's backtest batch format (docs/backtest-format.md): the inverse of `parseBatch`
 * for issues on their own scales (saliences 0–100), so that any set of issues (e.g. read from a DEU file) can be
 * saved, edited and scored again with `ana backtest batch`.
 */
import { hasControl } from "./batch.ts";
import type { BacktestIssue } from "./types.ts";

export const BATCH_WRITE_DEFAULTS = Object.freeze({
  /** A comment written at the top of the file (one line per entry). */
  comment: ["ANA backtest batch file (docs/backtest-format.md)"] as readonly string[],
});
export type BatchWriteOptions = Partial<typeof BATCH_WRITE_DEFAULTS>;

/** Quote a field when the reader would otherwise split, trim or skip it. */
function field(s: string): string {
  if (hasControl(s))
    throw new Error(`batch: ${JSON.stringify(s)} contains a control character (tab, newline)`);
  if (s !== s.trim())
    throw new Error(
      `batch: ${JSON.stringify(s)} has leading or trailing spaces, which the reader drops`,
    );
  return /[,"]|^#/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const num = (v: number) => {
  if (!Number.isFinite(v)) throw new Error(`batch: ${v} is not a finite number`);
  return String(v);
};

/** Names that start a block or name a key cannot be the first column of an actor row. */
const KEYLIKE = /^(issue|id)$/i;

/** The batch text of `issues` (`source` and `notes` are not written). */
export function formatBatch(
  issues: readonly BacktestIssue[],
  options: BatchWriteOptions = {},
): string {
  const o = { ...BATCH_WRITE_DEFAULTS, ...options };
  const out: string[] = o.comment.map((c) => `# ${c.replace(/[\r\n]+/g, " ")}`);
  for (const is of issues) {
    out.push("", `issue,${field(is.id)}`);
    if (is.proposal) out.push(`proposal,${field(is.proposal)}`);
    if (is.procedure) out.push(`procedure,${field(is.procedure)}`);
    if (is.rule) out.push(`rule,${field(is.rule)}`);
    if (is.scale) out.push(`scale,${num(is.scale[0])},${num(is.scale[1])}`);
    if (is.reference !== null) out.push(`reference,${num(is.reference)}`);
    out.push(`outcome,${is.outcome === null ? "" : num(is.outcome)}`);
    out.push("salience scale,100");
    // An actor called "issue" would start a new block in the first column: put names last then.
    const last = is.actors.some((a) => KEYLIKE.test(a.id.trim().replace(/[\s_-]+/g, "")));
    out.push(last ? "Capability,Position,Salience,Actor" : "Actor,Capability,Position,Salience");
    for (const a of is.actors) {
      const v = [num(a.capability), num(a.position), num(a.salience)];
      out.push((last ? [...v, field(a.id)] : [field(a.id), ...v]).join(","));
    }
  }
  return `${out.join("\n")}\n`;
}
