/** One parsed CSV record with the 1-based line on which it starts in the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A problem found while reading a CSV file. */
export interface CsvError {
  line: number;
  message: string;
}

export interface CsvParse {
  header: string[];
  records: CsvRecord[];
  errors: CsvError[];
}

/**
 * Parse RFC 4180 CSV (quoted fields, doubled quotes, embedded newlines, CRLF or LF, optional
 * UTF-8 BOM). Written here rather than taken from a package because every record must carry the
 * line it starts on, so that validation errors can name `file:line`. Malformed input never
 * throws: it is reported in `errors` and the damaged record is skipped.
 */
export function parseCsv(text: string, delimiter = ","): CsvParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const all: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let bad: string | undefined;
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text[i] === '"') {
        // Quoted field: runs to the matching quote; "" is a literal quote.
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === "\n") line++;
          field += c;
          i++;
        }
        if (!closed) {
          bad = 'unterminated quoted field: a field opened with " is never closed';
          i = n;
        } else if (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          bad ??= 'text after a closing quote: quote the whole field and double inner quotes ("")';
          while (i < n && text[i] !== delimiter && text[i] !== "\n") i++;
        }
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"')
            bad ??=
              'stray quote inside an unquoted field: quote the field and double inner quotes ("")';
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = "";
      if (i >= n) endOfRecord = true;
      else if (text[i] === delimiter) i++;
      else {
        if (text[i] === "\r") i++;
        if (text[i] === "\n") i++;
        line++;
        endOfRecord = true;
      }
    }
    if (bad) {
      errors.push({ line: startLine, message: bad });
      continue;
    }
    // Blank lines carry no record.
    if (fields.length === 1 && fields[0].trim() === "") continue;
    all.push({ line: startLine, fields });
  }
  const [head, ...records] = all;
  return { header: head ? head.fields.map((h) => h.trim()) : [], records, errors };
}
