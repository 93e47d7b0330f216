import assert from "node:assert/strict";
import { test } from "node:test";
import { midRank, peerBaseline } from "../../src/claims/peer-baseline.ts";

const peers = Array.from({ length: 10 }, (_, i) => ({ iso3: `P${i}`, value: i + 1 }));

test("midRank counts the peers below and half the ties", () => {
  assert.equal(midRank([1, 2, 3, 4], 2.5), 0.5);
  assert.equal(midRank([1, 2, 2, 4], 2), (1 + 1) / 4);
});

test("peerBaseline(...) puts a focal value of 7.5 among peers 1..10 at the 70th percentile", () => {
  const b = peerBaseline({ focal: { iso3: "F", value: 7.5 }, peers }, { draws: 200 });
  assert.equal(b.percentile, 0.7);
  assert.equal(b.n, 10);
  assert.equal(b.peerQuantiles?.p50, 5.5);
  assert.ok(b.interval![0] <= 0.7 && 0.7 <= b.interval![1]);
  assert.ok(b.interval![0] >= 0 && b.interval![1] <= 1);
});

test("peerBaseline(...) with exact values and no peer resampling has a zero-width interval", () => {
  const b = peerBaseline(
    { focal: { iso3: "F", value: 7 }, peers },
    { draws: 50, resample: "values" },
  );
  assert.equal(b.percentile, 0.65);
  assert.deepEqual(b.interval, [0.65, 0.65]);
});

test("peerBaseline(...) never counts the focal state as its own peer and needs enough peers", () => {
  const b = peerBaseline({ focal: { iso3: "P3", value: 4 }, peers }, { draws: 10 });
  assert.equal(b.n, 9);
  assert.ok(!b.peers.includes("P3"));
  const few = peerBaseline({ focal: { iso3: "F", value: 1 }, peers: peers.slice(0, 3) });
  assert.equal(few.percentile, null);
  assert.equal(few.interval, null);
});

test("peerBaseline(...) widens the interval when values carry standard errors, and is seeded", () => {
  const noisy = peers.map((p) => ({ ...p, se: 2 }));
  const a = peerBaseline(
    { focal: { iso3: "F", value: 5.5, se: 2 }, peers: noisy },
    { resample: "values", draws: 400 },
  );
  const b = peerBaseline(
    { focal: { iso3: "F", value: 5.5, se: 2 }, peers: noisy },
    { resample: "values", draws: 400 },
  );
  assert.deepEqual(a.interval, b.interval);
  assert.ok(a.interval![1] - a.interval![0] > 0.2);
});

test("peerBaseline(...) gives the same interval whatever order the peers come in", () => {
  const noisy = peers.map((p) => ({ ...p, se: 1 }));
  const a = peerBaseline({ focal: { iso3: "F", value: 5, se: 1 }, peers: noisy });
  const b = peerBaseline({ focal: { iso3: "F", value: 5, se: 1 }, peers: [...noisy].reverse() });
  assert.deepEqual(a.interval, b.interval);
});
