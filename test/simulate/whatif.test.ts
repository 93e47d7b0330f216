import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { ValidationError } from "../../src/data/problem.ts";
import { whatIf } from "../../src/simulate/whatif.ts";
import { applyChanges, parseChanges } from "../../src/simulate/whatif-apply.ts";

const s = loadScenario(fileURLToPath(new URL("../data/scenarios/poles/", import.meta.url)));

test("whatIf adds a flow and reports partner shares and HHI before and after", () => {
  const r = whatIf(
    s,
    "AZE",
    "changes:\n  - op: add\n    table: flows\n    row: { year: 2020, domain: trade-export, from: AZE, to: CHN, value: 3000, unit: USD million }\n",
  );
  const row = (m: string, k: string) => r.measures.find((x) => x.measure === m && x.key === k);
  // exports 2020 before: RUS 700, TUR 1600, USA 400, CHN 300, ARM 0 (total 3000); after CHN +3000
  assert.equal(row("flow-share", "trade-export.2020.CHN")?.before, 300 / 3000);
  assert.equal(row("flow-share", "trade-export.2020.CHN")?.after, 3300 / 6000);
  const hhi = (xs: number[]) => xs.reduce((h, x) => h + x * x, 0);
  const b = row("flow-concentration", "trade-export.2020.hhi");
  assert.ok(
    Math.abs((b?.before ?? 0) - hhi([700, 1600, 400, 300, 0].map((x) => x / 3000))) < 1e-12,
  );
  assert.ok(
    Math.abs((b?.after ?? 0) - hhi([700, 1600, 400, 3300, 0].map((x) => x / 6000))) < 1e-12,
  );
  assert.equal(row("pole-flow-share", "trade-export.2020.China")?.after, 3300 / 6000);
  assert.equal(r.applied[0].rows, 1);
  assert.ok(r.changed.length > 0);
});

test("whatIf removes and updates rows matched by `where`", () => {
  const r = whatIf(
    s,
    "AZE",
    "changes:\n  - op: remove\n    table: ties\n    where: { a: AZE, b: RUS }\n  - op: update\n    table: ties\n    where: { a: AZE, b: TUR }\n    set: { strength: 0.5 }\n",
  );
  const row = (k: string) => r.measures.find((x) => x.measure === "tie-balance" && x.key === k);
  assert.equal(row("positive")?.before, 2);
  assert.equal(row("positive")?.after, 1);
  assert.equal(row("net.Russia")?.after, 0);
  assert.equal(row("net.Turkey")?.after, 0.5);
});

test("whatIf rejects an invalid row with the changes file, line and field", () => {
  assert.throws(
    () =>
      whatIf(
        s,
        "AZE",
        "changes:\n  - op: add\n    table: flows\n    row: { year: 2020, domain: gas, from: AZE, to: XXX, value: -1, unit: bcm }\n",
        "c.yaml",
      ),
    (e: unknown) => e instanceof ValidationError && /c\.yaml:2: flows\.value/.test(e.message),
  );
  assert.throws(
    () =>
      whatIf(
        s,
        "AZE",
        "changes:\n  - op: add\n    table: flows\n    row: { year: 2020, domain: gas, from: AZE, to: XXX, value: 1, unit: bcm }\n",
        "c.yaml",
      ),
    (e: unknown) =>
      e instanceof ValidationError && /c\.yaml:2: .*unknown actor "XXX"/.test(e.message),
  );
  assert.throws(() => whatIf(s, "AZE", "nothing: here\n", "c.yaml"), /c\.yaml:1: changes/);
});

test("a hypothetical row without a source is labelled hypothetical, never passed off as a fact", () => {
  const text =
    "changes:\n  - op: add\n    table: ties\n    row: { a: AZE, b: CHN, domain: economic, sign: 1 }\n";
  const { scenario } = applyChanges(s, parseChanges(text));
  assert.equal(scenario.ties.at(-1)?.source, "hypothetical (what-if)");
  assert.equal(s.ties.length + 1, scenario.ties.length, "the original scenario is not modified");
  const r = whatIf(s, "AZE", text);
  assert.equal(r.applied[0].rows, 1);
  assert.ok(r.included.some((m) => m.id === "tie-balance"));
  assert.ok(r.notIncluded.length > 0);
});

test("whatIf rejects a misspelt or unknown field with file:line: field, instead of applying nothing", () => {
  const text = [
    "changes:",
    "  - op: update",
    "    table: ties",
    "    where: { a: AZE, b: TUR }",
    "    set:",
    "      staus: 0.5",
    "  - op: add",
    "    table: flows",
    "    row: { year: 2020, domain: gas, from: AZE, to: TUR, valeu: 1, unit: bcm }",
    "  - op: remove",
    "    table: ties",
    "    wher: { a: AZE }",
    "",
  ].join("\n");
  assert.throws(
    () => whatIf(s, "AZE", text, "c.yaml"),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError, String(e));
      const lines = e.problems.map((p) => `${p.file}:${p.line}: ${p.field}`);
      assert.ok(lines.includes("c.yaml:6: set.staus"), lines.join("\n"));
      assert.ok(lines.includes("c.yaml:9: row.valeu"), lines.join("\n"));
      assert.ok(lines.includes("c.yaml:12: wher"), lines.join("\n"));
      return true;
    },
  );
  // The same change with the right field name applies.
  const ok = whatIf(s, "AZE", text.split("\n").slice(0, 6).join("\n").replace("staus", "strength"));
  assert.equal(ok.applied[0].rows, 1);
});

test("parseChanges refuses a YAML alias bomb with a validation error (no expansion)", () => {
  const bomb = [
    "a: &a [x, x, x, x, x, x, x, x, x, x]",
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
    "changes: [*e]",
  ].join("\n");
  assert.throws(() => parseChanges(bomb, "bomb.yaml"), ValidationError);
});
