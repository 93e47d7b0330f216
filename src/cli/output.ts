/** Write a JSON document to stdout (the `--json` form of every command). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/\.?0+$/, "");
  if (Array.isArray(v)) return v.join(";");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * Print rows as an aligned text table (the human form). Missing values print as "—", never as 0.
 * Long cells are cut to `maxWidth` characters.
 */
export function printTable(input: readonly object[], columns?: string[], maxWidth = 60): void {
  const rows = input as Record<string, unknown>[];
  if (rows.length === 0) {
    process.stdout.write("(no rows)\n");
    return;
  }
  const cols = columns ?? Object.keys(rows[0]);
  const text = rows.map((r) =>
    cols.map((c) => {
      const s = cell(r[c]);
      return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
    }),
  );
  const widths = cols.map((c, i) => text.reduce((w, t) => Math.max(w, t[i].length), c.length));
  const line = (xs: string[]) =>
    xs
      .map((x, i) => x.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(cols)}\n${line(widths.map((w) => "-".repeat(w)))}\n`);
  for (const t of text) process.stdout.write(`${line(t)}\n`);
}
