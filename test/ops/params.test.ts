import assert from "node:assert/strict";
import { before, test } from "node:test";
import { p } from "../../src/ops/params.ts";
import { loadZod } from "../../src/ops/zod.ts";

before(async () => {
  await loadZod();
});

const ok = (
  param: { zod: { safeParse(v: unknown): { success: boolean; data?: unknown } } },
  v: unknown,
) => {
  const r = param.zod.safeParse(v);
  assert.ok(r.success, `expected ${JSON.stringify(v)} to parse`);
  return r.data;
};
const bad = (
  param: {
    zod: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } };
  },
  v: unknown,
) => {
  const r = param.zod.safeParse(v);
  assert.ok(!r.success, `expected ${JSON.stringify(v)} to be refused`);
  return r.error!.issues.map((i) => i.message).join("; ");
};

test("one schema takes command-line strings and library values alike", () => {
  assert.equal(ok(p.year("y"), "2015"), 2015);
  assert.equal(ok(p.year("y"), 2015), 2015);
  assert.match(bad(p.year("y"), "20x5"), /must be a year such as 2015, not "20x5"/);
  assert.match(bad(p.year("y"), 2015.5), /must be a year/);
  assert.deepEqual(ok(p.codes("c"), "rus, usa"), ["RUS", "USA"]);
  assert.deepEqual(ok(p.codes("c"), ["rus"]), ["RUS"]);
  assert.match(bad(p.codes("c"), "RUS,1X"), /"1X" is not an actor code/);
  assert.match(bad(p.codes("c", { length: 2 }), "RUS"), /exactly 2 codes/);
  assert.equal(ok(p.code("c"), "aze"), "AZE");
  assert.equal(ok(p.flag("f"), "true"), true);
  assert.equal(ok(p.flag("f"), "0"), false);
  assert.equal(ok(p.flag("f"), undefined), false);
  assert.equal(ok(p.flag("f"), true), true);
  assert.match(bad(p.flag("f"), "yes"), /true or false/);
  assert.equal(ok(p.number("n", { min: 0, max: 10 }), "2.5"), 2.5);
  assert.match(bad(p.number("n", { min: 0, max: 10 }), "11"), /at most 10/);
  assert.match(bad(p.number("n", { int: true }), "1.5"), /whole number/);
  assert.match(bad(p.number("n", { positive: true }), 0), /positive/);
  assert.equal(ok(p.enum(["a", "b"], "e"), "b"), "b");
  assert.match(bad(p.enum(["a", "b"], "e"), "c"), /must be one of a, b, not "c"/);
  assert.deepEqual(ok(p.enums(["x", "y"], "e"), "x,y"), ["x", "y"]);
  assert.match(bad(p.enums(["x", "y"], "e"), "x,z"), /"z" is not one of x, y/);
  assert.deepEqual(ok(p.weights("w"), "relations.warmth=2,autonomy.gas=0"), {
    "relations.warmth": 2,
    "autonomy.gas": 0,
  });
  assert.deepEqual(ok(p.weights("w"), { a: 1.5 }), { a: 1.5 });
  assert.match(bad(p.weights("w"), "a=x"), /"a=x" is not key=number/);
  assert.match(bad(p.weights("w"), { a: -1 }), /weight must be a number ≥ 0/);
  assert.equal(ok(p.date("d"), "2020-02"), "2020-02");
  assert.match(bad(p.date("d"), "2011-13"), /must be a date/);
});

test("optional and default parameters", () => {
  assert.equal(ok(p.year("y").optional(), undefined), undefined);
  assert.equal(ok(p.number("n").default(365), undefined), 365);
  assert.equal(ok(p.number("n").default(365), "30"), 30);
  assert.match(bad(p.year("y"), undefined), /must be a year/);
});
