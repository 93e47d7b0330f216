import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readScenario } from "../../src/data/load-scenario.ts";
import { completeDeclaration, isCurated } from "../../src/model/scenario.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/mini/", import.meta.url));

function withYaml(extra: string): { dir: string; firstLine: number } {
  const dir = mkdtempSync(join(tmpdir(), "ana-decl-"));
  cpSync(FIXTURE, dir, { recursive: true });
  const p = join(dir, "scenario.yaml");
  const before = readFileSync(p, "utf8");
  const firstLine = before.split("\n").length + (before.endsWith("\n") ? 0 : 1);
  appendFileSync(p, `${before.endsWith("\n") ? "" : "\n"}${extra}`);
  return { dir, firstLine };
}

test("scenario.yaml `curated` and `complete` declarations load (years as numbers or strings) and answer by year", () => {
  const { dir } = withYaml(
    [
      "curated:",
      '  hosting: { from: 2011, to: "2019", note: "every forum in the MFA archive", source: "https://mfa.gov.az" }',
      "complete:",
      '  - { domain: arms, from: "2011", to: 2020, note: "SIPRI lists every transfer", source: "SIPRI" }',
      "",
    ].join("\n"),
  );
  const r = readScenario(dir);
  assert.deepEqual(r.problems, []);
  const meta = r.scenario!.meta;
  assert.equal(isCurated(meta, "hosting", 2011), true);
  assert.equal(isCurated(meta, "hosting", 2020), false);
  assert.equal(isCurated(meta, "mediation", 2015), false);
  assert.equal(completeDeclaration(meta, "arms", 2020)?.source, "SIPRI");
  assert.equal(completeDeclaration(meta, "arms", 2021), undefined);
  assert.equal(completeDeclaration(meta, "gas", 2015), undefined);
});

test("bad declarations are reported with the scenario.yaml line and the field path", () => {
  const { dir, firstLine } = withYaml(
    [
      "curated:",
      '  hosting: { from: "2019", to: "2011", note: "n", source: "s" }',
      '  lobbying: { from: "2011", to: "2012", note: "n", source: "s" }',
      '  mediation: { from: "2011", to: "2012", note: "n" }',
      "complete:",
      '  - { domain: arms, from: "2011", to: "2012", note: "n", source: "s" }',
      '  - { domain: spice, from: "2011", to: "2012", note: "n", source: "s" }',
      "",
    ].join("\n"),
  );
  const r = readScenario(dir);
  assert.equal(r.scenario, undefined);
  const got = r.problems.map((p) => `${p.line} ${p.field}`).sort();
  const L = (k: number) => firstLine + k;
  assert.deepEqual(
    got,
    [
      `${L(1)} curated.hosting.to`,
      `${L(2)} curated`,
      `${L(3)} curated.mediation.source`,
      `${L(6)} complete.1.domain`,
    ].sort(),
  );
  for (const p of r.problems) assert.equal(p.file, join(dir, "scenario.yaml"));
});
