import assert from "node:assert/strict";
import { test } from "node:test";
import { judgeComparison } from "../../src/claims/rules/change.ts";
import { finalVerdict, straddles } from "../../src/claims/verdict.ts";

const rule = { direction: "up" as const, threshold: 0, compare: "difference" as const };
const row = (level: string, delta: number | null, interval: [number, number] | null = null) => ({
  level: level as "neighbourhood",
  status: (delta === null ? "not testable" : "data") as "data" | "not testable",
  delta,
  interval,
});

test("a period comparison with a level not testable makes the claim not testable", () => {
  const j = judgeComparison(
    [row("neighbourhood", 5), row("regional", null), row("systemic", 3)],
    rule,
  );
  assert.equal(j.verdict, "not testable");
  assert.equal(j.decisive, null);
});

test("a rise at every level supports the claim; at some, partly; at none, not", () => {
  assert.equal(judgeComparison([row("n", 5), row("r", 2), row("s", 1)], rule).verdict, "supported");
  assert.equal(
    judgeComparison([row("n", 5), row("r", -2), row("s", 1)], rule).verdict,
    "partly supported",
  );
  assert.equal(
    judgeComparison([row("n", -5), row("r", -2), row("s", 0)], rule).verdict,
    "not supported",
  );
  assert.equal(
    judgeComparison([row("n", 5), row("r", -2)], { ...rule, minLevels: 1 }).verdict,
    "supported",
  );
});

test("a level's interval straddling the threshold makes the verdict inconclusive; the decisive level is the smallest rise", () => {
  const j = judgeComparison([row("n", 5, [2, 8]), row("r", 1, [-1, 3]), row("s", 4, [1, 7])], rule);
  assert.equal(j.point, "supported");
  assert.equal(j.verdict, "inconclusive");
  assert.equal(j.decisive?.level, "r");
  const k = judgeComparison([row("n", 5, [2, 8]), row("r", 1, [0.5, 3])], rule);
  assert.equal(k.verdict, "supported");
});

test("straddles and finalVerdict: strict straddling, stability below 90 % is inconclusive, not testable stays", () => {
  assert.equal(straddles([0, 1], 0), false);
  assert.equal(straddles([-0.1, 1], 0), true);
  assert.equal(straddles(null, 0), false);
  assert.equal(finalVerdict("supported", { stability: 0.89 }).verdict, "inconclusive");
  assert.equal(finalVerdict("supported", { stability: 0.9 }).verdict, "supported");
  assert.equal(
    finalVerdict("not testable", { thresholds: [{ value: 0, interval: [-1, 1], threshold: 0 }] })
      .verdict,
    "not testable",
  );
});
