// `--assignment cheapest|logit` and `--theta` on `corridors disrupt` and `corridors leverage`, with
// the semantics of `corridors compare`: the same estimated theta when none is given, the answer
// saying which assignment ran, and logit approaching cheapest-first as theta grows.
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
  assert.equal(d.assignment, "logit");
  assert.equal(d.theta, c.theta);
  // The default stays cheapest-first, and says so.
  const plain = await corridorsLeverage({ country: "AZE", year: 2024, network: "transport" });
  assert.equal(plain.assignment, "cheapest");
  assert.equal(plain.theta, undefined);
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

test("logit leverage approaches cheapest-first leverage as theta grows (the limit of the logit)", async () => {
  const cheap = await corridorsLeverage({ country: "AZE", year: 2024, network: "transport" });
  const sharp = await corridorsLeverage({
    country: "AZE",
    year: 2024,
    network: "transport",
    assignment: "logit",
    theta: 1,
  });
  const soft = await corridorsLeverage({
    country: "AZE",
    year: 2024,
    network: "transport",
    assignment: "logit",
    theta: 1e-4,
  });
  const c = cheap.rows[0].shapleyShare!;
  assert.ok(
    Math.abs(sharp.rows[0].shapleyShare! - c) < 1e-3 * c,
    `${sharp.rows[0].shapleyShare} vs ${c}`,
  );
  assert.ok(Math.abs(soft.rows[0].shapleyShare! - c) > 1e-3 * c, "a soft logit differs");
});
