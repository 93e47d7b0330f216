import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";

/**
 * Read a blocs CSV: header `node,bloc`, one row per node (bloc is any label). Problems name
 * `file:line: field`; a node listed twice is an error.
 */
export function readBlocs(file: string, text: string): Map<string, string> {
  const problems: Problem[] = [];
  const parsed = parseCsv(text);
  for (const e of parsed.errors)
    problems.push({ file, line: e.line, field: "(row)", message: e.message });
  const ni = parsed.header.findIndex((h) => h.toLowerCase() === "node");
  const bi = parsed.header.findIndex((h) => h.toLowerCase() === "bloc");
  if (ni < 0 || bi < 0)
    throw new ValidationError([
      {
        file,
        line: 1,
        field: ni < 0 ? "node" : "bloc",
        message: `missing column: the header must be node,bloc; found "${parsed.header.join(",")}"`,
      },
    ]);
  const out = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const { line, fields } of parsed.records) {
    const node = (fields[ni] ?? "").trim();
    const bloc = (fields[bi] ?? "").trim();
    if (node === "") problems.push({ file, line, field: "node", message: "empty: name the node" });
    else if (bloc === "")
      problems.push({ file, line, field: "bloc", message: `empty: give ${node}'s bloc` });
    else if (out.has(node))
      problems.push({
        file,
        line,
        field: "node",
        message: `${node} already has a bloc on line ${lineOf.get(node)}`,
      });
    else {
      out.set(node, bloc);
      lineOf.set(node, line);
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return out;
}
