import assert from "node:assert/strict";
import { test } from "node:test";
import { OpError, renderParamNames, UsageError } from "../../src/ops/errors.ts";
import { checkYearRange } from "../../src/ops/parse.ts";

test("checkYearRange compares dates at their common precision and bounds the span", () => {
  assert.doesNotThrow(() => checkYearRange({ from: 2015, to: 2016 }));
  assert.doesNotThrow(() => checkYearRange({ from: "2020-05", to: "2020" }));
  assert.doesNotThrow(() => checkYearRange({ from: "2020", to: "2020-01" }));
  assert.doesNotThrow(() => checkYearRange({ from: "2019-12-31", to: "2020-01" }));
  assert.throws(() => checkYearRange({ from: 2017, to: 2016 }), UsageError);
  assert.throws(() => checkYearRange({ from: "2020-06", to: "2020-05-31" }), /is after/);
  assert.doesNotThrow(() => checkYearRange({ from: 1960, to: 2020 }, 60));
  assert.throws(() => checkYearRange({ from: 1959, to: 2020 }, 60), /at most 60 years/);
  assert.doesNotThrow(() => checkYearRange({ from: undefined, to: 1900 }));
});

test("parameter names in messages are rendered per surface", () => {
  const m = "{from} 2016 is after {to} 2015; {pillarWeights}: unknown";
  assert.equal(
    renderParamNames(m, "cli"),
    "--from 2016 is after --to 2015; --pillar-weights: unknown",
  );
  assert.equal(renderParamNames(m, "api"), "from 2016 is after to 2015; pillarWeights: unknown");
  assert.equal(new OpError(422, "x").status, 422);
});
