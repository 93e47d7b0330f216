import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { datePrecision, dateStart } from "../model/partial-date.ts";
import { type Scenario, ScenarioMeta } from "../model/scenario.ts";
import { checkScenarioReferences } from "./check-references.ts";
import { type Problem, ValidationError } from "./problem.ts";
import { readTable, type TableRow } from "./read-table.ts";
import { SCENARIO_FILES } from "./scenario-files.ts";

export interface LoadedScenario {
  scenario?: Scenario;
  problems: Problem[];
  /** Line of each record, by file and index, for tracing a figure back to its row. */
  lines: Record<string, number[]>;
}

/**
 * Read and validate a scenario folder. Returns every problem found (never only the first); a
 * scenario is returned only when there are none, so nothing is ever half-loaded.
 */
export function readScenario(dir: string): LoadedScenario {
  const problems: Problem[] = [];
  const lines: Record<string, number[]> = {};
  const metaPath = join(dir, "scenario.yaml");
  let meta: ScenarioMeta | undefined;
  if (!existsSync(metaPath)) {
    problems.push({
      file: metaPath,
      line: 0,
      field: "(file)",
      message: "missing: a scenario folder needs scenario.yaml (id, name, focal, from, to)",
    });
  } else {
    try {
      const lc = new LineCounter();
      const doc = parseDocument(readFileSync(metaPath, "utf8"), {
        prettyErrors: true,
        lineCounter: lc,
      });
      if (doc.errors.length > 0) throw doc.errors[0];
      const raw = doc.toJS() ?? {};
      // YAML reads 2011 as a number; dates are strings in the model.
      const dates = (o: unknown) => {
        if (o && typeof o === "object")
          for (const k of ["from", "to"])
            if (typeof (o as Record<string, unknown>)[k] === "number")
              (o as Record<string, unknown>)[k] = String((o as Record<string, unknown>)[k]);
      };
      dates(raw);
      if (raw.curated && typeof raw.curated === "object")
        for (const d of Object.values(raw.curated)) dates(d);
      if (Array.isArray(raw.complete)) for (const d of raw.complete) dates(d);
      // The line of the YAML node at a schema path (the deepest node that exists).
      const lineOf = (path: readonly PropertyKey[]): number => {
        let node: unknown = doc.contents;
        let line = 0;
        for (const k of path) {
          if (!(isMap(node) || isSeq(node))) break;
          const next = node.get(k as never, true);
          const pair = isMap(node)
            ? node.items.find((p) => (p.key as { value?: unknown })?.value === k)
            : undefined;
          const range =
            (pair?.key as { range?: number[] })?.range ?? (next as { range?: number[] })?.range;
          if (range) line = lc.linePos(range[0]).line;
          if (next === undefined) break;
          node = next;
        }
        return line;
      };
      const r = ScenarioMeta.safeParse(raw);
      if (r.success) meta = r.data;
      else
        for (const issue of r.error.issues)
          problems.push({
            file: metaPath,
            line: lineOf(
              issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path,
            ),
            field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(file)",
            message: issue.message,
          });
    } catch (e) {
      const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
      problems.push({
        file: metaPath,
        line,
        field: "(yaml)",
        message: `not valid YAML: ${(e as Error).message.split("\n")[0]}`,
      });
    }
  }

  const tables: Record<string, TableRow<unknown>[]> = {};
  for (const spec of SCENARIO_FILES) {
    const path = join(dir, spec.file);
    if (!existsSync(path)) {
      if (spec.required)
        problems.push({
          file: path,
          line: 0,
          field: "(file)",
          message: `missing: a scenario folder needs ${spec.file}`,
        });
      tables[spec.key] = [];
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
    } catch {
      problems.push({
        file: path,
        line: 0,
        field: "(file)",
        message: "not UTF-8 text: save the file as UTF-8 CSV",
      });
      tables[spec.key] = [];
      continue;
    }
    const r = readTable(path, text, spec.columns, spec.schema);
    for (const x of r.problems) problems.push(x); // no spread: a file may have >100k problems
    // A file cut short (an interrupted copy or download) loses the line break after its last row,
    // and the last row may look complete: say so rather than load a possibly cut record.
    if (text.length > 0 && !text.endsWith("\n")) {
      const last = text.split("\n").length;
      problems.push({
        file: path,
        line: last,
        field: "(row)",
        message:
          "the file does not end with a line break: its last row may be cut short (an interrupted copy?); check the row and end the file with a line break",
      });
    }
    tables[spec.key] = r.rows;
    lines[spec.key] = r.rows.map((x) => x.line);
  }

  // Event dates: an explicit precision must agree with the date as written.
  for (const row of tables.events as TableRow<{ date: string; datePrecision?: string }>[]) {
    const { date, datePrecision: p } = row.value;
    if (p !== undefined && p !== datePrecision(date)) {
      problems.push({
        file: join(dir, "events.csv"),
        line: row.line,
        field: "date_precision",
        message: `says "${p}" but the date "${date}" is given to the ${datePrecision(date)}`,
      });
    }
  }
  // Intervals must not end before they start.
  for (const spec of SCENARIO_FILES) {
    if (spec.key === "flows") continue; // flows' from/to are actors, not dates
    for (const row of tables[spec.key] as TableRow<{ from?: unknown; to?: unknown }>[]) {
      const { from, to } = row.value;
      if (typeof from === "string" && typeof to === "string" && dateStart(to) < dateStart(from)) {
        problems.push({
          file: join(dir, spec.file),
          line: row.line,
          field: "to",
          message: `ends (${to}) before it starts (${from})`,
        });
      }
    }
  }

  if (meta) for (const x of checkScenarioReferences(dir, meta, tables)) problems.push(x);
  if (problems.length > 0 || !meta) return { problems, lines };
  const value = <T>(key: string) => (tables[key] as TableRow<T>[]).map((r) => r.value);
  const scenario: Scenario = {
    meta,
    dir,
    actors: value("actors"),
    memberships: value("memberships"),
    poles: value("poles"),
    rivalries: value("rivalries"),
    levels: value("levels"),
    ties: value("ties"),
    events: value("events"),
    flows: value("flows"),
    projects: value("projects"),
  };
  return { scenario, problems, lines };
}

/** Load a scenario folder or throw a `ValidationError` listing every problem. */
export function loadScenario(dir: string): Scenario {
  const r = readScenario(dir);
  if (!r.scenario) throw new ValidationError(r.problems);
  return r.scenario;
}
