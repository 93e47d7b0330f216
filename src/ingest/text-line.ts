import { LINE_BAD_UTF8, LINE_NUL, type LineHandler } from "./line-scanner.ts";
import type { ParseContext } from "./parse-context.ts";

/**
 * Adapt a string-based line parser to the byte-level scanner: lines with NUL bytes or invalid
 * UTF-8 are rejected here, the rest decoded (a leading BOM on line 1 is dropped).
 */
export function textLines(
  ctx: ParseContext,
  onLine: (text: string, line: number) => void,
  encodingNote = "UTF-8",
): LineHandler {
  return (buf, s, e, line, flags) => {
    if (flags & LINE_NUL) return ctx.reject(line, "binary-data", "line contains NUL bytes");
    if (flags & LINE_BAD_UTF8)
      return ctx.reject(line, "invalid-utf8", `line is not valid ${encodingNote}`);
    let text = buf.toString("utf8", s, e);
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    onLine(text, line);
  };
}

/** Index header names (trimmed, case-insensitive); `need` lists names that must be present. */
export function headerIndex(
  header: string[],
  path: string,
  format: string,
  need: string[],
): Map<string, number> {
  const idx = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.trim().replace(/^"|"$/g, "").toLowerCase();
    if (!idx.has(k)) idx.set(k, i);
  });
  const missing = need.filter((n) => !idx.has(n.toLowerCase()));
  if (missing.length)
    throw new Error(
      `${path}:1: not a ${format} header: missing column(s) ${missing.map((m) => `"${m}"`).join(", ")}`,
    );
  return idx;
}
