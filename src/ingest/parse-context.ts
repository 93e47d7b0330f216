import type { EventRow } from "./event-row.ts";
import type { QuadScheme } from "./quad-schemes.ts";
import type { RejectReason } from "./reject-log.ts";

/** What a format parser is given: where rows, rejects and warnings go, and the import's tables. */
export interface ParseContext {
  emit(row: EventRow): void;
  reject(line: number, reason: RejectReason, detail: string): void;
  warn(kind: string): void;
  /** The import's Goldstein table (CAMEO code → weight). */
  goldstein: ReadonlyMap<string, number>;
  quadScheme: QuadScheme;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date check (leap years included) for y-m-d numbers. */
export function validYmd(y: number, m: number, d: number): boolean {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS[m])) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return true;
}

/** YYYYMMDD or YYYY-MM-DD (optionally followed by a time) → YYYY-MM-DD, or null if not a date. */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  let m = /^(\d{4})(\d{2})(\d{2})(?:\d{6})?$/.exec(t);
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.Z+-]*)?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validYmd(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A finite number, null for empty/NA, or undefined when the text is not a number. */
export function num(s: string | null | undefined): number | null | undefined {
  if (s == null) return null;
  const t = s.trim();
  if (t === "" || t === "NA" || t === "None") return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}
