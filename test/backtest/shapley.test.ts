import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { COUNCIL_REGIMES } from "../../src/backtest/council.ts";
import { shapleyShubik } from "../../src/backtest/shapley.ts";

// Brute force in Python, independent of the TypeScript dynamic programme: for every player and
// every coalition of the others, add k!(n-k-1)!/n! when the player turns it from losing to winning.
const PY = `
import json, sys
from itertools import combinations
from math import factorial
w, q, m = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
n = len(w)
out = []
for i in range(n):
    others = [j for j in range(n) if j != i]
    s = 0.0
    for k in range(n):
        for c in combinations(others, k):
            t = sum(w[j] for j in c)
            if (t < q or k < m) and t + w[i] >= q and k + 1 >= m:
                s += factorial(k) * factorial(n - k - 1) / factorial(n)
    out.append(s)
print(json.dumps(out))
`;

function brute(w: number[], q: number, m: number): number[] {
  const r = spawnSync("/usr/bin/python3", ["-c", PY, JSON.stringify(w), String(q), String(m)], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("Shapley–Shubik index of the EU-15 Council (QMV 62 of 87) equals Python's brute force", () => {
  const eu15 = COUNCIL_REGIMES[0];
  const w = Object.values(eu15.weights);
  const got = shapleyShubik(w, eu15.quota, eu15.minMembers);
  const want = brute(w, eu15.quota, eu15.minMembers);
  for (const [i, x] of got.entries())
    assert.ok(Math.abs(x - want[i]) < 1e-12, `${i}: ${x} vs ${want[i]}`);
});

test("a member-count condition is honoured (brute force on a small game)", () => {
  const w = [5, 4, 3, 2, 1, 1];
  for (const m of [0, 3, 4]) {
    const got = shapleyShubik(w, 9, m);
    const want = brute(w, 9, m);
    for (const [i, x] of got.entries()) assert.ok(Math.abs(x - want[i]) < 1e-12, `m=${m} ${i}`);
  }
});

test("every regime's index sums to 1 and orders players by weight", () => {
  for (const r of COUNCIL_REGIMES) {
    const w = Object.values(r.weights);
    const s = shapleyShubik(w, r.quota, r.minMembers);
    assert.ok(Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-9, r.id);
    for (let i = 0; i < w.length; i++)
      for (let j = 0; j < w.length; j++) if (w[i] > w[j]) assert.ok(s[i] >= s[j] - 1e-12, r.id);
  }
});
