/**
 * Inputs for `ana landscape`: actors as `name,size`; propensities either as a long table `a,b,p` or
 * as a square matrix with actor names in the header row and first column.
 */
import { readFileSync } from "node:fs";
import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import type { LandscapeInput } from "./landscape.ts";

export function parseLandscape(
  actorsText: string,
  propText: string,
  actorsFile = "actors.csv",
  propFile = "propensities.csv",
): LandscapeInput {
  const problems: Problem[] = [];
  const a = parseCsv(actorsText);
  const h = a.header.map((x) => x.trim().toLowerCase());
  const iName = h.indexOf("name");
  const iSize = h.indexOf("size");
  if (iName < 0 || iSize < 0) {
    problems.push({
      file: actorsFile,
      line: 1,
      field: "header",
      message: `expected columns name,size; found ${a.header.join(",")}`,
    });
    throw new ValidationError(problems);
  }
  const names: string[] = [];
  const sizes: number[] = [];
  for (const r of a.records) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    const nm = (r.fields[iName] ?? "").trim();
    const sz = Number((r.fields[iSize] ?? "").trim());
    if (!nm)
      problems.push({ file: actorsFile, line: r.line, field: "name", message: "empty actor name" });
    else if (names.includes(nm))
      problems.push({
        file: actorsFile,
        line: r.line,
        field: "name",
        message: `duplicate actor "${nm}"`,
      });
    if ((r.fields[iSize] ?? "").trim() === "" || !Number.isFinite(sz) || sz < 0)
      problems.push({
        file: actorsFile,
        line: r.line,
        field: "size",
        message: `size must be a number ≥ 0, got "${r.fields[iSize] ?? ""}"`,
      });
    names.push(nm);
    sizes.push(sz);
  }
  if (names.length < 2)
    problems.push({
      file: actorsFile,
      line: 1,
      field: "rows",
      message: "at least two actors are needed",
    });
  if (names.length > 2000)
    problems.push({ file: actorsFile, line: 1, field: "rows", message: "at most 2000 actors" });
  if (problems.length) throw new ValidationError(problems);
  const idx = new Map(names.map((n, i) => [n, i]));
  const n = names.length;
  const p = Array.from({ length: n }, () => new Array<number>(n).fill(Number.NaN));
  const pc = parseCsv(propText);
  const ph = pc.header.map((x) => x.trim());
  const lower = ph.map((x) => x.toLowerCase());
  const long =
    lower.length >= 3 &&
    lower[0] === "a" &&
    lower[1] === "b" &&
    (lower[2] === "p" || lower[2] === "propensity");
  const num = (s: string, line: number, field: string): number => {
    const t = s.trim();
    if (t === "") return Number.NaN;
    const v = Number(t);
    if (!Number.isFinite(v))
      problems.push({
        file: propFile,
        line,
        field,
        message: `propensity must be a number, got "${t}"`,
      });
    return v;
  };
  if (long) {
    for (const r of pc.records) {
      if (r.fields.every((f) => f.trim() === "")) continue;
      const x = (r.fields[0] ?? "").trim();
      const y = (r.fields[1] ?? "").trim();
      const i = idx.get(x);
      const j = idx.get(y);
      if (i === undefined)
        problems.push({
          file: propFile,
          line: r.line,
          field: "a",
          message: `"${x}" is not in ${actorsFile}`,
        });
      if (j === undefined)
        problems.push({
          file: propFile,
          line: r.line,
          field: "b",
          message: `"${y}" is not in ${actorsFile}`,
        });
      if (i === undefined || j === undefined) continue;
      if (i === j) {
        problems.push({
          file: propFile,
          line: r.line,
          field: "b",
          message: "an actor's propensity with itself is not used",
        });
        continue;
      }
      const v = num(r.fields[2] ?? "", r.line, "p");
      if (!Number.isNaN(p[i][j]))
        problems.push({
          file: propFile,
          line: r.line,
          field: "a,b",
          message: `pair ${x}–${y} given twice`,
        });
      p[i][j] = v;
    }
  } else {
    const cols = ph.slice(1).map((c) => idx.get(c));
    ph.slice(1).forEach((c, k) => {
      if (cols[k] === undefined)
        problems.push({
          file: propFile,
          line: 1,
          field: c,
          message: `column "${c}" is not an actor in ${actorsFile} (expected a square matrix, or a long table a,b,p)`,
        });
    });
    for (const r of pc.records) {
      if (r.fields.every((f) => f.trim() === "")) continue;
      const x = (r.fields[0] ?? "").trim();
      const i = idx.get(x);
      if (i === undefined) {
        problems.push({
          file: propFile,
          line: r.line,
          field: ph[0] || "row",
          message: `row "${x}" is not an actor in ${actorsFile}`,
        });
        continue;
      }
      cols.forEach((j, k) => {
        if (j === undefined || j === i) return;
        p[i][j] = num(r.fields[k + 1] ?? "", r.line, ph[k + 1]);
      });
    }
  }
  // A file with a header and no value (or only blank cells) would make every pair 0: every
  // configuration then has energy 0 and all 2^n are "minima". Refuse it.
  if (problems.length === 0 && !p.some((row) => row.some((v) => !Number.isNaN(v))))
    problems.push({
      file: propFile,
      line: pc.records.length > 0 ? pc.records[0].line : 1,
      field: long ? "p" : "(matrix)",
      message: `no propensity given: the file has no pair of actors from ${actorsFile} with a value (expected rows a,b,p or a square matrix with numbers)`,
    });
  if (problems.length) throw new ValidationError(problems);
  return { names, sizes, p };
}

export function readLandscape(actorsPath: string, propPath: string): LandscapeInput {
  const rd = (f: string) => {
    try {
      return readFileSync(f, "utf8");
    } catch (e) {
      throw new ValidationError([
        { file: f, line: 0, field: "file", message: `cannot read: ${(e as Error).message}` },
      ]);
    }
  };
  return parseLandscape(rd(actorsPath), rd(propPath), actorsPath, propPath);
}
