import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { PANEL_DIR } from "../../store/attach-panel.ts";
import { Store } from "../../store/store.ts";
import { PanelImportError } from "./import-error.ts";
import { parseSipri, SIPRI_IMPORT_DEFAULTS, type SipriImport } from "./import-sipri.ts";
import { parseUnvotes, type UnvotesImport } from "./import-unvotes.ts";
import { activeUserPanel, replaceUserPanel, userPanelRoot } from "./user-panel.ts";

/**
 * `ana panel import sipri|unvotes <file>`: merge a user's download into the user panel (see
 * user-panel.ts), which then overrides the shipped tables of the same name.
 * - sipri: the file's rows replace, for each recipient and year they cover, the panel's rows of the
 *   same supplier; for recipients declared complete (`completeFor`), every row of those years.
 *   `sipri_coverage` gains one row per imported recipient-year (complete or not).
 * - unvotes: the file's sessions replace the panel's roll calls and votes of those sessions.
 * `coverage` is rewritten for the tables that changed.
 */
export const PANEL_IMPORT_DEFAULTS = {
  /** User panel root (`--panel DIR`); default `userPanelRoot()`. */
  panelDir: undefined as string | undefined,
  completeFor: SIPRI_IMPORT_DEFAULTS.completeFor,
  recipient: undefined as string | undefined,
  supplier: undefined as string | undefined,
  /** Shipped panel folder (for tests). */
  shippedDir: PANEL_DIR,
};

export type PanelImportKind = "sipri" | "unvotes";

export interface PanelImportResult {
  kind: PanelImportKind;
  file: string;
  panelDir: string;
  generation: string;
  tables: Record<string, number>;
  summary: Record<string, unknown>;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Where each table is read from: the user's current generation, else the shipped file. */
function source(table: string, userDir: string | undefined, shippedDir: string): string {
  const u = userDir ? join(userDir, `${table}.parquet`) : undefined;
  if (u && existsSync(u)) return u;
  const s = join(shippedDir, `${table}.parquet`);
  if (!existsSync(s)) throw new Error(`panel import: no ${table}.parquet in ${shippedDir}`);
  return s;
}

/** Load rows into `table` (whose columns exist) through a temporary JSON-lines file. */
async function insertRows(
  store: Store,
  table: string,
  cols: string[],
  rows: Record<string, unknown>[],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ana-import-"));
  try {
    const f = join(dir, "rows.jsonl");
    writeFileSync(
      f,
      rows
        .map((r) => JSON.stringify(Object.fromEntries(cols.map((c) => [c, r[c] ?? null]))))
        .join("\n"),
    );
    const types = await store.all<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?",
      [table],
    );
    const spec = cols
      .map((c) => `${q(c)}: ${q(types.find((t) => t.column_name === c)?.data_type ?? "VARCHAR")}`)
      .join(", ");
    await store.run(
      `INSERT INTO ${table} (${cols.join(", ")}) SELECT ${cols.join(", ")} FROM read_json(${q(f)}, format = 'newline_delimited', columns = {${spec}})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function copyOut(store: Store, sql: string, file: string): Promise<number> {
  await store.run(
    `COPY (${sql}) TO ${q(file)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19, ROW_GROUP_SIZE 1000000)`,
  );
  const [r] = await store.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${q(file)})`,
  );
  return r.n;
}

/** Import `file` into the user panel. Bad input throws `PanelImportError` (file:line: field: …). */
export async function importPanelFile(
  kind: PanelImportKind,
  file: string,
  options: Partial<typeof PANEL_IMPORT_DEFAULTS> = {},
): Promise<PanelImportResult> {
  const opts = { ...PANEL_IMPORT_DEFAULTS, ...options };
  if (kind !== "sipri" && kind !== "unvotes")
    throw new Error(`panel import: kind must be sipri or unvotes, got ${kind}`);
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new PanelImportError(file, 0, "file", "no such file");
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");
  const root = resolve(opts.panelDir ?? userPanelRoot());
  const userDir = activeUserPanel(root);
  const store = await Store.open(":memory:");
  try {
    const src = (t: string) => `read_parquet(${q(source(t, userDir, opts.shippedDir))})`;
    const label = `user import ${basename(path)}`;
    let summary: Record<string, unknown>;
    let write: (dir: string) => Promise<Record<string, number>>;
    if (kind === "sipri") {
      const imp: SipriImport = parseSipri(text, file, opts);
      summary = {
        layout: imp.layout,
        rows: imp.rows.length,
        years: imp.years,
        recipients: imp.recipients.length,
        complete: imp.complete,
        ...(imp.generated ? { generated: imp.generated } : {}),
      };
      await store.run(`CREATE TEMP TABLE imp AS SELECT * FROM ${src("sipri")} LIMIT 0`);
      const cols = [
        "supplier",
        "recipient",
        "supplier_ccode",
        "recipient_ccode",
        "supplier_iso3",
        "recipient_iso3",
        "year",
        "tiv",
        "supplier_kind",
        "recipient_kind",
      ];
      await insertRows(store, "imp", cols, imp.rows as unknown as Record<string, unknown>[]);
      await store.run(`UPDATE imp SET source = ${q(label)}`);
      await store.run(`CREATE TEMP TABLE imp_years AS
        SELECT DISTINCT recipient_iso3, year, recipient_iso3 IN (${imp.complete.length ? imp.complete.map(q).join(", ") : "NULL"}) AS complete
        FROM imp WHERE recipient_iso3 IS NOT NULL`);
      // Complete recipients: every year of the file is covered (a year without rows is a zero).
      await store.run(`INSERT INTO imp_years
        SELECT c.iso3, y.year, true FROM (SELECT unnest([${imp.complete.map(q).join(", ")}]::VARCHAR[]) AS iso3) c,
          range(${imp.years[0]}, ${imp.years[1] + 1}) y(year)
        WHERE NOT EXISTS (SELECT 1 FROM imp_years i WHERE i.recipient_iso3 = c.iso3 AND i.year = y.year)`);
      write = async (dir) => {
        const sipri = await copyOut(
          store,
          `SELECT * FROM ${src("sipri")} b WHERE NOT EXISTS (
             SELECT 1 FROM imp_years i WHERE i.recipient_iso3 = b.recipient_iso3 AND i.year = b.year
               AND (i.complete OR EXISTS (SELECT 1 FROM imp x WHERE x.recipient_iso3 = b.recipient_iso3 AND x.year = b.year AND x.supplier = b.supplier)))
           UNION ALL SELECT * FROM imp ORDER BY recipient, supplier, year, source`,
          join(dir, "sipri.parquet"),
        );
        const cov = await copyOut(
          store,
          `SELECT * FROM ${src("sipri_coverage")} b WHERE NOT EXISTS (
             SELECT 1 FROM imp_years i WHERE i.recipient_iso3 = b.recipient_iso3 AND i.complete AND i.year BETWEEN b.from_year AND b.to_year AND b.from_year = b.to_year)
           UNION ALL SELECT recipient_iso3, year, year, ${q(label)}, complete,
             ${q(`${label}${imp.generated ? ` (SIPRI data generated ${imp.generated})` : ""}`)} || CASE WHEN complete THEN ': every supplier' ELSE ': the suppliers in the file only' END
           FROM imp_years ORDER BY 1, 2, 4`,
          join(dir, "sipri_coverage.parquet"),
        );
        return { sipri, sipri_coverage: cov };
      };
    } else {
      const xw = await store.all<{ ccode: number; iso3: string | null; y0: number; y1: number }>(
        `SELECT ccode, iso3, first_year AS y0, last_year AS y1 FROM ${src("crosswalk")}`,
      );
      const iso3Of = (c: number, y: number): string | null | undefined => {
        const rows = xw.filter((r) => r.ccode === c);
        if (rows.length === 0) return undefined;
        const hit = rows.find((r) => y >= r.y0 && y <= r.y1) ?? rows[rows.length - 1];
        return hit.iso3;
      };
      const imp: UnvotesImport = parseUnvotes(text, file, iso3Of);
      summary = {
        sessions: imp.sessions,
        rollCalls: imp.rollCalls.length,
        votes: imp.votes.length,
        offDay: imp.offDay,
        skippedAbsentOrNonMember: imp.skipped,
      };
      await store.run(`CREATE TEMP TABLE imp_rc AS SELECT * FROM ${src("roll_calls")} LIMIT 0`);
      await insertRows(
        store,
        "imp_rc",
        ["rcid", "session", "date", "year"],
        imp.rollCalls as unknown as Record<string, unknown>[],
      );
      await store.run(`CREATE TEMP TABLE imp_v AS SELECT * FROM ${src("unvotes")} LIMIT 0`);
      await insertRows(
        store,
        "imp_v",
        ["rcid", "year", "iso3", "ccode", "vote"],
        imp.votes as unknown as Record<string, unknown>[],
      );
      const sessions = imp.sessions.join(", ");
      const [clash] = await store.all<{ n: number; id: number | null }>(
        `SELECT count(*)::INTEGER AS n, min(rcid) AS id FROM ${src("roll_calls")} WHERE session NOT IN (${sessions}) AND rcid IN (SELECT rcid FROM imp_rc)`,
      );
      if (clash.n > 0)
        throw new PanelImportError(
          file,
          0,
          "rcid",
          `${clash.n} roll-call ids (e.g. ${clash.id}) are already used by other sessions of the panel: use Voeten's resid`,
        );
      write = async (dir) => {
        const roll_calls = await copyOut(
          store,
          `SELECT * FROM ${src("roll_calls")} WHERE session NOT IN (${sessions}) UNION ALL SELECT * FROM imp_rc ORDER BY rcid`,
          join(dir, "roll_calls.parquet"),
        );
        const unvotes = await copyOut(
          store,
          `SELECT * FROM ${src("unvotes")} WHERE rcid NOT IN (SELECT rcid FROM ${src("roll_calls")} WHERE session IN (${sessions}))
           UNION ALL SELECT * FROM imp_v ORDER BY rcid, iso3`,
          join(dir, "unvotes.parquet"),
        );
        return { roll_calls, unvotes };
      };
    }
    const tables: Record<string, number> = {};
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const record = {
      kind,
      file: path,
      sha256,
      importedAt: new Date().toISOString(),
      tables,
      summary,
    };
    const gen = await replaceUserPanel(root, record, async (dir) => {
      Object.assign(tables, await write(dir));
      // The coverage table: rows, years and citation of the tables that changed.
      const base = source("coverage", userDir, opts.shippedDir);
      const yearsOf: Record<string, [string, string]> = {
        sipri: ["year", "year"],
        sipri_coverage: ["from_year", "to_year"],
        unvotes: ["year", "year"],
        roll_calls: ["year", "year"],
      };
      const parts: string[] = [];
      for (const t of Object.keys(tables)) {
        const [a, b] = yearsOf[t];
        parts.push(
          `SELECT ${q(`ref_${t}`)} AS t, min(${a})::INTEGER AS y0, max(${b})::INTEGER AS y1, count(*)::INTEGER AS n FROM read_parquet(${q(join(dir, `${t}.parquet`))})`,
        );
      }
      await copyOut(
        store,
        `WITH u AS (${parts.join(" UNION ALL ")})
         SELECT c.source, c.dataset, c."table", coalesce(u.y0, c.from_year) AS from_year, coalesce(u.y1, c.to_year) AS to_year,
           c.unit, coalesce(u.n, c."rows") AS "rows", c.licence,
           CASE WHEN u.t IS NULL THEN c.citation ELSE c.citation || ${q(` Updated by ${label} (sha256 ${sha256.slice(0, 12)}).`)} END AS citation,
           c.url, CASE WHEN u.t IS NULL THEN c.file ELSE c.file || ${q(` + ${path}`)} END AS file
         FROM read_parquet(${q(base)}) c LEFT JOIN u ON u.t = c."table" ORDER BY c."table"`,
        join(dir, "coverage.parquet"),
      );
    });
    return { kind, file: path, panelDir: root, generation: gen, tables, summary };
  } finally {
    store.close();
  }
}
