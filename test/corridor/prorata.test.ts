import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { AssignProblem } from "../../src/corridor/assign.ts";
import { disrupt } from "../../src/corridor/disrupt.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";
import { assignProRata } from "../../src/corridor/prorata.ts";

const close = (a: number, b: number, tol = 1e-6) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

function served(p: AssignProblem, flows: Map<string, number>, d: string) {
  return p.routes.filter((r) => r.destination === d).reduce((s, r) => s + flows.get(r.id)!, 0);
}

const gas = (
  routes: [string, string, string[]][],
  caps: [string, number][],
  demand: [string, number][],
): AssignProblem => ({
  routes: routes.map(([id, destination, links]) => ({ id, destination, cost: 0, links })),
  capacities: new Map(caps),
  demand: new Map(demand),
  penalty: 1,
});

test("assignProRata shares one bottleneck in proportion to demand (hand: 6 of 9 → 4 and 2)", async () => {
  const p = gas(
    [
      ["RA", "A", ["L"]],
      ["RB", "B", ["L"]],
    ],
    [["L", 6]],
    [
      ["A", 6],
      ["B", 3],
    ],
  );
  const r = await assignProRata(p);
  close(served(p, r.flows, "A"), 4);
  close(served(p, r.flows, "B"), 2);
  close(r.unserved.get("A")!, 2);
  close(r.unserved.get("B")!, 1);
});

test("assignProRata uses a buyer's private route to raise everyone's share (hand: t = 7/9)", async () => {
  // L (6) is shared, M (1) serves B only: total 7 of 9, both get 7/9 of demand.
  const p = gas(
    [
      ["RA", "A", ["L"]],
      ["RB", "B", ["L"]],
      ["RB2", "B", ["M"]],
    ],
    [
      ["L", 6],
      ["M", 1],
    ],
    [
      ["A", 6],
      ["B", 3],
    ],
  );
  const r = await assignProRata(p);
  close(served(p, r.flows, "A"), (6 * 7) / 9);
  close(served(p, r.flows, "B"), (3 * 7) / 9);
});

test("assignProRata keeps the most gas delivered: a blocked buyer does not cut the others", async () => {
  // A can get only 2 (its link), B all of its 3; equal shares (5/9 each) would deliver less.
  const p = gas(
    [
      ["RA", "A", ["L"]],
      ["RB", "B", ["M"]],
    ],
    [
      ["L", 2],
      ["M", 10],
    ],
    [
      ["A", 6],
      ["B", 3],
    ],
  );
  const r = await assignProRata(p);
  close(served(p, r.flows, "A"), 2);
  close(served(p, r.flows, "B"), 3);
  close(r.cost, 4);
});

test("assignProRata does not depend on the order of routes and buyers", async () => {
  const routes: [string, string, string[]][] = [
    ["R1", "A", ["L", "N"]],
    ["R2", "B", ["L"]],
    ["R3", "C", ["N", "M"]],
    ["R4", "B", ["M"]],
    ["R5", "C", ["L"]],
  ];
  const caps: [string, number][] = [
    ["L", 5],
    ["M", 2],
    ["N", 4],
  ];
  const demand: [string, number][] = [
    ["A", 4],
    ["B", 3],
    ["C", 5],
  ];
  const a = gas(routes, caps, demand);
  const b = gas([...routes].reverse(), [...caps].reverse(), [...demand].reverse());
  const ra = await assignProRata(a);
  const rb = await assignProRata(b);
  for (const d of ["A", "B", "C"]) close(served(a, ra.flows, d), served(b, rb.flows, d));
  // Same total as the least-cost assignment (7 of 12 cannot be bettered: L 5 + M 2).
  close(ra.cost, 12 - 7);
});

test("IGB is fed from TAP: with Türkiye's grid route closed, Europe gets TAP's 10 bcm, not 13", async () => {
  const dir = fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url));
  const net = loadNetwork(dir);
  // 2023: Europe 11.8 bcm (Trend); TAP entry 10 bcm/yr (Trend), IGB 3 bcm/yr downstream of it.
  const d = await disrupt(net, { close: ["TR-BG"], year: 2023, network: "gas" });
  close(d.after.unserved, 11.8 - 10);
});

test("gas years name the buyers whose volumes are unsourced instead of treating them as 0", async () => {
  const { yearProblem } = await import("../../src/corridor/problem.ts");
  const dir = fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url));
  const net = loadNetwork(dir);
  // Read off gas-flows.csv by hand: Türkiye and Georgia have no full-year figure for 2021–2022
  // (only Jan–Jul 2021 and Jan–Oct 2022 are published), Georgia none for 2018–2019, and TAP
  // (commercial from 31 Dec 2020) has no 2020 figure for Europe.
  const want: Record<number, string[]> = {
    2018: ["GEO"],
    2019: ["GEO"],
    2020: ["EUR"],
    2021: ["GEO", "TUR"],
    2022: ["GEO", "TUR"],
    2023: [],
    2024: [],
    2025: [],
  };
  for (const [y, missing] of Object.entries(want))
    assert.deepEqual(yearProblem(net, "gas", Number(y))!.demandMissing, missing, `year ${y}`);
});
