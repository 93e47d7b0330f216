/**
 * Split a provenance cell that lists several sources separated by "; " into its sources.
 * A separator counts only outside parentheses and brackets, so a note such as
 * "url (1.46m TEU 2021; Northern >90%)" stays one source. Unbalanced closers are ignored
 * (depth never goes below 0); an unclosed opener keeps the rest of the cell in one piece.
 */
export function splitSources(cell: string | undefined): string[] {
  if (!cell) return [];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === ";" && depth === 0 && /\s/.test(cell[i + 1] ?? "")) {
      out.push(cell.slice(start, i));
      start = i + 1;
    }
  }
  out.push(cell.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
