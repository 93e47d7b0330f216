import assert from "node:assert/strict";
import { test } from "node:test";
import { frustrationExhaustive } from "../../src/network/frustration-exhaustive.ts";
import { frustrationOf } from "../../src/network/signed-graph.ts";
import { bruteForceFrustration, randomSignedGraph } from "../util/signed-graphs.ts";

test("frustrationExhaustive (Gray-code enumeration) agrees with plain enumeration and attains its value", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const g = randomSignedGraph(seed, 1 + (seed % 11), 0.6, seed % 2 === 0);
    const r = frustrationExhaustive(g.nodes.length, g.edges);
    assert.equal(r.value, bruteForceFrustration(g), `seed ${seed}`);
    assert.equal(frustrationOf(g, r.side), r.value);
  }
});
