import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ValidationError } from "../data/problem.ts";
import { type ColumnSpec, readTable } from "../data/read-table.ts";
import type { At, Network } from "./load-network.ts";
import type { LinkRow, RiskRow } from "./schema.ts";

/**
 * A range (low, central, high) for a flagged assumption of the network: a country or passage risk
 * (`kind=risk`, `key` its code, the years selecting the country-risk.csv row) or a model
 * parameter (`kind=parameter`, `key` its name) or a link capacity (`kind=capacity`, `key` the link
 * id, the years selecting the links.csv row; its capacity must be a number). The central value is the one in the network
 * files; `assumption-ranges.csv` gives low, high and the reasoning.
 */
export const RangeRow = z
  .object({
    kind: z.enum(["risk", "parameter", "capacity"]),
    key: z.string().regex(/^[A-Za-z0-9_-]+$/),
    yearFrom: z.number().int().optional(),
    yearTo: z.number().int().optional(),
    low: z.number(),
    high: z.number(),
    /** Ranges in one group move together (one draw, one tornado bar), e.g. one sanctions regime. */
    group: z.string().optional(),
    reasoning: z.string().min(1),
  })
  .refine((r) => r.low <= r.high, { message: "low must not exceed high", path: ["low"] });
export type RangeRow = z.infer<typeof RangeRow>;

export interface AssumptionRange extends RangeRow {
  /** A readable name, e.g. "risk RUS 2022–". */
  name: string;
  central: number;
  at: string;
}

const col = (column: string, key: string, type: ColumnSpec["type"], required = false) => ({
  column,
  key,
  type,
  required,
});

/** The ranges of a network folder ([] when it has none), checked against the network. */
export function loadAssumptionRanges(net: Network): AssumptionRange[] {
  const path = join(net.dir, "assumption-ranges.csv");
  if (!existsSync(path)) return [];
  const r = readTable(
    path,
    readFileSync(path, "utf8"),
    [
      col("kind", "kind", "string", true),
      col("key", "key", "string", true),
      col("year_from", "yearFrom", "int"),
      col("year_to", "yearTo", "int"),
      col("low", "low", "number", true),
      col("high", "high", "number", true),
      col("group", "group", "string"),
      col("reasoning", "reasoning", "string", true),
    ],
    RangeRow,
  );
  const problems = [...r.problems];
  const out: AssumptionRange[] = [];
  for (const row of r.rows) {
    const v = row.value;
    let central: number | undefined;
    if (v.kind === "risk") {
      central = riskRow(net, v)?.risk;
      if (central === undefined)
        problems.push({
          file: path,
          line: row.line,
          field: "key",
          message: `no country-risk.csv row for ${v.key} with years ${v.yearFrom ?? ""}–${v.yearTo ?? ""}`,
        });
    } else if (v.kind === "capacity") {
      const c = linkRow(net, v)?.capacity;
      central = typeof c === "number" ? c : undefined;
      if (central === undefined)
        problems.push({
          file: path,
          line: row.line,
          field: "key",
          message: `no links.csv row for ${v.key} with years ${v.yearFrom ?? ""}–${v.yearTo ?? ""} and a numeric capacity`,
        });
    } else {
      central = net.params[v.key]?.value;
      if (central === undefined)
        problems.push({
          file: path,
          line: row.line,
          field: "key",
          message: `no parameter ${v.key}`,
        });
    }
    if (central !== undefined && (central < v.low || central > v.high))
      problems.push({
        file: path,
        line: row.line,
        field: "low",
        message: `the central value ${central} lies outside [${v.low}, ${v.high}]`,
      });
    if (central !== undefined)
      out.push({
        ...v,
        central,
        name: `${v.kind} ${v.key}${v.kind === "parameter" ? "" : ` ${v.yearFrom ?? ""}–${v.yearTo ?? ""}`}`,
        at: `${path}:${row.line}`,
      });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return out;
}

function linkRow(net: Network, v: RangeRow): At<LinkRow> | undefined {
  return net.links.find(
    (l) => l.id === v.key && l.yearFrom === v.yearFrom && l.yearTo === v.yearTo,
  );
}

function riskRow(net: Network, v: RangeRow): At<RiskRow> | undefined {
  return net.risks.find(
    (k) => k.code === v.key && k.yearFrom === v.yearFrom && k.yearTo === v.yearTo,
  );
}

/** A copy of the network with the given values for some ranges (others stay central). */
export function withValues(net: Network, values: Map<AssumptionRange, number>): Network {
  const risks = net.risks.map((k) => {
    for (const [r, x] of values)
      if (
        r.kind === "risk" &&
        k.code === r.key &&
        k.yearFrom === r.yearFrom &&
        k.yearTo === r.yearTo
      )
        return { ...k, risk: x };
    return k;
  });
  const params = { ...net.params };
  for (const [r, x] of values)
    if (r.kind === "parameter") params[r.key] = { ...params[r.key], value: x };
  const links = net.links.map((l) => {
    for (const [r, x] of values)
      if (
        r.kind === "capacity" &&
        l.id === r.key &&
        l.yearFrom === r.yearFrom &&
        l.yearTo === r.yearTo
      )
        return { ...l, capacity: x };
    return l;
  });
  return { ...net, risks, params, links };
}
