/** Periods in a claims file: "YYYY", "YYYY-YYYY" (inclusive years) or "YYYY-MM-DD" (an instant). */
export const PERIOD_PATTERN = /^(\d{4})(-(\d{4})|-(\d{2})-(\d{2}))?$/;

/** A year or a range of years as [from, to]. */
export function yearRange(p: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(p);
  if (!m) throw new Error(`not a year or range of years: ${p}`);
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (b < a) throw new Error(`the range ${p} ends before it starts`);
  return [a, b];
}

/** An instant "YYYY-MM-DD" (00:00 UTC) in ms since the epoch. */
export function instant(p: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p)) throw new Error(`not a date YYYY-MM-DD: ${p}`);
  const t = Date.parse(`${p}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date: ${p}`);
  return t;
}

export const fmtRange = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}–${b}`);
