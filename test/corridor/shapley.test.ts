import assert from "node:assert/strict";
import { test } from "node:test";
import { shapleyExact } from "../../src/corridor/shapley.ts";

test("shapleyExact gives 1/3 each in the symmetric three-player majority game", () => {
  const players = ["A", "B", "C"];
  const pop = (m: number) => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
  const phi = shapleyExact(players, (m) => (pop(m) >= 2 ? 1 : 0));
  for (const p of players) assert.ok(Math.abs(phi.get(p)! - 1 / 3) < 1e-12);
});

test("shapleyExact: a veto player with two substitutes gets 2/3, the substitutes 1/6 each", () => {
  // v(S) = 1 if A and (B or C) are in S. By hand: A is pivotal in 4 of 6 orders (2/3);
  // B is pivotal only in the order A,B,C (1/6), C only in A,C,B (1/6).
  const phi = shapleyExact(["A", "B", "C"], (m) => (m & 1 && m & 6 ? 1 : 0));
  assert.ok(Math.abs(phi.get("A")! - 2 / 3) < 1e-12);
  assert.ok(Math.abs(phi.get("B")! - 1 / 6) < 1e-12);
  assert.ok(Math.abs(phi.get("C")! - 1 / 6) < 1e-12);
});

test("shapleyExact is efficient: the values add up to v(N) on an additive-plus-synergy game", () => {
  const w = [3, 5, 7, 11];
  const v = (m: number) =>
    w.reduce((s, x, i) => s + (m & (1 << i) ? x : 0), 0) + ((m & 3) === 3 ? 4 : 0);
  const phi = shapleyExact(["a", "b", "c", "d"], v);
  // Additive parts go to their owner; the synergy 4 between a and b is split 2/2.
  assert.deepEqual(
    [...phi.values()].map((x) => Math.round(x * 1e9) / 1e9),
    [5, 7, 7, 11],
  );
});
