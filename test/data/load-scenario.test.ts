import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadScenario, readScenario } from "../../src/data/load-scenario.ts";
import { ValidationError } from "../../src/data/problem.ts";

const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;

function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-mini-"));
  cpSync(MINI, dir, { recursive: true });
  const p = join(dir, file);
  writeFileSync(p, edit(readFileSync(p, "utf8")));
  return dir;
}

test("loadScenario reads a valid folder into typed records", () => {
  const s = loadScenario(MINI);
  assert.equal(s.meta.focal, "AZE");
  assert.equal(s.actors.length, 4);
  assert.equal(s.events[0].title, 'Trilateral meeting in Sochi, "first of two"');
  assert.deepEqual(s.events[0].target, ["AZE", "ARM"]);
  assert.equal(s.events[0].goldstein, 5);
  assert.equal(s.events[1].initiator, undefined, "an empty cell is missing, not an empty string");
  assert.equal(s.flows[0].period, "full year");
});

test("readScenario lists every problem with file, line and field, and returns no scenario", () => {
  const dir = brokenCopy("events.csv", (t) => t.replace("2011-03-05", "2011-02-30").replace("AZE;NONALIGNED,,", "AZE;XXX,,"));
  const r = readScenario(dir);
  assert.equal(r.scenario, undefined);
  const lines = r.problems.map((p) => `${p.file.split("/").pop()}:${p.line}:${p.field}`);
  assert.ok(lines.includes("events.csv:2:date"), lines.join(" "));
  assert.ok(lines.includes("events.csv:3:actors"), lines.join(" "));
  assert.throws(() => loadScenario(dir), ValidationError);
});

test("readScenario rejects a wrong number type and a missing source", () => {
  const dir = brokenCopy("flows.csv", (t) => t.replace(",10,", ",ten,").replace("SIPRI (test value)", ""));
  const r = readScenario(dir);
  const got = r.problems.map((p) => `${p.line}:${p.field}`);
  assert.ok(got.includes("2:value"), got.join(" "));
});

test("readScenario rejects an unknown column with the expected ones named", () => {
  const dir = brokenCopy("actors.csv", (t) => t.replace("source,notes", "soruce,notes"));
  const r = readScenario(dir);
  assert.ok(r.problems.some((p) => p.field === "soruce" && p.line === 1 && /unknown column/.test(p.message)));
  assert.ok(r.problems.some((p) => p.field === "source" && /required column/.test(p.message)));
});

test("readScenario rejects an initiator who is not among the event's actors", () => {
  const dir = brokenCopy("events.csv", (t) => t.replace("RUS;AZE;ARM,RUS,", "AZE;ARM,RUS,"));
  const r = readScenario(dir);
  assert.ok(r.problems.some((p) => p.field === "initiator" && p.line === 2));
});

test("readScenario rejects an organisation code that is a state's ISO3 code (NAM is Namibia)", () => {
  const dir = brokenCopy("actors.csv", (t) => t.replace("NONALIGNED,organisation", "NAM,organisation"));
  const r = readScenario(dir);
  assert.ok(r.problems.some((p) => p.field === "id" && /Namibia/.test(p.message)), JSON.stringify(r.problems));
});
