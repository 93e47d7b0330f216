import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { compareRoutes } from "../../src/corridor/compare.ts";
import { disrupt } from "../../src/corridor/disrupt.ts";
import { yearLeverage } from "../../src/corridor/leverage.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";

const dir = fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url));
const costOnly = { cost: 1, time: 0, risk: 0 };
const close = (a: number, b: number, tol = 1e-6) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

test("compareRoutes ranks by generalised cost computed by hand", () => {
  const net = loadNetwork(dir);
  // GC = cost + share*value*time + risk*value with value 1000, share 0.01/day:
  // RA 100 + 100 + 0.5*1000 = 700; RB 150 + 100 + 0 = 250; RS 300 + 300 + 0 = 600.
  const rows = compareRoutes(net, { from: "XXX", to: "ZZZ", year: 2021 });
  assert.deepEqual(
    rows.map((r) => [r.id, r.generalizedCost]),
    [
      ["RB", 250],
      ["RS", 600],
      ["RA", 700],
    ],
  );
  assert.deepEqual(rows[0].countries, ["XXX", "BBB", "ZZZ"]);
  assert.equal(rows.find((r) => r.id === "RA")!.capacity, 10);
});

test("a link opened in 2020 keeps its route out of 2019", () => {
  const net = loadNetwork(dir);
  const ids = compareRoutes(net, { from: "XXX", to: "ZZZ", year: 2019 }).map((r) => r.id);
  assert.deepEqual(ids.sort(), ["RA", "RS"]);
});

test("disrupt reassigns the capacity-limited cheapest route's flow and prices it (by hand)", async () => {
  const net = loadNetwork(dir);
  // Cost-only: RA 100, RB 150, RS 300 USD/FEU; demand 30 TEU = 15 FEU; RA capacity 10 TEU.
  // Before: RA 10, RB 20 -> 5*100 + 10*150 = 2000 USD. Close AAA: RB 30 -> 2250 USD.
  const d = await disrupt(net, { close: ["AAA"], year: 2021, weights: costOnly });
  close(d.before.totalCost, 2000);
  close(d.after.totalCost, 2250);
  close(d.costIncrease, 250);
  close(d.costIncreasePerUnit!, 250 / 15);
  assert.deepEqual(
    d.before.binding.map((b) => b.link),
    ["LA1"],
  );
  assert.deepEqual(
    d.shifts.map((s) => [s.route, Math.round(s.change)]),
    [
      ["RA", -10],
      ["RB", 10],
    ],
  );
  close(d.timeIncreaseDays!, 0);
});

test("leverage: betweenness, bypass cost and Shapley values match a hand computation", async () => {
  const net = loadNetwork(dir);
  // C(S) = min cost using routes whose transit countries are in S (sea always open):
  // C({}) = 15*300 = 4500; C({A}) = 5*100 + 10*300 = 3500; C({B}) = 15*150 = 2250;
  // C({A,B}) = 2000. v = C({}) - C(S): v(A) = 1000, v(B) = 2250, v(AB) = 2500.
  // phi_A = (1000 + (2500 - 2250)) / 2 = 625; phi_B = (2250 + (2500 - 1000)) / 2 = 1875.
  const a = (await yearLeverage(net, "transport", 2021, "AAA", { weights: costOnly }))!;
  const b = (await yearLeverage(net, "transport", 2021, "BBB", { weights: costOnly }))!;
  close(a.routeBetweenness, 1 / 3);
  close(b.routeBetweenness, 2 / 3);
  close(a.bypassCost, 250); // 2250 - 2000
  close(b.bypassCost, 1500); // (500 + 10*300) - 2000
  close(a.shapley, 625);
  close(b.shapley, 1875);
  close(a.grandValue, 2500);
  close(a.shapleyShare!, 0.25);
  assert.deepEqual(a.players, ["AAA", "BBB"]);
});

test("leverage of a country on no route is exactly zero (a null player), and years without demand are missing", async () => {
  const net = loadNetwork(dir);
  const z = (await yearLeverage(net, "transport", 2021, "QQQ", { weights: costOnly }))!;
  assert.equal(z.shapley, 0);
  assert.equal(z.bypassCost, 0);
  assert.equal(z.routeBetweenness, 0);
  assert.equal(await yearLeverage(net, "transport", 2024, "AAA"), undefined);
});
