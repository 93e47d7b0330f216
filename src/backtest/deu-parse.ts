/**
 * Reader of the DEU III table (Decision-making in the European Union, third edition; Arregui &
 * Perarnaud 2021, doi:10.34810/data53) as tab-separated values (or comma/semicolon-separated, see
 * ./tsv.ts) with a header row:
 * `isnr`/`isnrnmc` issue ids, `prname` proposal, `proc` procedure, `counvte` decision rule,
 * `intro` introduction date, `p<actor>`/`s<actor>` position (issue scale 0–100) and salience
 * (0–100) for `com`, `ep` and the member states, `rp` reference point, `out` outcome.
 * - An actor is every code with both a `p` and an `s` column; an empty position means the actor
 *   took none (it is not in the issue); a position without a salience keeps salience 0 (it counts
 *   in the unweighted mean and median only) and the issue says so.
 * - A row without any issue id (the second row of the public copy, GDP-based weights added by its
 *   repository's author, not DEU data) is skipped and reported in `skipped`.
 * - Numbers may use a decimal comma; NA, N/A, "." and "-" are empty cells; anything else that is
 *   not a number is an error naming the file, line, column and field. A row with fewer fields than
 *   the header is an error; empty fields beyond it are dropped.
 * - An issue id used twice is kept under `<id>@<line>` and reported in `duplicates`.
 * - An empty `out` leaves the outcome null (unresolved; the scorer skips it with the reason).
 * - Capabilities: ./capability.ts.
 */
import {
  CAPABILITY_DEFAULTS,
  type CapabilityScheme,
  describeCapabilities,
  issueCapabilities,
} from "./capability.ts";
import { DEU_STATE_CODES } from "./council.ts";
import { InputError, parseTsv } from "./tsv.ts";
import type { BacktestActor, BacktestIssue } from "./types.ts";

export const DEU_PARSE_DEFAULTS = Object.freeze({
  file: "<input>",
  capabilities: CAPABILITY_DEFAULTS.scheme,
});

export interface DeuParseOptions {
  file?: string;
  capabilities?: CapabilityScheme;
}

export interface DeuParseResult {
  issues: BacktestIssue[];
  /** Rows that are not issues, with the reason. */
  skipped: { line: number; reason: string }[];
  /** Actor columns not recognised as the Commission, Parliament or a member state (capability 0). */
  unknownActors: string[];
  /** Issue ids used more than once (each later use is kept as `<id>@<line>`). */
  duplicates: string[];
  capabilities: string;
}

const ID_COLUMNS = ["isnr", "isnrnmc", "prnrnmc", "prnr"];

/** Cells read as "no value": empty, or the usual missing-value codes of statistics packages. */
const MISSING = /^(|NA|N\/A|\.|-)$/i;

/** dd-mm-yy, dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd → ISO date, else null. */
export function parseDeuDate(s: string): string | null {
  const t = s.trim();
  let y: number;
  let m: number;
  let d: number;
  let g = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (g) [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else {
    g = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
    if (!g) return null;
    [d, m, y] = [Number(g[1]), Number(g[2]), Number(g[3])];
    if (g[3].length === 2) y += y >= 50 ? 1900 : 2000;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The DEU table with what was skipped and how capabilities were set. */
export function readDeu(text: string, options: DeuParseOptions = {}): DeuParseResult {
  const o = { ...DEU_PARSE_DEFAULTS, ...options };
  const rows = parseTsv(text, o.file);
  if (rows.length === 0) throw new InputError(o.file, 1, null, null, "empty file: no header row");
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === "") return;
    if (col.has(h))
      throw new InputError(o.file, rows[0].line, i + 1, h, `column "${h}" appears twice`);
    col.set(h, i);
  });
  if (!col.has("out"))
    throw new InputError(
      o.file,
      rows[0].line,
      null,
      "out",
      'no outcome column "out" in the header',
    );
  const actors = header
    .filter((h) => h.length > 1 && h.startsWith("p") && col.has(`s${h.slice(1)}`))
    .map((h) => h.slice(1));
  if (actors.length === 0)
    throw new InputError(
      o.file,
      rows[0].line,
      null,
      null,
      "no actor columns (p<actor> with a matching s<actor>) in the header",
    );
  const unknownActors = actors.filter((a) => a !== "com" && a !== "ep" && !(a in DEU_STATE_CODES));
  const idCols = ID_COLUMNS.filter((c) => col.has(c));
  const issues: BacktestIssue[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  for (const row of rows.slice(1)) {
    // empty fields beyond the header (a trailing tab) are dropped; missing ones are an error
    const f =
      row.fields.length > header.length &&
      row.fields.slice(header.length).every((x) => x.trim() === "")
        ? row.fields.slice(0, header.length)
        : row.fields;
    if (f.length !== header.length)
      throw new InputError(
        o.file,
        row.line,
        null,
        null,
        `${f.length} fields where the header has ${header.length}`,
      );
    const cell = (name: string) => {
      const i = col.get(name);
      return i === undefined ? "" : f[i].trim();
    };
    const num = (name: string): number | null => {
      const v = cell(name);
      if (MISSING.test(v)) return null;
      const x = Number(/^[-+]?\d+,\d+$/.test(v) ? v.replace(",", ".") : v);
      if (!Number.isFinite(x))
        throw new InputError(
          o.file,
          row.line,
          (col.get(name) as number) + 1,
          name,
          `not a number: "${v}"`,
        );
      return x;
    };
    if (idCols.length > 0 && idCols.every((c) => cell(c) === "")) {
      skipped.push({
        line: row.line,
        reason:
          row.line === 2
            ? "no issue id: the row of GDP-based weights the public copy's author added under the header (not DEU data)"
            : "no issue id",
      });
      continue;
    }
    const notes: string[] = [];
    let id = cell("isnr") || cell("isnrnmc") || `line ${row.line}`;
    if (seen.has(id)) {
      // kept (a forecast is still scored), under an id that names its line
      notes.push(
        `issue id "${id}" already used on line ${seen.get(id)}: this one is "${id}@${row.line}"`,
      );
      duplicates.push(`line ${row.line}: issue id "${id}" already used on line ${seen.get(id)}`);
      id = `${id}@${row.line}`;
    }
    seen.set(id, row.line);
    const stated: { code: string; position: number; salience: number }[] = [];
    for (const a of actors) {
      const p = num(`p${a}`);
      const s = num(`s${a}`);
      if (s !== null && (s < 0 || s > 100))
        throw new InputError(
          o.file,
          row.line,
          (col.get(`s${a}`) as number) + 1,
          `s${a}`,
          `salience ${s} outside 0–100`,
        );
      if (p === null) continue;
      if (s === null)
        notes.push(`${a}: position without salience (salience 0: mean and median only)`);
      stated.push({ code: a, position: p, salience: s ?? 0 });
    }
    const intro = cell("intro");
    const date = intro === "" ? null : parseDeuDate(intro);
    if (intro !== "" && date === null) notes.push(`introduction date "${intro}" not read`);
    const procedure = cell("proc") || undefined;
    const rule = cell("counvte") || undefined;
    const cap = issueCapabilities(
      {
        date,
        procedure,
        rule,
        states: stated.filter((s) => s.code in DEU_STATE_CODES).map((s) => DEU_STATE_CODES[s.code]),
      },
      { scheme: o.capabilities },
    );
    notes.push(`Council: ${cap.regime}`, ...cap.notes);
    const ba: BacktestActor[] = stated.map((s) => ({
      id: s.code,
      position: s.position,
      salience: s.salience,
      capability:
        s.code === "com"
          ? cap.com
          : s.code === "ep"
            ? cap.ep
            : s.code in DEU_STATE_CODES
              ? (cap.state[DEU_STATE_CODES[s.code]] ?? 0)
              : 0,
    }));
    const proposal = cell("prname") || cell("prnr") || undefined;
    issues.push({
      id,
      ...(proposal ? { proposal } : {}),
      ...(procedure ? { procedure } : {}),
      ...(rule ? { rule } : {}),
      outcome: num("out"),
      reference: num("rp"),
      actors: ba,
      scale: [0, 100],
      source: `${o.file}:${row.line}`,
      notes,
    });
  }
  return {
    issues,
    skipped,
    unknownActors,
    duplicates,
    capabilities: describeCapabilities(o.capabilities),
  };
}

/** The DEU table's issues (TEAM.md: parseDeu(text, { file }) → BacktestIssue[]). */
export function parseDeu(text: string, options: DeuParseOptions = {}): BacktestIssue[] {
  return readDeu(text, options).issues;
}
