import type { z } from "zod";
import { parseCsv } from "./csv.ts";
import type { Problem } from "./problem.ts";

/** How one CSV column becomes one field of a record. */
export interface ColumnSpec {
  /** Column name in the CSV header (snake_case). */
  column: string;
  /** Field name in the model (camelCase). */
  key: string;
  type: "string" | "number" | "int" | "list";
  required?: boolean;
}

export interface TableRow<T> {
  line: number;
  value: T;
}

/**
 * Read a CSV file's text into validated records. Empty cells are missing values (never 0);
 * `list` cells are `;`-separated. Every problem names the file, line and column.
 */
export function readTable<T>(
  file: string,
  text: string,
  columns: ColumnSpec[],
  schema: z.ZodType<T>,
): { rows: TableRow<T>[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: TableRow<T>[] = [];
  const parsed = parseCsv(text);
  for (const e of parsed.errors)
    problems.push({ file, line: e.line, field: "(row)", message: e.message });
  const known = new Map(columns.map((c) => [c.column, c]));
  const index = new Map<string, number>();
  parsed.header.forEach((h, i) => {
    if (!known.has(h)) {
      problems.push({
        file,
        line: 1,
        field: h || `(column ${i + 1})`,
        message: `unknown column: expected some of ${columns.map((c) => c.column).join(", ")}`,
      });
    } else if (index.has(h)) {
      problems.push({ file, line: 1, field: h, message: "column appears twice in the header" });
    } else index.set(h, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.column)) {
      problems.push({
        file,
        line: 1,
        field: c.column,
        message: "required column is missing from the header",
      });
    }
  }
  if (problems.some((p) => p.line === 1)) return { rows, problems };

  const byKey = new Map(columns.map((c) => [c.key, c.column]));
  for (const rec of parsed.records) {
    if (rec.fields.length !== parsed.header.length) {
      problems.push({
        file,
        line: rec.line,
        field: "(row)",
        message: `has ${rec.fields.length} fields, the header has ${parsed.header.length}: check commas and quoting`,
      });
      continue;
    }
    const obj: Record<string, unknown> = {};
    let ok = true;
    for (const c of columns) {
      const i = index.get(c.column);
      if (i === undefined) continue;
      const raw = rec.fields[i].trim();
      if (raw === "") continue;
      if (c.type === "string") obj[c.key] = raw;
      else if (c.type === "list")
        obj[c.key] = raw
          .split(";")
          .map((s) => s.trim())
          .filter((s) => s !== "");
      else {
        const v = Number(raw);
        if (!Number.isFinite(v) || (c.type === "int" && !Number.isInteger(v))) {
          problems.push({
            file,
            line: rec.line,
            field: c.column,
            message: `"${raw}" is not ${c.type === "int" ? "a whole number" : "a number"} (write digits, "." for decimals, leave empty when unknown)`,
          });
          ok = false;
        } else obj[c.key] = v;
      }
    }
    if (!ok) continue;
    const r = schema.safeParse(obj);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const key = String(issue.path[0] ?? "(row)");
        const field = byKey.get(key) ?? key;
        const message =
          issue.code === "invalid_type" && obj[key] === undefined
            ? "missing value: this field is required"
            : issue.message;
        problems.push({ file, line: rec.line, field, message });
      }
      continue;
    }
    rows.push({ line: rec.line, value: r.data });
  }
  return { rows, problems };
}
