/**
 * Read a bargaining scenario from a file: KTAB CSV, KTAB XML, or a one-issue BDM table with columns
 * Actor, Capability, Position, Salience (salience on 0–1 or 0–100).
 */
import { readFileSync } from "node:fs";
import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import { parseKtabCsv } from "./ktab-csv.ts";
import { parseKtabXml } from "./ktab-xml.ts";
import type { SmpScenario } from "./smp-scenario.ts";

/** A BDM-style table: Actor, Capability, Position, Salience (header names case-insensitive, any order). */
export function parseBdmTable(text: string, file = "<csv>"): SmpScenario {
  const delim = text.split("\n")[0].includes("\t") ? "\t" : ",";
  const { header, records, errors } = parseCsv(text, delim);
  const problems: Problem[] = errors.map((e) => ({
    file,
    line: e.line,
    field: "csv",
    message: e.message,
  }));
  const h = header.map((x) => x.trim().toLowerCase());
  const col = (...names: string[]) => h.findIndex((x) => names.includes(x));
  const ia = col("actor", "name", "");
  const ic = col("capability", "c", "power", "influence", "clout");
  const ix = col("position", "x");
  const is = col("salience", "s");
  for (const [i, n] of [
    [ia, "Actor"],
    [ic, "Capability"],
    [ix, "Position"],
    [is, "Salience"],
  ] as const)
    if (i < 0)
      problems.push({
        file,
        line: 1,
        field: n,
        message: `missing column ${n} (expected Actor, Capability, Position, Salience)`,
      });
  if (problems.length) throw new ValidationError(problems);
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const sal = rows.map((r) => Number(r.fields[is]));
  const scale = sal.some((s) => s > 1) ? 1 : 100;
  const actors = rows.map((r, k) => {
    const f = r.fields.map((x) => x.trim());
    const c = Number(f[ic]);
    const x = Number(f[ix]);
    const s = sal[k] * scale;
    if (!f[ia]) problems.push({ file, line: r.line, field: "Actor", message: "empty actor name" });
    if (f[ic] === "" || !Number.isFinite(c) || c < 0)
      problems.push({
        file,
        line: r.line,
        field: "Capability",
        message: `must be a number ≥ 0, got "${f[ic] ?? ""}"`,
      });
    if (f[ix] === "" || !Number.isFinite(x))
      problems.push({
        file,
        line: r.line,
        field: "Position",
        message: `must be a number, got "${f[ix] ?? ""}"`,
      });
    if (f[is] === "" || !Number.isFinite(s) || s < 0 || s > 100)
      problems.push({
        file,
        line: r.line,
        field: "Salience",
        message: `must be a number in [0,1] or [0,100], got "${f[is] ?? ""}"`,
      });
    return { name: f[ia], description: "", capability: c, position: [x], salience: [s] };
  });
  if (actors.length < 3)
    problems.push({
      file,
      line: 1,
      field: "rows",
      message: `at least 3 actors are needed, found ${actors.length}`,
    });
  if (problems.length) throw new ValidationError(problems);
  return {
    name: file,
    description: "",
    dimensions: [h[ix] === "x" ? "Position" : header[ix].trim()],
    actors,
    file,
  };
}

export function parseBargainText(text: string, file: string): SmpScenario {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  if (t.startsWith("<")) return parseKtabXml(text, file);
  const first = t.split(/\r?\n/)[0].toLowerCase();
  if (/(^|[,\t"])\s*"?capability"?\s*([,\t"]|$)/.test(first) || /^\s*\t?x\tc\ts/.test(first))
    return parseBdmTable(text, file);
  return parseKtabCsv(text, file);
}

export function readBargainScenario(path: string): SmpScenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ValidationError([
      { file: path, line: 0, field: "file", message: `cannot read: ${(e as Error).message}` },
    ]);
  }
  return parseBargainText(text, path);
}
