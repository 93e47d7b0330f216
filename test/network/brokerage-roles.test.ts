import assert from "node:assert/strict";
import { test } from "node:test";
import { brokerageRoles } from "../../src/network/brokerage-roles.ts";
import type { SignedEdge } from "../../src/network/signed-graph.ts";

const e = (u: number, v: number): SignedEdge => ({ u, v, sign: 1, weight: 1 });

test("a broker between three groups is a liaison, twice (both directions of the open pair)", () => {
  const r = brokerageRoles(3, [e(0, 1), e(1, 2)], ["x", "y", "z"]);
  assert.deepEqual(r[1], {
    coordinator: 0,
    itinerant: 0,
    gatekeeper: 0,
    representative: 0,
    liaison: 2,
  });
  assert.deepEqual(r[0], {
    coordinator: 0,
    itinerant: 0,
    gatekeeper: 0,
    representative: 0,
    liaison: 0,
  });
});

test("the five Gould–Fernandez roles follow the groups of a, b and c", () => {
  // Star around node 0 (group x): leaves 1 (x), 2 (x), 3 (y), 4 (y), 5 (z).
  const r = brokerageRoles(
    6,
    [e(0, 1), e(0, 2), e(0, 3), e(0, 4), e(0, 5)],
    ["x", "x", "x", "y", "y", "z"],
  )[0];
  // Ordered pairs (a, c) of distinct leaves: 20. Coordinator: a, c in x: 1→2, 2→1.
  assert.equal(r.coordinator, 2);
  // Itinerant: a, c in the same group other than x: 3→4, 4→3.
  assert.equal(r.itinerant, 2);
  // Representative: a in x, c outside: {1,2} × {3,4,5} = 6. Gatekeeper: the reverse, 6.
  assert.equal(r.representative, 6);
  assert.equal(r.gatekeeper, 6);
  // Liaison: a and c in different groups, neither x: 3→5, 4→5, 5→3, 5→4.
  assert.equal(r.liaison, 4);
});

test("closed triads and nodes without a group are not brokerage", () => {
  const r = brokerageRoles(3, [e(0, 1), e(1, 2), e(0, 2)], ["x", "y", "z"]);
  assert.equal(r[1].liaison, 0);
  const s = brokerageRoles(3, [e(0, 1), e(1, 2)], ["x", undefined, "z"]);
  assert.equal(s[1].liaison, 0);
});
