/**
 * Reader for ANA's generic backtest batch format (docs/backtest-format.md): one issue per block,
 * each block a few `key,value` lines (issue id, optional proposal, procedure, rule, reference point,
 * scale), the observed outcome, then a header row and KTAB-style actor rows
 * `Actor, Capability, Position, Salience` (any column order; KTAB's `Power`/`Influence` and its
 * one-dimension headers `… Position`/`… Salience` are accepted, other columns such as
 * `Description` are ignored). Comma- or tab-separated; `#` starts a comment line. Positions,
 * reference and outcome stay on the issue's scale (`scale`, default 0–100); saliences are returned
 * on 0–100. Every problem is reported as
 * file:line: field: message; nothing but a `ValidationError` ever leaves this function.
 */
import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import type { BacktestIssue } from "./types.ts";

export const BATCH_DEFAULTS = Object.freeze({
  /** Largest file read, in characters. */
  maxChars: 20_000_000,
  maxIssues: 10_000,
  maxActors: 250,
  minActors: 2,
  /** Longest issue id, actor name or text value. */
  maxText: 200,
  /** Problems collected before giving up. */
  maxProblems: 200,
});
export type BatchOptions = Partial<typeof BATCH_DEFAULTS>;

/** A number in decimal notation only: `12`, `-0.5`, `1e3` (never "", "0x10" or "Infinity"). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = /^(|na|n\/a|nan|null|-|\.)$/i;

/** Block keys (lower case, spaces/underscores/hyphens removed) → field. */
const KEYS = new Map<string, string>(
  Object.entries({
    issue: "issue",
    id: "issue",
    proposal: "proposal",
    procedure: "procedure",
    proc: "procedure",
    rule: "rule",
    decisionrule: "rule",
    reference: "reference",
    referencepoint: "reference",
    statusquo: "reference",
    rp: "reference",
    outcome: "outcome",
    out: "outcome",
    scale: "scale",
    saliencescale: "salienceScale",
    source: "source",
    note: "note",
  }),
);

const normKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
/** Control characters (tabs, newlines) are not allowed inside ids, names and texts. */
export function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

interface Block {
  line: number;
  id: string;
  meta: Map<string, { line: number; values: string[] }>;
  header?: { line: number; cols: Columns };
  /** Its header row was wrong (already reported): its actor rows are not read. */
  broken?: boolean;
  rows: { line: number; fields: string[] }[];
}

interface Columns {
  actor: number;
  capability: number;
  position: number;
  salience: number;
}

/** Which column is which in an actor header row; problems when one is missing or doubled. */
function headerColumns(fields: string[]): { cols?: Columns; errors: [string, string][] } {
  const h = fields.map((x) => x.trim().toLowerCase());
  const errors: [string, string][] = [];
  const find = (field: string, test: (x: string) => boolean): number => {
    const hits = h.flatMap((x, i) => (test(x) ? [i] : []));
    if (hits.length === 0) errors.push([field, `missing column ${field}`]);
    else if (hits.length > 1)
      errors.push([
        field,
        `${hits.length} ${field} columns (${hits.map((i) => `"${fields[i].trim()}"`).join(", ")}): a batch issue has one dimension`,
      ]);
    return hits[0] ?? -1;
  };
  const actor = find("Actor", (x) => x === "actor" || x === "name");
  const capability = find("Capability", (x) =>
    ["capability", "power", "influence", "clout", "c"].includes(x),
  );
  const position = find(
    "Position",
    (x) => x === "position" || x === "x" || x.endsWith(" position"),
  );
  const salience = find(
    "Salience",
    (x) => x === "salience" || x === "s" || x.endsWith(" salience"),
  );
  return errors.length ? { errors } : { cols: { actor, capability, position, salience }, errors };
}

function number(s: string | undefined): number | undefined {
  const t = (s ?? "").trim();
  if (!DECIMAL.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Parse a batch file's text into issues on the 0–100 scale. Throws `ValidationError` only. */
export function parseBatch(
  text: string,
  file = "<batch>",
  options: BatchOptions = {},
): BacktestIssue[] {
  const o = { ...BATCH_DEFAULTS, ...options };
  const problems: Problem[] = [];
  const bad = (line: number, field: string, message: string) => {
    if (problems.length < o.maxProblems) problems.push({ file, line, field, message });
  };
  if (typeof text !== "string") {
    bad(0, "file", "not text");
    throw new ValidationError(problems);
  }
  if (text.length > o.maxChars) {
    bad(0, "file", `larger than ${o.maxChars} characters`);
    throw new ValidationError(problems);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\0")) {
    bad(0, "file", "contains NUL bytes: not a text file");
    throw new ValidationError(problems);
  }
  // Line ends: CRLF, LF or a lone CR (as the CSV reader counts them). Comment lines become empty
  // lines, so line numbers stay those of the file.
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => (/^\s*#/.test(l) ? "" : l));
  const firstData = lines.find((l) => l.trim() !== "") ?? "";
  const delimiter = firstData.includes("\t") ? "\t" : ",";
  // A sentinel first line: parseCsv takes the first record as a header, and every record of the
  // file then keeps its line number (minus one).
  const parsed = parseCsv(`sentinel\n${lines.join("\n")}`, delimiter);
  for (const e of parsed.errors) bad(e.line - 1, "csv", e.message);
  const records = parsed.records
    .map((r) => ({ line: r.line - 1, fields: r.fields.map((f) => f.trim()) }))
    .map((r) => {
      const f = r.fields;
      while (f.length > 0 && f[f.length - 1] === "") f.pop();
      return r;
    })
    .filter((r) => r.fields.length > 0);

  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const r of records) {
    const key = KEYS.get(normKey(r.fields[0]));
    if (key === "issue") {
      const id = r.fields[1] ?? "";
      if (!id) bad(r.line, "issue", "an issue line needs an id: issue,<id>");
      else if (id.length > o.maxText)
        bad(r.line, "issue", `id longer than ${o.maxText} characters`);
      else if (hasControl(id))
        bad(r.line, "issue", "id contains a control character (tab, newline)");
      if (r.fields.length > 2) bad(r.line, "issue", "expected issue,<id> (one value)");
      if (blocks.length >= o.maxIssues) {
        bad(r.line, "issue", `more than ${o.maxIssues} issues in one file`);
        break;
      }
      cur = { line: r.line, id, meta: new Map(), rows: [] };
      blocks.push(cur);
      continue;
    }
    if (!cur) {
      bad(
        r.line,
        "issue",
        `expected an issue line (issue,<id>) before anything else, found "${r.fields[0].slice(0, 40)}"`,
      );
      continue;
    }
    if (cur.broken) continue;
    if (cur.header) {
      if (cur.rows.length >= o.maxActors)
        bad(r.line, "Actor", `more than ${o.maxActors} actors in issue "${cur.id}"`);
      else cur.rows.push(r);
      continue;
    }
    if (key) {
      if (cur.meta.has(key))
        bad(
          r.line,
          key,
          `given twice in issue "${cur.id}" (first on line ${cur.meta.get(key)?.line})`,
        );
      else cur.meta.set(key, { line: r.line, values: r.fields.slice(1) });
      continue;
    }
    const { cols, errors } = headerColumns(r.fields);
    if (cols) cur.header = { line: r.line, cols };
    else if (/^(actor|name)$/i.test(r.fields[0])) {
      for (const [field, message] of errors) bad(r.line, field, message);
      cur.broken = true;
    } else
      bad(
        r.line,
        "key",
        `unknown key "${r.fields[0].slice(0, 40)}" (expected proposal, procedure, rule, reference, scale, salience scale, outcome, source, note, or the actor header Actor,Capability,Position,Salience)`,
      );
  }
  if (blocks.length === 0 && problems.length === 0)
    bad(1, "file", "no issues: a batch file has blocks starting with issue,<id>");

  const issues: BacktestIssue[] = [];
  const seen = new Map<string, number>();
  for (const b of blocks) {
    const issue = b.broken ? undefined : readBlock(b, bad, o, file);
    if (b.id) {
      if (seen.has(b.id))
        bad(b.line, "issue", `duplicate issue id "${b.id}" (first on line ${seen.get(b.id)})`);
      else seen.set(b.id, b.line);
    }
    if (issue) issues.push(issue);
  }
  if (problems.length) throw new ValidationError(problems.sort((a, b) => a.line - b.line));
  return issues;
}

type Bad = (line: number, field: string, message: string) => void;

function readBlock(
  b: Block,
  bad: Bad,
  o: typeof BATCH_DEFAULTS,
  file: string,
): BacktestIssue | undefined {
  let ok = true;
  const fail: Bad = (line, field, message) => {
    ok = false;
    bad(line, field, message);
  };
  const text = (key: string): string | undefined => {
    const m = b.meta.get(key);
    if (!m) return undefined;
    if (m.values.length > 1)
      fail(m.line, key, `expected ${key},<text> (one value; quote text containing commas)`);
    const v = m.values[0] ?? "";
    if (v.length > o.maxText) fail(m.line, key, `longer than ${o.maxText} characters`);
    else if (hasControl(v)) fail(m.line, key, "contains a control character (tab, newline)");
    return v === "" ? undefined : v;
  };

  // Scale: lo,hi (default 0,100); every position, the reference and the outcome lie on it.
  let lo = 0;
  let hi = 100;
  const sc = b.meta.get("scale");
  if (sc) {
    const a = number(sc.values[0]);
    const z = number(sc.values[1]);
    if (sc.values.length !== 2 || a === undefined || z === undefined)
      fail(
        sc.line,
        "scale",
        `expected scale,<low>,<high> (two numbers), got "${sc.values.join(",")}"`,
      );
    else if (!(z > a)) fail(sc.line, "scale", `the high end ${z} must be above the low end ${a}`);
    else [lo, hi] = [a, z];
  }
  const onScale = (line: number, field: string, raw: string | undefined, required: boolean) => {
    const t = (raw ?? "").trim();
    if (MISSING.test(t)) {
      if (required) fail(line, field, `must be a number from ${lo} to ${hi}, got "${t}"`);
      return null;
    }
    const v = number(t);
    if (v === undefined || v < lo || v > hi) {
      fail(
        line,
        field,
        `must be a number from ${lo} to ${hi}${lo === 0 && hi === 100 ? "" : " (the issue's scale)"}, got "${t.slice(0, 40)}"`,
      );
      return null;
    }
    return v;
  };
  const single = (key: string) => {
    const m = b.meta.get(key);
    if (m && m.values.length > 1) fail(m.line, key, `expected ${key},<number> (one value)`);
    return m;
  };

  const out = single("outcome");
  if (!out)
    fail(
      b.line,
      "outcome",
      `issue "${b.id}" has no outcome line (outcome,<number>; leave the value empty if the outcome is unknown)`,
    );
  const outcome = out ? onScale(out.line, "outcome", out.values[0], false) : null;
  const ref = single("reference");
  const reference = ref ? onScale(ref.line, "reference", ref.values[0], false) : null;

  let salienceScale: 1 | 100 | undefined;
  const ss = single("salienceScale");
  if (ss) {
    const v = (ss.values[0] ?? "").trim();
    if (v === "1") salienceScale = 1;
    else if (v === "100") salienceScale = 100;
    else
      fail(
        ss.line,
        "salience scale",
        `must be 1 (saliences 0–1) or 100 (saliences 0–100), got "${v.slice(0, 40)}"`,
      );
  }
  const proposal = text("proposal");
  const procedure = text("procedure");
  const rule = text("rule");
  text("source");
  text("note");

  if (!b.header) {
    fail(
      b.line,
      "Actor",
      `issue "${b.id}" has no actor header row (Actor,Capability,Position,Salience)`,
    );
    return undefined;
  }
  const c = b.header.cols;
  // Saliences: 0–100, or 0–1 when every salience of the issue is at most 1 (as ANA's one-issue
  // bargaining tables); `salience scale` decides when given.
  const sal = b.rows.map((r) => number(r.fields[c.salience]));
  const factor = salienceScale
    ? 100 / salienceScale
    : sal.every((s) => s === undefined || s <= 1)
      ? 100
      : 1;
  const actors: BacktestIssue["actors"] = [];
  const names = new Map<string, number>();
  b.rows.forEach((r, k) => {
    const f = r.fields;
    const name = f[c.actor] ?? "";
    if (!name) fail(r.line, "Actor", "actor name is empty");
    else if (name.length > o.maxText)
      fail(r.line, "Actor", `name longer than ${o.maxText} characters`);
    else if (hasControl(name))
      fail(r.line, "Actor", "name contains a control character (tab, newline)");
    else if (names.has(name))
      fail(
        r.line,
        "Actor",
        `duplicate actor "${name}" in issue "${b.id}" (first on line ${names.get(name)})`,
      );
    else names.set(name, r.line);
    // An empty position: the actor took no position on this issue (left out, as DEU's empty cells).
    if (MISSING.test((f[c.position] ?? "").trim())) return;
    const position = onScale(r.line, "Position", f[c.position], true);
    const cap = number(f[c.capability]);
    if (cap === undefined || cap < 0)
      fail(
        r.line,
        "Capability",
        `must be a number ≥ 0, got "${(f[c.capability] ?? "").slice(0, 40)}"`,
      );
    const s = sal[k];
    const salience = s === undefined ? undefined : s * factor;
    if (salience === undefined || salience < 0 || salience > 100)
      fail(
        r.line,
        "Salience",
        `must be a number from 0 to ${factor === 100 ? 1 : 100}, got "${(f[c.salience] ?? "").slice(0, 40)}"`,
      );
    if (position !== null && cap !== undefined && salience !== undefined)
      actors.push({ id: name, position, salience, capability: cap });
  });
  if (ok && actors.length < o.minActors)
    fail(
      b.header.line,
      "Actor",
      `issue "${b.id}" needs at least ${o.minActors} actors with a position, found ${actors.length}`,
    );
  if (!ok) return undefined;
  return {
    id: b.id,
    ...(proposal !== undefined ? { proposal } : {}),
    ...(procedure !== undefined ? { procedure } : {}),
    ...(rule !== undefined ? { rule } : {}),
    outcome,
    reference,
    actors,
    ...(sc ? { scale: [lo, hi] as [number, number] } : {}),
    source: `${file}:${b.line}`,
  };
}
