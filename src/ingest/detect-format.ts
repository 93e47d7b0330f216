import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { type GoldsteinTableId, goldsteinTable } from "./event-tables.ts";
import { LINE_BAD_UTF8, LINE_NUL } from "./line-scanner.ts";
import type { ParseContext } from "./parse-context.ts";
import { gdeltParser } from "./parse-gdelt.ts";
import { icewsParser } from "./parse-icews.ts";
import { type FormatParser, ploverParser } from "./parse-plover.ts";

const DEFAULTS = {
  /** Bytes of (decompressed) text looked at; every whole line in them is tried with each parser. */
  maxBytes: 1 << 20,
};

/** The formats a file can be recognised as (csv needs a mapping, so it is only hinted at). */
export type DetectedFormat = "gdelt" | "icews" | "plover";

export interface FormatGuess {
  /** The format whose parser accepted most of the sampled lines; null when none accepted any. */
  format: DetectedFormat | null;
  /** Rows each parser accepted out of `lines` sampled lines. */
  accepted: Record<DetectedFormat, number>;
  lines: number;
  /** The sample holds NUL bytes or is not UTF-8: binary data, not a text event file. */
  binary: boolean;
  /** The first line looks like a comma-separated header (a mapped CSV). */
  csvHeader: boolean;
}

/** The first `max` bytes of the file, decompressed when it is gzip (as much as inflates). */
function head(path: string, max: number): { buf: Buffer; whole: boolean } {
  const fd = openSync(path, "r");
  try {
    const raw = Buffer.alloc(max);
    const n = readSync(fd, raw, 0, max, 0);
    const b = raw.subarray(0, n);
    if (!(n >= 18 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8))
      return { buf: b, whole: n < max };
    // gzip: skip the header (RFC 1952) and inflate what is there, without needing the end.
    const flg = b[3];
    let p = 10;
    if (flg & 4) p += 2 + b.readUInt16LE(p);
    if (flg & 8) while (p < n && b[p++] !== 0);
    if (flg & 16) while (p < n && b[p++] !== 0);
    if (flg & 2) p += 2;
    try {
      return {
        buf: inflateRawSync(b.subarray(p), { finishFlush: 2 /* Z_SYNC_FLUSH */ }).subarray(0, max),
        whole: false,
      };
    } catch {
      return { buf: Buffer.alloc(0), whole: false };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Which event format a file looks like: its first lines are run through each format's own parser
 * and the one that accepts most rows wins. Used to say what a file probably is when every row was
 * rejected under the format the user named.
 */
export function detectFormat(path: string, options: Partial<typeof DEFAULTS> = {}): FormatGuess {
  const o = { ...DEFAULTS, ...options };
  const { buf, whole } = head(path, o.maxBytes);
  let end = buf.length;
  if (!whole) {
    const last = buf.lastIndexOf(10);
    end = last === -1 ? buf.length : last;
  }
  const text = buf.subarray(0, end);
  const binary = text.indexOf(0) !== -1 || !isUtf8(text);
  const ranges: [number, number][] = [];
  for (let s = 0; s < end; ) {
    let e = text.indexOf(10, s);
    if (e === -1) e = end;
    let le = e;
    if (le > s && text[le - 1] === 13) le--;
    ranges.push([s, le]);
    s = e + 1;
  }
  const accepted: Record<DetectedFormat, number> = { gdelt: 0, icews: 0, plover: 0 };
  const tables: Record<DetectedFormat, GoldsteinTableId | null> = {
    gdelt: "gdelt",
    icews: "icews",
    plover: null,
  };
  for (const f of Object.keys(accepted) as DetectedFormat[]) {
    const t = tables[f];
    const ctx: ParseContext = {
      emit: () => {
        accepted[f]++;
      },
      reject: () => {},
      warn: () => {},
      goldstein: t ? goldsteinTable(t) : new Map(),
      quadScheme: "gdelt",
    };
    const parser: FormatParser =
      f === "gdelt"
        ? { onLine: gdeltParser(ctx) }
        : f === "icews"
          ? { onLine: icewsParser(ctx, path) }
          : ploverParser(ctx, path);
    try {
      ranges.forEach(([s, e], i) => {
        if (e <= s) return;
        const seg = text.subarray(s, e);
        const flags = (isUtf8(seg) ? 0 : LINE_BAD_UTF8) | (seg.indexOf(0) !== -1 ? LINE_NUL : 0);
        parser.onLine(text, s, e, i + 1, flags);
      });
      if (whole) parser.finish?.();
    } catch {
      // A header the parser does not recognise: not this format.
    }
  }
  let format: DetectedFormat | null = null;
  for (const f of Object.keys(accepted) as DetectedFormat[])
    if (accepted[f] > 0 && (format === null || accepted[f] > accepted[format])) format = f;
  const first = ranges[0] ? text.toString("utf8", ranges[0][0], ranges[0][1]) : "";
  // A JSON array larger than the sample cannot be parsed from its head: judge it by its shape.
  if (format === null && !whole && !binary && /^\s*\[\s*(\{|$)/.test(first)) format = "plover";
  const csvHeader = !binary && format === null && first.split(",").length >= 3;
  return { format, accepted, lines: ranges.length, binary, csvHeader };
}

/** A sentence saying what the file looks like, for error messages. */
export function describeGuess(g: FormatGuess, path: string): string {
  if (g.format)
    return `it looks like ${g.format.toUpperCase()} data: try \`ana import ${g.format} ${path}\``;
  if (g.binary) return "it looks like binary data, not a text event file";
  if (g.csvHeader)
    return "it looks like a CSV file with a header: import it with `ana import csv` and a column mapping (--map, --col or --preset)";
  return "it does not look like GDELT, ICEWS or PLOVER/POLECAT data";
}
