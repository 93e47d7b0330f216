// `--assignment cheapest|logit` and `--theta` on `corridors disrupt` and `corridors leverage`, with
// the semantics of `corridors compare`: the same estimated theta when none is given, the same
// default, the answer saying which assignment ran, and the same flows as compare under logit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { corridorsCompare, corridorsDisrupt, corridorsLeverage } from "../../src/index.ts";

test("leverage and disrupt estimate the same theta as compare when logit is asked without one", async () => {
  const c = await corridorsCompare({ from: "CHN", to: "DEU", year: 2024, assignment: "logit" });
  assert.equal(c.assignment, "logit");
  assert.ok(c.theta! > 0);
  const l = await corridorsLeverage({
    country: "AZE",
    year: 2024,
    network: "transport",
    assignment: "logit",
  });
  assert.equal(l.assignment, "logit");
  assert.equal(l.theta, c.theta);
  const d = await corridorsDisrupt({ close: ["RUS"], year: 2024, assignment: "logit" });
  assert.equal(d.assignment.assignment, "logit");
  assert.equal(d.assignment.assignment === "logit" && d.assignment.theta, c.theta);
  // The default is the network's (as compare's), and each answer says which it used.
  const c0 = await corridorsCompare({ from: "CHN", to: "DEU", year: 2024 });
  const l0 = await corridorsLeverage({ country: "AZE", year: 2024, network: "transport" });
  const d0 = await corridorsDisrupt({ close: ["RUS"], year: 2024 });
  assert.equal(l0.assignment, c0.assignment);
  assert.equal(l0.theta, c0.theta);
  assert.equal(d0.assignment.assignment, c0.assignment);
  // Cheapest-first on request.
  const lc = await corridorsLeverage({
    country: "AZE",
    year: 2024,
    network: "transport",
    assignment: "cheapest",
  });
  assert.equal(lc.assignment, "cheapest");
  assert.equal(lc.theta, undefined);
});

test("under logit the route flows of disrupt's 'before' are compare's logit flows", async () => {
  const theta = 0.002;
  const c = await corridorsCompare({
    from: "CHN",
    to: "DEU",
    year: 2024,
    assignment: "logit",
    theta,
  });
  const d = await corridorsDisrupt({ close: ["RUS"], year: 2024, assignment: "logit", theta });
  for (const r of c.routes) {
    if (r.flowTEU === null || r.flowTEU === undefined || r.status !== "operating") continue;
    const b = d.before.routes.find((x) => x.id === r.id);
    assert.ok(b, r.id);
    assert.ok(
      Math.abs(b.flow - r.flowTEU) <= 1e-6 * Math.max(1, r.flowTEU),
      `${r.id}: ${b.flow} vs ${r.flowTEU}`,
    );
  }
  // Russia closed: nothing crosses it after.
  for (const r of d.after.routes) if (r.countries.includes("RUS")) assert.equal(r.flow, 0);
});
