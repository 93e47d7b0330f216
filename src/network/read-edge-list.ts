import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import type { LabelledEdge } from "./signed-graph.ts";

/** The edges of one period of an edge-list file (period `null` when the file has no such column). */
export interface EdgePeriod {
  period: string | null;
  edges: LabelledEdge[];
}

export interface ReadEdgeListOptions {
  /** When false, a missing `sign` column or cell means +1 (brokerage on unsigned ties). */
  requireSign?: boolean;
}

const ALIASES: Record<string, string> = { from: "source", to: "target" };

/**
 * Read an edge-list CSV: header with `source,target,sign` (`from,to` accepted), optional
 * `weight` (> 0, default 1) and `period` columns; other columns are ignored. With `period`,
 * edges are grouped by period in order of first appearance. Every problem names
 * `file:line: field` and says what to do; all problems are reported together.
 */
export function readEdgeList(
  file: string,
  text: string,
  options: ReadEdgeListOptions = {},
): EdgePeriod[] {
  const requireSign = options.requireSign ?? true;
  const problems: Problem[] = [];
  const parsed = parseCsv(text);
  for (const e of parsed.errors)
    problems.push({ file, line: e.line, field: "(row)", message: e.message });
  const col = new Map<string, number>();
  parsed.header.forEach((h, i) => {
    const k = ALIASES[h.toLowerCase()] ?? h.toLowerCase();
    if (!col.has(k)) col.set(k, i);
  });
  for (const need of ["source", "target", ...(requireSign ? ["sign"] : [])])
    if (!col.has(need))
      problems.push({
        file,
        line: 1,
        field: need,
        message: `missing column: the header must name source,target,sign (optional weight, period); found "${parsed.header.join(",")}"`,
      });
  if (problems.some((p) => p.line === 1 || p.field === "(row)"))
    throw new ValidationError(problems);

  const periods = new Map<string | null, { edges: LabelledEdge[]; seen: Map<string, number> }>();
  const cell = (fields: string[], k: string) => {
    const i = col.get(k);
    return i === undefined ? undefined : (fields[i] ?? "").trim();
  };
  for (const { line, fields } of parsed.records) {
    const source = cell(fields, "source") ?? "";
    const target = cell(fields, "target") ?? "";
    const signText = cell(fields, "sign");
    const weightText = cell(fields, "weight");
    const period = col.has("period") ? (cell(fields, "period") ?? "") : null;
    let ok = true;
    const bad = (field: string, message: string) => {
      problems.push({ file, line, field, message });
      ok = false;
    };
    if (source === "") bad("source", "empty: every edge needs a source node");
    if (target === "") bad("target", "empty: every edge needs a target node");
    if (ok && source === target)
      bad(
        "target",
        `same as source ("${source}"): self-loops have no sign balance; remove the row`,
      );
    let sign: 1 | -1 = 1;
    if (signText === undefined || signText === "") {
      if (requireSign) bad("sign", "empty: give 1 (positive tie) or -1 (negative tie)");
    } else if (/^\+?1(\.0*)?$/.test(signText)) sign = 1;
    else if (/^-1(\.0*)?$/.test(signText)) sign = -1;
    else bad("sign", `"${signText}" is not a sign: give 1 (positive tie) or -1 (negative tie)`);
    let weight: number | undefined;
    if (weightText !== undefined && weightText !== "") {
      const w = Number(weightText);
      if (!Number.isFinite(w) || w <= 0)
        bad(
          "weight",
          `"${weightText}" is not a positive number: give a weight > 0 or leave it empty (1)`,
        );
      else weight = w;
    }
    if (period === "") bad("period", "empty: give the period this edge belongs to (e.g. 2019)");
    if (!ok) continue;
    let p = periods.get(period);
    if (!p) {
      p = { edges: [], seen: new Map() };
      periods.set(period, p);
    }
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const first = p.seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line,
        field: "target",
        message: `the pair ${source}–${target} already appears on line ${first}${period === null ? "" : ` (period ${period})`}: give each undirected pair once, with its net sign`,
      });
      continue;
    }
    p.seen.set(key, line);
    p.edges.push({ source, target, sign, ...(weight === undefined ? {} : { weight }) });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (periods.size === 0)
    throw new ValidationError([
      { file, line: 0, field: "(file)", message: "no edges: the file has a header but no rows" },
    ]);
  return [...periods].map(([period, p]) => ({ period, edges: p.edges }));
}
