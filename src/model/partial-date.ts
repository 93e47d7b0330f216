import { z } from "zod";

/** How precisely a date is known. A fact dated only to a month is not given an invented day. */
export type DatePrecision = "day" | "month" | "year";

/**
 * A date known to a day, a month or a year: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. The string is
 * kept as written so that output never claims more precision than the source gave.
 */
export const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision a partial date string carries, or `undefined` when it is not a valid date. */
export function datePrecision(value: string): DatePrecision | undefined {
  const m = PARTIAL_DATE_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1800 || year > 2100) return undefined;
  if (m[2] === undefined) return "year";
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return "month";
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return "day";
}

/** First day covered by a partial date, as `YYYY-MM-DD` (used for ordering and range filters). */
export function dateStart(value: string): string {
  const p = datePrecision(value);
  if (p === "day") return value;
  if (p === "month") return `${value}-01`;
  if (p === "year") return `${value}-01-01`;
  throw new Error(`partial-date: "${value}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
}

/** Last day covered by a partial date, as `YYYY-MM-DD`. */
export function dateEnd(value: string): string {
  const p = datePrecision(value);
  if (p === "day") return value;
  const [y, m] = value.split("-").map(Number);
  if (p === "month") {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, "0")}`;
  }
  if (p === "year") return `${value}-12-31`;
  throw new Error(`partial-date: "${value}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
}

/** The year of a partial date. */
export function dateYear(value: string): number {
  return Number(value.slice(0, 4));
}

/** Whether an interval [from, to] (partial dates, `to` open when missing) covers a day. */
export function coversDate(from: string | undefined, to: string | undefined, day: string): boolean {
  if (from !== undefined && dateStart(from) > day) return false;
  if (to !== undefined && dateEnd(to) < day) return false;
  return true;
}

/** Whether an interval [from, to] overlaps the calendar year `year`. */
export function coversYear(
  from: string | undefined,
  to: string | undefined,
  year: number,
): boolean {
  if (from !== undefined && dateYear(from) > year) return false;
  if (to !== undefined && dateYear(to) < year) return false;
  return true;
}

export const partialDate = z.string().refine((v) => datePrecision(v) !== undefined, {
  message: "not a valid date: write YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)",
});
