import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertMeasured,
  combineStatus,
  measured,
  StatusInvariantError,
} from "../../src/measure/status.ts";

test("measured() keeps a figure as value only for status 'data'; partial figures go to raw", () => {
  assert.deepEqual(measured("data", 0.4), { status: "data", value: 0.4 });
  const p = measured("partial", 0.7);
  assert.equal(p.value, null);
  assert.deepEqual(p.raw, { figure: 0.7 });
  assert.equal(measured("no data", null).value, null);
  // "data" without a figure is not data.
  assert.equal(measured("data", null).status, "no data");
  assert.equal(measured("data", Number.NaN).status, "no data");
});

test("assertMeasured() rejects every breach of the invariant", () => {
  assert.throws(() => assertMeasured({ status: "partial", value: 0.5 }), StatusInvariantError);
  assert.throws(() => assertMeasured({ status: "no data", value: 0 }), StatusInvariantError);
  assert.throws(() => assertMeasured({ status: "data", value: null }), StatusInvariantError);
  assert.throws(() => assertMeasured({ status: "data", value: 1.5 }, [0, 1]), /outside \[0,1\]/);
  assert.throws(
    () => assertMeasured({ status: "no data", value: null, interval: [0, 1] }),
    /interval needs status "data"/,
  );
  assert.throws(() => assertMeasured({ status: "data", value: 0.5, interval: [0.6, 0.4] }));
  assert.throws(() => assertMeasured({ status: "maybe" as "data", value: 0.5 }));
  assert.doesNotThrow(() => assertMeasured({ status: "data", value: 0.5, interval: [0.4, 0.6] }));
});

test("combineStatus(): data only when every component is data, no data when none has any", () => {
  assert.equal(combineStatus(["data", "data"]), "data");
  assert.equal(combineStatus(["data", "no data"]), "partial");
  assert.equal(combineStatus(["partial", "data"]), "partial");
  assert.equal(combineStatus(["no data", "no data"]), "no data");
  assert.equal(combineStatus([]), "no data");
});
