import assert from "node:assert/strict";
import { test } from "node:test";
import { ValidationError } from "../../src/data/problem.ts";
import { readEdgeList } from "../../src/network/read-edge-list.ts";

const problemsOf = (text: string, requireSign = true) => {
  try {
    readEdgeList("e.csv", text, { requireSign });
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    return e.problems;
  }
  assert.fail("expected a ValidationError");
};

test("readEdgeList groups edges by period in order of first appearance", () => {
  const r = readEdgeList(
    "e.csv",
    "source,target,sign,weight,period\nA,B,1,2,2019\nB,C,-1,,2011\nA,C,-1,,2019\n",
  );
  assert.deepEqual(
    r.map((p) => [p.period, p.edges.length]),
    [
      ["2019", 2],
      ["2011", 1],
    ],
  );
  assert.deepEqual(r[0].edges[0], { source: "A", target: "B", sign: 1, weight: 2 });
  assert.equal(r[1].edges[0].sign, -1);
});

test("readEdgeList names file, line and field for every bad row", () => {
  const p = problemsOf(
    "source,target,sign,weight\nA,B,2,\nA,A,1,\n,C,1,\nC,D,-1,-3\nD,E,1,\nE,D,-1,\n",
  );
  const where = p.map((x) => `${x.file}:${x.line}:${x.field}`);
  assert.deepEqual(where, [
    "e.csv:2:sign",
    "e.csv:3:target",
    "e.csv:4:source",
    "e.csv:5:weight",
    "e.csv:7:target",
  ]);
  assert.match(p[4].message, /already appears on line 6/);
});

test("readEdgeList asks for the sign column unless signs are optional (brokerage)", () => {
  const p = problemsOf("from,to,weight\nA,B,1\n");
  assert.equal(p[0].field, "sign");
  const r = readEdgeList("e.csv", "from,to,weight\nA,B,3\n", { requireSign: false });
  assert.deepEqual(r[0].edges, [{ source: "A", target: "B", sign: 1, weight: 3 }]);
});

test("readEdgeList rejects a header-only file and an empty period", () => {
  assert.match(problemsOf("source,target,sign\n")[0].message, /no edges/);
  assert.equal(problemsOf("source,target,sign,period\nA,B,1,\n")[0].field, "period");
});
