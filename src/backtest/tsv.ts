/**
 * Delimited text — tab-separated (DEU's form here), or comma- or semicolon-separated as
 * spreadsheets export it — with optional double quotes around fields ("" inside a quoted field is
 * a quote), one record a line. The delimiter is the one of the three found most often outside
 * quotes in the header line. Errors name the file, line and column (1-based field number).
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | null,
    readonly field: string | null,
    problem: string,
  ) {
    super(
      `${file}:${line}${column !== null ? `:${column}` : ""}${field ? ` (${field})` : ""}: ${problem}`,
    );
    this.name = "InputError";
  }
}

export interface TsvRow {
  /** 1-based line number in the file. */
  line: number;
  fields: string[];
}

function splitLine(text: string, file: string, line: number, sep: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length)
          throw new InputError(file, line, out.length + 1, null, "unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== sep)
        throw new InputError(file, line, out.length + 1, null, "text after a closing quote");
    } else {
      const j = text.indexOf(sep, i);
      field = j < 0 ? text.slice(i) : text.slice(i, j);
      i = j < 0 ? text.length : j;
      if (field.includes('"'))
        throw new InputError(file, line, out.length + 1, null, "a quote inside an unquoted field");
    }
    out.push(field);
    if (i >= text.length) return out;
    i++; // the delimiter
  }
}

export type Delimiter = "\t" | "," | ";";

/** The delimiter of a header line: tab, comma or semicolon, whichever occurs most outside quotes. */
export function detectDelimiter(header: string): Delimiter {
  const count: Record<Delimiter, number> = { "\t": 0, ",": 0, ";": 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in count) count[c as Delimiter]++;
  }
  return (["\t", ",", ";"] as const).reduce((a, b) => (count[b] > count[a] ? b : a));
}

/** Rows of a delimited text; blank lines are dropped (their numbers still count). */
export function parseTsv(text: string, file: string, delimiter?: Delimiter): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== "") ?? "";
  const sep = delimiter ?? detectDelimiter(first);
  const rows: TsvRow[] = [];
  lines.forEach((l, k) => {
    if (l.trim() === "") return;
    rows.push({ line: k + 1, fields: splitLine(l, file, k + 1, sep) });
  });
  return rows;
}
