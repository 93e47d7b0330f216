import { type CsvRecord, parseCsv } from "../csv.ts";
import { PanelImportError } from "./import-error.ts";
import { SIPRI_STATE_NAMES, SIPRI_STATES_WITHOUT_ISO3 } from "./sipri-names.ts";

/**
 * Read a SIPRI Arms Transfers Database file as a user downloads it, into rows of `ref_sipri`.
 * Layouts recognised by their header row (any preamble lines above it are skipped):
 * - the **trade register** (`Supplier`, `Recipient`, `Delivery year`, `TIV delivery values`: one
 *   row per deal and delivery year), summed here by supplier, recipient and year;
 * - a **TIV table in long form** (`supplier`, `recipient`, `year` and `tiv_mn`, `tiv` or `value`);
 * - a **TIV table in wide form** (first column the partners, the others years, optional `Total`),
 *   for one recipient (`imports to X` in the title, or `recipient`) or one supplier
 *   (`exports from X`, or `supplier`).
 * Empty TIV cells are "no delivery" (no row); SIPRI's 0 (under 0.5 million) is kept as 0.
 */
export const SIPRI_IMPORT_DEFAULTS = {
  /** Recipients (ISO3) whose deliveries the file lists completely for its years. */
  completeFor: [] as string[],
  /** For a wide table without a title: the one recipient or supplier (a SIPRI name or ISO3). */
  recipient: undefined as string | undefined,
  supplier: undefined as string | undefined,
};

export type SipriLayout = "register" | "tiv-long" | "tiv-wide";

export interface SipriImportRow {
  supplier: string;
  recipient: string;
  supplier_ccode: number | null;
  recipient_ccode: number | null;
  supplier_iso3: string | null;
  recipient_iso3: string | null;
  year: number;
  tiv: number;
  supplier_kind: string;
  recipient_kind: string;
}

export interface SipriImport {
  layout: SipriLayout;
  rows: SipriImportRow[];
  /** First and last year of the file's rows. */
  years: [number, number];
  /** Recipients (ISO3) with rows, and those declared complete. */
  recipients: string[];
  complete: string[];
  /** SIPRI's "Data generated" line, when present. */
  generated?: string;
}

/** SIPRI's conventions: `*` armed group, `**` organisation, "Unknown …" supplier. */
export function sipriKind(name: string): "state" | "non-state" | "organisation" | "unknown" {
  if (name.endsWith("**")) return "organisation";
  if (name.endsWith("*")) return "non-state";
  if (/^unknown/i.test(name)) return "unknown";
  if (name === "Northern Cyprus" || name === "Biafra" || name === "Katanga") return "non-state";
  return "state";
}

const ISO3_BY_CODE = new Map(Object.values(SIPRI_STATE_NAMES).map(([c, i]) => [i, c] as const));

/** [ccode, iso3] of a SIPRI state name (or an ISO3 code); undefined when unknown. */
export function sipriState(name: string): [number | null, string | null] | undefined {
  const n = name.trim();
  if (Object.hasOwn(SIPRI_STATE_NAMES, n)) return SIPRI_STATE_NAMES[n];
  if (SIPRI_STATES_WITHOUT_ISO3.has(n)) return [null, null];
  if (/^[A-Z]{3}$/.test(n) && ISO3_BY_CODE.has(n)) return [ISO3_BY_CODE.get(n) ?? null, n];
  return undefined;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function party(
  name: string,
  file: string,
  line: number,
  field: string,
): { ccode: number | null; iso3: string | null; kind: string } {
  const kind = sipriKind(name);
  if (kind !== "state") return { ccode: null, iso3: null, kind };
  const s = sipriState(name);
  if (!s)
    throw new PanelImportError(
      file,
      line,
      field,
      `unknown state name "${name}" (not among SIPRI's names; mark non-state names with * or ** as SIPRI does)`,
    );
  return { ccode: s[0], iso3: s[1], kind };
}

function tivValue(v: string, file: string, line: number, field: string): number | null {
  const t = v.trim();
  if (t === "") return null;
  const x = Number(t);
  if (!Number.isFinite(x) || x < 0)
    throw new PanelImportError(file, line, field, `TIV must be a number ≥ 0, got "${v}"`);
  return x;
}

function yearValue(v: string, file: string, line: number, field: string): number {
  const y = Number(v.trim());
  if (!Number.isInteger(y) || y < 1900 || y > 2100)
    throw new PanelImportError(file, line, field, `year must be an integer 1900–2100, got "${v}"`);
  return y;
}

/** Parse a SIPRI download (text of the file named `file`). Throws `PanelImportError` on bad input. */
export function parseSipri(
  text: string,
  file: string,
  options: Partial<typeof SIPRI_IMPORT_DEFAULTS> = {},
): SipriImport {
  const opts = { ...SIPRI_IMPORT_DEFAULTS, ...options };
  const csv = parseCsv(text);
  if (csv.errors.length > 0)
    throw new PanelImportError(file, csv.errors[0].line, "csv", csv.errors[0].message);
  const all: CsvRecord[] = [{ line: 1, fields: csv.header }, ...csv.records];
  const lower = (r: CsvRecord) => r.fields.map(norm);
  const clean = (r: CsvRecord) => r.fields.map((f) => f.replace(/^#\s*/, ""));
  const preambleText = (upTo: number) =>
    all
      .slice(0, upTo)
      .map((r) => clean(r).join(","))
      .join("\n");
  let hi = all.findIndex((r) => {
    const f = lower(r);
    return f.includes("supplier") && f.includes("recipient");
  });
  let layout: SipriLayout;
  if (hi >= 0) {
    const f = lower(all[hi]);
    layout =
      f.includes("tiv delivery values") || f.includes("delivery year") ? "register" : "tiv-long";
  } else {
    hi = all.findIndex(
      (r) => r.fields.slice(1).filter((x) => /^\d{4}$/.test(x.trim())).length >= 1,
    );
    if (hi < 0)
      throw new PanelImportError(
        file,
        1,
        "header",
        "not a SIPRI layout ANA knows: expected a trade register (Supplier, Recipient, Delivery year, TIV delivery values), a TIV table in long form (supplier, recipient, year, tiv_mn|tiv|value) or a wide TIV table (partners × years)",
      );
    layout = "tiv-wide";
  }
  const pre = preambleText(hi);
  const generated = /data generated:?\s*([^\n,]+(?:,\s*\d{4})?)/i.exec(pre)?.[1]?.trim();
  const header = lower(all[hi]);
  const body = all.slice(hi + 1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
  const col = (names: string[], required = true): number => {
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0 && required)
      throw new PanelImportError(
        file,
        all[hi].line,
        "header",
        `missing column ${names.map((n) => `"${n}"`).join(" or ")}`,
      );
    return i;
  };
  const sums = new Map<string, SipriImportRow>();
  const add = (line: number, supplier: string, recipient: string, year: number, tiv: number) => {
    const s = party(supplier, file, line, "supplier");
    const r = party(recipient, file, line, "recipient");
    const key = `${supplier}\u0000${recipient}\u0000${year}`;
    const prev = sums.get(key);
    if (prev) prev.tiv += tiv;
    else
      sums.set(key, {
        supplier: supplier.trim(),
        recipient: recipient.trim(),
        supplier_ccode: s.ccode,
        recipient_ccode: r.ccode,
        supplier_iso3: s.iso3,
        recipient_iso3: r.iso3,
        year,
        tiv,
        supplier_kind: s.kind,
        recipient_kind: r.kind,
      });
  };
  const cell = (r: CsvRecord, i: number) => r.fields[i] ?? "";
  if (layout === "register") {
    const [iS, iR, iY, iT] = [
      col(["supplier"]),
      col(["recipient"]),
      col(["delivery year"]),
      col(["tiv delivery values", "sipri tiv of delivered weapons"]),
    ];
    for (const r of body) {
      const t = tivValue(cell(r, iT), file, r.line, all[hi].fields[iT]);
      if (t === null) continue;
      add(
        r.line,
        cell(r, iS),
        cell(r, iR),
        yearValue(cell(r, iY), file, r.line, all[hi].fields[iY]),
        t,
      );
    }
  } else if (layout === "tiv-long") {
    const [iS, iR, iY, iT] = [
      col(["supplier"]),
      col(["recipient"]),
      col(["year"]),
      col(["tiv_mn", "tiv", "value"]),
    ];
    for (const r of body) {
      // SIPRI's per-supplier totals are not deliveries to a recipient.
      if (/^total/i.test(cell(r, iR).trim()) || /^total/i.test(cell(r, iS).trim())) continue;
      const t = tivValue(cell(r, iT), file, r.line, all[hi].fields[iT]);
      if (t === null) continue;
      add(
        r.line,
        cell(r, iS),
        cell(r, iR),
        yearValue(cell(r, iY), file, r.line, all[hi].fields[iY]),
        t,
      );
    }
  } else {
    const title = pre;
    const imp = /imports? (?:to|by|of) ([^,\n"]+?)(?:,|\n|$| \d{4})/i.exec(title)?.[1]?.trim();
    const exp = /exports? (?:from|by|of) ([^,\n"]+?)(?:,|\n|$| \d{4})/i.exec(title)?.[1]?.trim();
    const recipient = opts.recipient ?? (exp ? undefined : imp);
    const supplier = opts.supplier ?? (imp ? undefined : exp);
    if ((recipient === undefined) === (supplier === undefined))
      throw new PanelImportError(
        file,
        all[hi].line,
        "header",
        "a wide TIV table needs one recipient (title 'imports to X' or recipient option) or one supplier ('exports from X' or supplier option)",
      );
    const yearCols = header
      .map((h, i) => [h, i] as const)
      .filter(([h]) => /^\d{4}$/.test(h))
      .map(([h, i]) => [Number(h), i] as const);
    for (const r of body) {
      const partner = cell(r, 0).trim();
      if (partner === "" || /^total/i.test(partner)) continue;
      for (const [y, i] of yearCols) {
        const t = tivValue(cell(r, i), file, r.line, String(y));
        if (t === null) continue;
        if (recipient !== undefined) add(r.line, partner, recipient, y, t);
        else add(r.line, supplier!, partner, y, t);
      }
    }
  }
  const rows = [...sums.values()].sort(
    (a, b) =>
      a.recipient.localeCompare(b.recipient) ||
      a.supplier.localeCompare(b.supplier) ||
      a.year - b.year,
  );
  if (rows.length === 0)
    throw new PanelImportError(file, all[hi].line, "rows", "no deliveries in the file");
  const years = rows.map((r) => r.year);
  const recipients = [
    ...new Set(rows.map((r) => r.recipient_iso3).filter((x) => x !== null)),
  ].sort();
  for (const c of opts.completeFor)
    if (!recipients.includes(c))
      throw new PanelImportError(
        file,
        all[hi].line,
        "completeFor",
        `${c} has no deliveries in the file`,
      );
  return {
    layout,
    rows,
    years: [Math.min(...years), Math.max(...years)],
    recipients: recipients as string[],
    complete: [...opts.completeFor].sort(),
    ...(generated ? { generated } : {}),
  };
}
