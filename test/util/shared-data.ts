import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/**
 * The shared raw data folder (`../shared/data/reference` beside the repo, as in CI), or
 * undefined when it is absent; tests then compare with the counts recorded in data/SOURCES.md.
 */
export function sharedReference(): string | undefined {
  const candidates = [
    process.env.ANA_SHARED_DATA && join(process.env.ANA_SHARED_DATA, "reference"),
    join(REPO, "..", "shared", "data", "reference"),
    "/work/shared/data/reference",
  ].filter(Boolean) as string[];
  return candidates.find((c) => existsSync(join(c, "MANIFEST.md")));
}

/** A small RFC 4180 reader written for the tests (independent of src/data/csv.ts and DuckDB). */
export function readCsvRecords(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  if (!text.includes('"')) {
    // No quoting: plain lines and commas.
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    const all = lines.map((l) => l.split(","));
    return { header: all.shift() ?? [], rows: all };
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          f += '"';
          i++;
        } else quoted = false;
      } else f += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(f);
      f = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = "";
    } else f += c;
  }
  if (f !== "" || row.length > 0) {
    row.push(f);
    rows.push(row);
  }
  const header = rows.shift() ?? [];
  return { header, rows };
}

/** Row counts recorded in data/SOURCES.md, by table name (`ref_x`). */
export function sourcesMdCounts(): Map<string, { rows: number; from?: number; to?: number }> {
  const md = readFileSync(join(REPO, "data", "SOURCES.md"), "utf8");
  const out = new Map<string, { rows: number; from?: number; to?: number }>();
  for (const m of md.matchAll(/^\| `(ref_\w+)` \| ([\d,]+) \| [^|]+ \| (\d+|—)–(\d+|—) \|/gm))
    out.set(m[1], {
      rows: Number(m[2].replaceAll(",", "")),
      from: m[3] === "—" ? undefined : Number(m[3]),
      to: m[4] === "—" ? undefined : Number(m[4]),
    });
  return out;
}
