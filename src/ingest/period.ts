/** First day of a YYYY, YYYY-MM or YYYY-MM-DD period, or undefined if not such a date. */
export function periodStart(s: string): string | undefined {
  if (/^\d{4}$/.test(s)) return `${s}-01-01`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return `${s}-01`;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)) return s;
  return undefined;
}

/** Last day of a YYYY, YYYY-MM or YYYY-MM-DD period, or undefined if not such a date. */
export function periodEnd(s: string): string | undefined {
  if (/^\d{4}$/.test(s)) return `${s}-12-31`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) {
    const [y, m] = s.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${s}-${String(last).padStart(2, "0")}`;
  }
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)) return s;
  return undefined;
}
