/**
 * Reader for KTAB's SMP CSV format (`smpread.cpp`):
 *   line 1: scenario name, description, number of actors, number of dimensions
 *   line 2: Actor, Description, Power|Influence, then a (position, salience) header pair per dimension
 *   then one row per actor: name, description, capability, then (position 0–100, salience 0–100) pairs.
 * Trailing commas are tolerated. Every problem is reported as file:line: field: message.
 */
import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import { SMP_LIMITS, type SmpActorInput, type SmpScenario } from "./smp-scenario.ts";

function trimTrailing(fields: string[]): string[] {
  const f = fields.map((x) => x.trim());
  while (f.length > 0 && f[f.length - 1] === "") f.pop();
  return f;
}

export function parseKtabCsv(text: string, file = "<csv>"): SmpScenario {
  const parsed = parseCsv(text);
  const problems: Problem[] = parsed.errors.map((e) => ({
    file,
    line: e.line,
    field: "csv",
    message: e.message,
  }));
  const rows = [{ line: 1, fields: parsed.header }, ...parsed.records].filter((r) =>
    r.fields.some((f) => f.trim() !== ""),
  );
  const bad = (line: number, field: string, message: string) =>
    problems.push({ file, line, field, message });
  if (rows.length < 2) {
    bad(
      1,
      "file",
      "a KTAB scenario needs a first line (name, description, #actors, #dimensions) and a header line",
    );
    throw new ValidationError(problems);
  }
  const head = trimTrailing(rows[0].fields);
  const name = head[0] ?? "";
  const description = head[1] ?? "";
  const numActors = Number(head[2]);
  const numDims = Number(head[3]);
  if (
    !Number.isInteger(numActors) ||
    numActors < SMP_LIMITS.minActors ||
    numActors > SMP_LIMITS.maxActors
  )
    bad(
      rows[0].line,
      "number of actors",
      `must be an integer from ${SMP_LIMITS.minActors} to ${SMP_LIMITS.maxActors}, got "${head[2] ?? ""}"`,
    );
  if (!Number.isInteger(numDims) || numDims < 1)
    bad(rows[0].line, "number of dimensions", `must be a positive integer, got "${head[3] ?? ""}"`);
  if (problems.length) throw new ValidationError(problems);

  const hdr = trimTrailing(rows[1].fields);
  if (hdr.length < 3 + 2 * numDims)
    bad(
      rows[1].line,
      "header",
      `expected Actor, Description, Power, then ${numDims} position/salience column pairs; found ${hdr.length} columns`,
    );
  else if (!/^(power|influence|capability)/i.test(hdr[2]))
    bad(rows[1].line, "header", `third column should be Power or Influence, found "${hdr[2]}"`);
  const dimensions: string[] = [];
  for (let d = 0; d < numDims; d++) dimensions.push(hdr[3 + 2 * d] ?? `Dim${d + 1}`);

  const actorRows = rows.slice(2);
  if (actorRows.length !== numActors)
    bad(
      rows[0].line,
      "number of actors",
      `line 1 declares ${numActors} actors but ${actorRows.length} actor rows follow`,
    );
  const actors: SmpActorInput[] = [];
  const seen = new Set<string>();
  for (const r of actorRows) {
    const f = trimTrailing(r.fields);
    const aName = f[0] ?? "";
    if (!aName) bad(r.line, "Actor", "actor name is empty");
    else if (aName.length > SMP_LIMITS.maxNameLen)
      bad(r.line, "Actor", `name longer than ${SMP_LIMITS.maxNameLen} characters (KTAB's limit)`);
    if (seen.has(aName)) bad(r.line, "Actor", `duplicate actor name "${aName}"`);
    seen.add(aName);
    const desc = f[1] ?? "";
    if (desc.length > SMP_LIMITS.maxDescLen)
      bad(r.line, "Description", `longer than ${SMP_LIMITS.maxDescLen} characters`);
    if (f.length < 3 + 2 * numDims) {
      bad(
        r.line,
        "row",
        `expected ${3 + 2 * numDims} values (name, description, capability, ${numDims} position/salience pairs), found ${f.length}`,
      );
      continue;
    }
    const cap = Number(f[2]);
    if (f[2] === "" || !Number.isFinite(cap) || cap < 0)
      bad(r.line, hdr[2] ?? "Power", `capability must be a number ≥ 0, got "${f[2]}"`);
    const position: number[] = [];
    const salience: number[] = [];
    let salSum = 0;
    for (let d = 0; d < numDims; d++) {
      const ps = f[3 + 2 * d];
      const ss = f[4 + 2 * d];
      const p = Number(ps);
      const s = Number(ss);
      if (ps === "" || !Number.isFinite(p) || p < 0 || p > 100)
        bad(
          r.line,
          hdr[3 + 2 * d] ?? `position ${d + 1}`,
          `position must be a number from 0 to 100, got "${ps}"`,
        );
      if (ss === "" || !Number.isFinite(s) || s < 0 || s > 100)
        bad(
          r.line,
          hdr[4 + 2 * d] ?? `salience ${d + 1}`,
          `salience must be a number from 0 to 100, got "${ss}"`,
        );
      position.push(p);
      salience.push(s);
      salSum += s;
    }
    if (salSum > 100)
      bad(
        r.line,
        "salience",
        `saliences sum to ${salSum.toFixed(2)}; KTAB requires at most 100 per actor`,
      );
    if (salSum === 0) bad(r.line, "salience", "all saliences are 0; at least one must be positive");
    actors.push({ name: aName, description: desc, capability: cap, position, salience });
  }
  if (problems.length) throw new ValidationError(problems);
  return { name, description, dimensions, actors, file };
}
