/**
 * Apply hypothetical changes to a scenario: add, remove or update rows of any scenario table
 * (events, ties, flows, projects, memberships, poles, rivalries, levels, actors). Added and updated
 * rows are validated with the same schemas as the scenario's CSV rows, and the changed scenario
 * passes the same cross-file reference checks; every problem names the changes file, line and field.
 *
 * changes.yaml:
 *   changes:
 *     - op: add | remove | update
 *       table: flows
 *       row: { ... }          # add: the new row (CSV column names or model field names)
 *       where: { ... }        # remove/update: fields a row must match (all of them)
 *       set: { ... }          # update: fields to change
 * A row without `source` gets "hypothetical (what-if)", so a hypothetical is never mistaken for a fact.
 */
import { isMap, isScalar, parseDocument } from "yaml";
import { checkScenarioReferences } from "../data/check-references.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import type { TableRow } from "../data/read-table.ts";
import { SCENARIO_FILES, type ScenarioFileSpec } from "../data/scenario-files.ts";
import type { Scenario } from "../model/scenario.ts";

export type TableKey = ScenarioFileSpec["key"];

export interface Change {
  op: "add" | "remove" | "update";
  table: TableKey;
  row?: Record<string, unknown>;
  where?: Record<string, unknown>;
  set?: Record<string, unknown>;
  line: number;
}

export interface AppliedChange {
  op: Change["op"];
  table: TableKey;
  rows: number;
  line: number;
}

const HYPOTHETICAL = "hypothetical (what-if)";
/** Keys a change may have. */
const CHANGE_KEYS = ["op", "table", "row", "where", "set"];
/** YAML aliases expanded at most (an alias bomb is refused, not expanded). */
const MAX_ALIASES = 100;

export function parseChanges(text: string, file = "changes.yaml"): Change[] {
  const doc = parseDocument(text);
  const lineAt = (off: number | undefined) =>
    off === undefined ? 0 : text.slice(0, off).split("\n").length;
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? 0,
    field: "(yaml)",
    message: e.message.split("\n")[0],
  }));
  if (problems.length) throw new ValidationError(problems);
  let root: { changes?: unknown } | null;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIASES }) as { changes?: unknown } | null;
  } catch (e) {
    throw new ValidationError([
      { file, line: 0, field: "(yaml)", message: (e as Error).message.split("\n")[0] },
    ]);
  }
  /** The line of key `key` in the mapping at `path` (the change's line when not found). */
  const keyLine = (path: (string | number)[], key: string, fallback: number) => {
    const node = doc.getIn(path, true);
    if (!isMap(node)) return fallback;
    for (const pair of node.items)
      if (isScalar(pair.key) && String(pair.key.value) === key) return lineAt(pair.key.range?.[0]);
    return fallback;
  };
  const seq = doc.get("changes", true) as
    | { items?: { range?: [number, number, number] }[] }
    | undefined;
  if (!root || !Array.isArray(root.changes)) {
    throw new ValidationError([
      {
        file,
        line: 1,
        field: "changes",
        message: "expected a top-level list `changes:` of {op, table, row|where|set}",
      },
    ]);
  }
  const tables = SCENARIO_FILES.map((f) => f.key);
  const out: Change[] = [];
  root.changes.forEach((c: Record<string, unknown>, k: number) => {
    const line = lineAt(seq?.items?.[k]?.range?.[0]);
    const bad = (field: string, message: string) => {
      problems.push({ file, line, field, message });
    };
    if (!c || typeof c !== "object") {
      bad(`changes[${k}]`, "each change must be a mapping");
      return;
    }
    const op = c.op as Change["op"];
    const table = c.table as TableKey;
    if (!["add", "remove", "update"].includes(op))
      bad("op", `must be add, remove or update, not "${String(c.op)}"`);
    if (!tables.includes(table))
      bad("table", `must be one of ${tables.join(", ")}, not "${String(c.table)}"`);
    const obj = (x: unknown) =>
      x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
    if (op === "add" && !obj(c.row)) bad("row", "an add needs `row:` with the new row's fields");
    if ((op === "remove" || op === "update") && !obj(c.where))
      bad("where", `a${op === "update" ? "n" : ""} ${op} needs \`where:\` naming the row(s)`);
    if (op === "update" && !obj(c.set))
      bad("set", "an update needs `set:` with the fields to change");
    for (const key of Object.keys(c))
      if (!CHANGE_KEYS.includes(key))
        problems.push({
          file,
          line: keyLine(["changes", k], key, line),
          field: key,
          message: `unknown key in a change: expected ${CHANGE_KEYS.join(", ")}`,
        });
    // Every field named in row/where/set must be a column (or model field) of the table: a
    // misspelt field would otherwise be dropped silently and the change "applied".
    const spec = SCENARIO_FILES.find((f) => f.key === table);
    if (spec)
      for (const part of ["row", "where", "set"] as const) {
        const m = obj(c[part]);
        if (!m) continue;
        for (const key of Object.keys(m))
          if (!spec.columns.some((col) => col.column === key || col.key === key))
            problems.push({
              file,
              line: keyLine(["changes", k, part], key, line),
              field: `${part}.${key}`,
              message: `unknown field of ${table}: expected one of ${spec.columns.map((col) => col.column).join(", ")}`,
            });
      }
    out.push({ op, table, row: obj(c.row), where: obj(c.where), set: obj(c.set), line });
  });
  if (problems.length) throw new ValidationError(problems);
  return out;
}

/** Turn CSV column names into model field names and normalise list/number/year cells. */
function toFields(spec: ScenarioFileSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const col = spec.columns.find((c) => c.column === k || c.key === k);
    const key = col?.key ?? k;
    let val = v;
    if (col?.type === "list" && typeof v === "string")
      val = v
        .split(";")
        .map((x) => x.trim())
        .filter(Boolean);
    if ((col?.type === "number" || col?.type === "int") && typeof v === "string" && v.trim() !== "")
      val = Number(v);
    if (col?.type === "string" && typeof v === "number") val = String(v);
    out[key] = val;
  }
  return out;
}

function matches(row: Record<string, unknown>, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([k, v]) => {
    const x = row[k];
    if (Array.isArray(x))
      return Array.isArray(v) ? JSON.stringify(x) === JSON.stringify(v) : x.includes(v);
    return String(x) === String(v);
  });
}

/** Apply changes to a copy of the scenario; throws ValidationError naming every problem. */
export function applyChanges(
  s: Scenario,
  changes: Change[],
  file = "changes.yaml",
): { scenario: Scenario; applied: AppliedChange[] } {
  const problems: Problem[] = [];
  const next = { ...s } as Scenario & Record<TableKey, Record<string, unknown>[]>;
  for (const spec of SCENARIO_FILES)
    (next as Record<string, unknown>)[spec.key] = (s[spec.key] as unknown[]).map((r) => ({
      ...(r as object),
    }));
  const applied: AppliedChange[] = [];
  // which change line produced each row (0 = the scenario's own row)
  const origin = Object.fromEntries(
    SCENARIO_FILES.map((f) => [f.key, (s[f.key] as unknown[]).map(() => 0)]),
  ) as Record<TableKey, number[]>;
  for (const c of changes) {
    const spec = SCENARIO_FILES.find((f) => f.key === c.table) as ScenarioFileSpec;
    const rows = next[c.table] as Record<string, unknown>[];
    const validate = (r: Record<string, unknown>) => {
      const res = spec.schema.safeParse(r);
      if (!res.success) {
        for (const i of res.error.issues)
          problems.push({
            file,
            line: c.line,
            field: `${c.table}.${String(i.path[0] ?? "(row)")}`,
            message: i.message,
          });
        return null;
      }
      return res.data as Record<string, unknown>;
    };
    if (c.op === "add") {
      const r = toFields(spec, c.row ?? {});
      if (r.source === undefined || r.source === "") r.source = HYPOTHETICAL;
      const v = validate(r);
      if (v) {
        rows.push(v);
        origin[c.table].push(c.line);
      }
      applied.push({ op: c.op, table: c.table, rows: v ? 1 : 0, line: c.line });
      continue;
    }
    const where = toFields(spec, c.where ?? {});
    const hit = rows.map((r, i) => (matches(r, where) ? i : -1)).filter((i) => i >= 0);
    if (hit.length === 0) {
      problems.push({
        file,
        line: c.line,
        field: "where",
        message: `no row of ${c.table} matches ${JSON.stringify(c.where)}`,
      });
      continue;
    }
    if (c.op === "remove") {
      (next as Record<string, unknown>)[c.table] = rows.filter((_, i) => !hit.includes(i));
      origin[c.table] = origin[c.table].filter((_, i) => !hit.includes(i));
    } else {
      const set = toFields(spec, c.set ?? {});
      for (const i of hit) {
        const v = validate({
          ...rows[i],
          ...set,
          notes: [rows[i].notes, "changed by what-if"].filter(Boolean).join("; "),
        });
        if (v) {
          rows[i] = v;
          origin[c.table][i] = c.line;
        }
      }
    }
    applied.push({ op: c.op, table: c.table, rows: hit.length, line: c.line });
  }
  {
    const tables = Object.fromEntries(
      SCENARIO_FILES.map((f) => [
        f.key,
        (next[f.key] as unknown[]).map((value, k) => ({ line: k + 2, value }) as TableRow<unknown>),
      ]),
    );
    const byFile = new Map(SCENARIO_FILES.map((f) => [f.file, f.key]));
    for (const p of checkScenarioReferences(s.dir, s.meta, tables)) {
      const key = byFile.get(p.file.split("/").pop() ?? "");
      const line = key ? (origin[key][p.line - 2] ?? 0) : 0;
      problems.push({
        ...p,
        file,
        line,
        message: `after the changes: ${p.message}${line ? "" : ` (${p.file.split("/").pop()} row ${p.line - 1})`}`,
      });
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return { scenario: next, applied };
}
