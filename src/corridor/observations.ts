import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ValidationError } from "../data/problem.ts";
import { type ColumnSpec, readTable } from "../data/read-table.ts";

/**
 * Observed flows a network's assignment can be checked against (`observations.csv` next to the
 * network files; optional). Each row quotes its source.
 * - metric `flow`: the annual volume on `target` in `year` (TEU).
 * - metric `change`: the relative change of the volume on `target` from `base_year` to `year`
 *   (e.g. -0.56 for a 56 % fall), for series published only as changes or in other units.
 * - metric `ratio`: the volume on `target` over the volume on `denominator` in `year`, for years
 *   whose total demand is not sourced: the model's figure is then the ratio of the logit choice
 *   probabilities (capacities not applied), which needs no demand level.
 * `target` is `corridor:<name>` (routes whose `corridor` is the name) or `route:<id>`.
 * `direction` says what the figure counts: `westbound` (China→Europe, as the model's demand) or
 * `both` (both directions; the model has no eastbound flow, so such rows are shown but not scored).
 */
export const Observation = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$/),
  year: z.number().int().min(1900).max(2100),
  baseYear: z.number().int().min(1900).max(2100).optional(),
  metric: z.enum(["flow", "change", "ratio"]),
  target: z.string().regex(/^(corridor|route):[A-Za-z0-9_-]+$/, "corridor:<name> or route:<id>"),
  denominator: z
    .string()
    .regex(/^(corridor|route):[A-Za-z0-9_-]+$/, "corridor:<name> or route:<id>")
    .optional(),
  value: z.number(),
  unit: z.string(),
  direction: z.enum(["westbound", "both"]),
  definition: z.string(),
  source: z.string().regex(/^https?:\/\//, "a URL"),
  quote: z.string().min(1),
  note: z.string().optional(),
});
export type Observation = z.infer<typeof Observation> & { at: string };

const col = (column: string, key: string, type: ColumnSpec["type"], required = false) => ({
  column,
  key,
  type,
  required,
});
const COLUMNS: ColumnSpec[] = [
  col("id", "id", "string", true),
  col("year", "year", "int", true),
  col("base_year", "baseYear", "int"),
  col("metric", "metric", "string", true),
  col("target", "target", "string", true),
  col("value", "value", "number", true),
  col("unit", "unit", "string", true),
  col("direction", "direction", "string", true),
  col("definition", "definition", "string", true),
  col("source", "source", "string", true),
  col("quote", "quote", "string", true),
  col("note", "note", "string"),
  col("denominator", "denominator", "string"),
];

/** The observations of a network folder ([] when it has none); bad rows throw with file:line. */
export function loadObservations(dir: string): Observation[] {
  const path = join(dir, "observations.csv");
  if (!existsSync(path)) return [];
  const r = readTable(path, readFileSync(path, "utf8"), COLUMNS, Observation);
  const problems = [...r.problems];
  for (const row of r.rows) {
    const o = row.value;
    if (o.metric === "change" && o.baseYear === undefined)
      problems.push({
        file: path,
        line: row.line,
        field: "base_year",
        message: "a change needs base_year",
      });
    if (o.metric === "ratio" && o.denominator === undefined)
      problems.push({
        file: path,
        line: row.line,
        field: "denominator",
        message: "a ratio needs denominator",
      });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return r.rows.map((row) => ({ ...row.value, at: `${path}:${row.line}` }));
}
