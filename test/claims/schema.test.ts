import assert from "node:assert/strict";
import { test } from "node:test";
import { parseClaims } from "../../src/claims/schema.ts";
import { ValidationError } from "../../src/data/problem.ts";

const ok = (extra = "") => `peers:
  a: { name: A, members: [AAA, BBB], source: listed }
claims:
  - id: one
    claim: Words.
    measure: m
    command: ana x
    periods: { at: "2011" }
    rule:
      kind: membership-from
      organisation: ORG
      statuses: [member]
      match: starts
${extra}`;

function problems(text: string) {
  try {
    parseClaims(text, "claims.yaml");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    return e.problems;
  }
  assert.fail("expected a ValidationError");
}

test("parseClaims accepts a valid claims file", () => {
  const c = parseClaims(ok(), "claims.yaml");
  assert.equal(c.claims[0].rule.kind, "membership-from");
  assert.deepEqual(c.peers.a.members, ["AAA", "BBB"]);
});

test("parseClaims names the file, line and field of a bad rule value", () => {
  const text = ok().replace("match: starts", "match: sometimes");
  const [p] = problems(text);
  assert.equal(p.file, "claims.yaml");
  assert.equal(p.field, "claims[0].rule.match");
  assert.equal(p.line, text.split("\n").findIndex((l) => l.includes("sometimes")) + 1);
});

test("parseClaims rejects an unknown rule kind, a bad period and a duplicate id with their lines", () => {
  const text = ok(`  - id: one
    claim: Again.
    measure: m
    command: ana x
    periods: { at: "around 2011" }
    rule: { kind: guess }
`);
  const ps = problems(text);
  const lines = text.split("\n");
  assert.ok(
    ps.some((p) => p.field === "claims[1].rule.kind" && lines[p.line - 1].includes("guess")),
  );
  assert.ok(
    ps.some(
      (p) => p.field.startsWith("claims[1].periods.at") && lines[p.line - 1].includes("around"),
    ),
  );
  const dup = problems(
    ok(`  - id: one
    claim: Again.
    measure: m
    command: ana x
    periods: { at: "2012" }
    rule: { kind: membership-from, organisation: ORG, statuses: [member], match: starts }
`),
  );
  assert.equal(dup[0].field, "claims[1].id");
  assert.match(dup[0].message, /duplicate id "one" \(first on line 4\)/);
});

test("parseClaims rejects a peer-percentile rule naming an undeclared peer set", () => {
  const text = ok(`  - id: two
    claim: Relative.
    measure: m
    command: ana x
    periods: { years: "2011-2014" }
    rule:
      kind: peer-percentile
      peers: [a, nope]
      threshold: 0.5
      measures: [{ measure: ideal-point-axis, axis: [RUS, USA], period: years }]
`);
  const [p] = problems(text);
  assert.equal(p.field, "claims[1].rule.peers");
  assert.match(p.message, /no peer set "nope"/);
  assert.ok(text.split("\n")[p.line - 1].includes("peers: [a, nope]"));
});

test("parseClaims reports YAML syntax errors with their line", () => {
  const [p] = problems("claims:\n  - id: [unclosed\n");
  assert.equal(p.field, "(yaml)");
  assert.ok(p.line >= 2);
});
