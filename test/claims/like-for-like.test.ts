import assert from "node:assert/strict";
import { test } from "node:test";
import { compareOverallLikeForLike } from "../../src/claims/measures/like-for-like.ts";
import type { Scorecard } from "../../src/measure/scorecard.ts";

/** Two pillars; p1 has a (always there) and b (missing in 2012); p2 has c (always there). */
function card(cMissing2014 = false): Scorecard {
  const a: Record<number, number> = { 2011: 0.2, 2012: 0.4, 2013: 0.6, 2014: 0.8 };
  const b: Record<number, number | null> = { 2011: 1, 2012: null, 2013: 1, 2014: 1 };
  const c: Record<number, number | null> = {
    2011: 0.5,
    2012: 0.5,
    2013: 0.7,
    2014: cMissing2014 ? null : 0.9,
  };
  const cells = [];
  for (const y of [2011, 2012, 2013, 2014]) {
    cells.push({
      year: y,
      level: "neighbourhood",
      pillar: "p1",
      score: null,
      coverage: 1,
      inputs: [
        { key: "a", value: a[y], weight: 1, source: "t" },
        { key: "b", value: b[y], weight: 1, source: "t" },
      ],
    });
    cells.push({
      year: y,
      level: "neighbourhood",
      pillar: "p2",
      score: null,
      coverage: 1,
      inputs: [{ key: "c", value: c[y], weight: 1, source: "t" }],
    });
  }
  return {
    levels: ["neighbourhood"],
    pillars: ["p1", "p2"],
    pillarWeights: { p1: 1, p2: 1 },
    cells,
  } as unknown as Scorecard;
}

test("compareOverallLikeForLike keeps only inputs with data in every year of both periods", () => {
  const [row] = compareOverallLikeForLike(
    card(),
    { before: [2011, 2012], after: [2013, 2014] },
    { draws: 100 },
  );
  assert.equal(row.status, "data");
  assert.deepEqual(row.used.sort(), ["p1/a", "p2/c"]);
  assert.deepEqual(row.dropped, [{ key: "p1/b", reason: "no data in 2012" }]);
  // Yearly overall = mean(100·a, 100·c): 35, 45, 65, 85.
  assert.ok(Math.abs(row.before! - 40) < 1e-9);
  assert.ok(Math.abs(row.after! - 75) < 1e-9);
  assert.ok(Math.abs(row.delta! - 35) < 1e-9);
  // Resampling years within periods: the change lies between 65−45 = 20 and 85−35 = 50.
  assert.ok(row.interval![0] >= 20 - 1e-9 && row.interval![1] <= 50 + 1e-9);
});

test("compareOverallLikeForLike calls a level not testable when a pillar keeps no input", () => {
  const [row] = compareOverallLikeForLike(
    card(true),
    { before: [2011, 2012], after: [2013, 2014] },
    { draws: 10 },
  );
  assert.equal(row.status, "not testable");
  assert.equal(row.delta, null);
  assert.ok(row.dropped.some((d) => d.key === "p2/*"));
});
