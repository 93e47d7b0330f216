/** Why a line was not imported. */
export type RejectReason =
  | "wrong-column-count"
  | "invalid-utf8"
  | "binary-data"
  | "bad-date"
  | "missing-event-code"
  | "unknown-event-code"
  | "bad-number"
  | "bad-json"
  | "not-an-event"
  | "truncated-file"
  | "line-too-long";

export interface BadLine {
  line: number;
  reason: RejectReason;
  detail: string;
}

/** How many bad lines keep their number and detail for the summary. */
export const FIRST_BAD_LINES = 10;

/**
 * Counts rejected lines by reason and keeps the first few with their line numbers, plus
 * non-fatal warnings (unmapped actors, a source weight that disagrees with its table).
 */
export class RejectLog {
  readonly byReason: Partial<Record<RejectReason, number>> = {};
  readonly first: BadLine[] = [];
  readonly warnings: Record<string, number> = {};
  total = 0;

  reject(line: number, reason: RejectReason, detail: string): void {
    this.total++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.first.length < FIRST_BAD_LINES) this.first.push({ line, reason, detail });
  }

  warn(kind: string, n = 1): void {
    this.warnings[kind] = (this.warnings[kind] ?? 0) + n;
  }
}
