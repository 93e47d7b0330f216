import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { BUILTIN_SCENARIOS_DIR } from "../../src/data/scenario-registry.ts";

// `ana data check` on broken copies of the shipped Azerbaijan scenario: one kind of problem per
// test, each reported as `file:line: field: problem` on stderr with exit code 1.
const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const AZ = join(BUILTIN_SCENARIOS_DIR, "azerbaijan");

/** Copy the scenario, change one line of one file, and return the folder and that line's number. */
function broken(
  file: string,
  pick: (line: string) => boolean,
  edit: (line: string) => string,
): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), "ana-az-"));
  cpSync(AZ, dir, { recursive: true });
  const p = join(dir, file);
  const lines = readFileSync(p, "utf8").split("\n");
  const i = lines.findIndex(pick);
  assert.ok(i > 0, `no line to break in ${file}`);
  lines[i] = edit(lines[i]);
  writeFileSync(p, lines.join("\n"));
  return { dir, line: i + 1 };
}

function check(dir: string): { status: number | null; stderr: string } {
  return spawnSync(process.execPath, [BIN, "data", "check", dir], { encoding: "utf8" });
}

function expectProblem(dir: string, file: string, line: number, field: string, message: RegExp) {
  const r = check(dir);
  assert.equal(r.status, 1, r.stderr);
  const want = `${join(dir, file)}:${line}: ${field}: `;
  const hit = r.stderr.split("\n").find((l) => l.startsWith(want));
  assert.ok(hit, `expected a line starting "${want}" in:\n${r.stderr}`);
  assert.match(hit, message);
  assert.match(r.stderr, /problems? in /);
}

test("ana data check rejects a date that is not a calendar date", () => {
  const { dir, line } = broken(
    "events.csv",
    (l) => l.startsWith("shusha-declaration,"),
    (l) => l.replace("2021-06-15", "2021-06-31"),
  );
  expectProblem(dir, "events.csv", line, "date", /not a valid date/);
});

test("ana data check rejects an actor missing from actors.csv", () => {
  const { dir, line } = broken(
    "ties.csv",
    (l) => l.startsWith("AZE,TUR,alliance,"),
    (l) => l.replace("AZE,TUR,", "AZE,TRK,"),
  );
  expectProblem(dir, "ties.csv", line, "b", /unknown actor "TRK": add it to actors\.csv/);
});

test("ana data check rejects a record without a source", () => {
  const { dir, line } = broken(
    "memberships.csv",
    (l) => l.startsWith("AZE,NONALIGNED,"),
    (l) => l.replace("https://www.rferl.org/a/azerbaijan_join_nonaligned_movement/24200776.html", ""),
  );
  expectProblem(dir, "memberships.csv", line, "source", /missing/);
});

test("ana data check rejects a duplicate id and names the first occurrence", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-az-"));
  cpSync(AZ, dir, { recursive: true });
  const p = join(dir, "projects.csv");
  const lines = readFileSync(p, "utf8").trimEnd().split("\n");
  const first = lines.findIndex((l) => l.startsWith("btk,"));
  lines.push(lines[first]);
  writeFileSync(p, `${lines.join("\n")}\n`);
  expectProblem(
    dir,
    "projects.csv",
    lines.length,
    "id",
    new RegExp(`duplicate id "btk" \\(first on line ${first + 1}\\)`),
  );
});

test("ana data check rejects a malformed CSV row", () => {
  const { dir, line } = broken(
    "events.csv",
    (l) => l.startsWith("embassy-tel-aviv,"),
    (l) => l.replace("embassy-tel-aviv,2023-03-29,", "embassy-tel-aviv,2023-03-29,extra,"),
  );
  expectProblem(dir, "events.csv", line, "(row)", /fields, the header has/);
});

test("ana data check rejects a value of the wrong type", () => {
  const { dir, line } = broken(
    "flows.csv",
    (l) => l.startsWith("2020,arms,ISR,AZE,22,"),
    (l) => l.replace("2020,arms,ISR,AZE,22,", "2020,arms,ISR,AZE,twenty-two,"),
  );
  expectProblem(dir, "flows.csv", line, "value", /is not a number/);
});

test("ana data check lists every problem of a copy broken in several places, not only the first", () => {
  const { dir } = broken(
    "events.csv",
    (l) => l.startsWith("azal-8243,"),
    (l) => l.replace("2024-12-25", "2024-13-25"),
  );
  const p = join(dir, "flows.csv");
  writeFileSync(p, readFileSync(p, "utf8").replace("2020,arms,ISR,AZE,", "2020,arms,XYZ,AZE,"));
  const r = check(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /events\.csv:\d+: date: /);
  assert.match(r.stderr, /flows\.csv:2: from: unknown actor "XYZ"/);
  assert.match(r.stderr, /2 problems in /);
});
