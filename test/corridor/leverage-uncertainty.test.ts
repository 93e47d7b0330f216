import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadAssumptionRanges, withValues } from "../../src/corridor/assumption-ranges.ts";
import { corridorLeverage } from "../../src/corridor/corridor-leverage.ts";
import { yearLeverage } from "../../src/corridor/leverage.ts";
import {
  leverageUncertainty,
  quantile,
  triangular,
} from "../../src/corridor/leverage-uncertainty.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";
import { ValidationError } from "../../src/data/problem.ts";

const tiny = fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url));
const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

function tinyWith(ranges: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-ranges-"));
  cpSync(tiny, dir, { recursive: true });
  writeFileSync(
    join(dir, "assumption-ranges.csv"),
    `kind,key,year_from,year_to,low,high,group,reasoning\n${ranges}`,
  );
  return dir;
}

// Hand computation on the tiny network (default weights, 2021, demand 30 TEU = 15 FEU, RA capacity
// 5 FEU): GC RA = 200 + 1000 r (r = risk of AAA), RB 250, RS 600. C(∅) = 9000,
// C({B}) = 3750, C({A}) = 5 GC_RA + 6000 while GC_RA < 600, C({A,B}) = 5 GC_RA + 2500 while
// GC_RA < 250. Hence AAA's Shapley share is (1125 - 5000 r)/(5500 - 5000 r) for r < 0.05,
// (1000 - 2500 r)/5250 for 0.05 <= r < 0.4, and 0 from r = 0.4.
const share = (r: number) =>
  r < 0.05 ? (1125 - 5000 * r) / (5500 - 5000 * r) : r < 0.4 ? (1000 - 2500 * r) / 5250 : 0;

test("the tornado sets the risk to its low and high ends (hand: share 0.2045 at r=0, 0 at r=1)", async () => {
  const net = loadNetwork(tinyWith("risk,AAA,,,0,1,,hand test\n"));
  const central = (await yearLeverage(net, "transport", 2021, "AAA"))!;
  close(central.shapleyShare ?? 0, share(0.5));
  const u = await leverageUncertainty(net, "transport", 2021, "AAA", central, { draws: 0 });
  assert.equal(u.tornado.length, 1);
  close(u.tornado[0].shareAtLow!, share(0));
  close(u.tornado[0].shareAtHigh!, share(1));
  close(u.tornado[0].swing, 1125 / 5500);
});

test("seeded draws give the hand-computed 90% interval of the Shapley share (triangular 0, 0.5, 1)", async () => {
  // Share falls with r, so its 95% quantile is share(r_0.05) with F(r) = 2 r² → r_0.05 = √0.025;
  // its 5% quantile is 0 (P(r ≥ 0.4) = 0.68).
  const net = loadNetwork(tinyWith("risk,AAA,,,0,1,,hand test\n"));
  const central = (await yearLeverage(net, "transport", 2021, "AAA"))!;
  const u = await leverageUncertainty(net, "transport", 2021, "AAA", central, {
    draws: 1500,
    seed: 3,
    tornado: false,
  });
  assert.equal(u.draws, 1500);
  const [lo, hi] = u.shapleyShareInterval!;
  close(lo, 0);
  assert.ok(Math.abs(hi - share(Math.sqrt(0.025))) < 0.01, `${hi} vs ${share(Math.sqrt(0.025))}`);
  assert.equal(u.assumptionDriven, true);
  // Same seed, same interval.
  const again = await leverageUncertainty(net, "transport", 2021, "AAA", central, {
    draws: 1500,
    seed: 3,
    tornado: false,
  });
  assert.deepEqual(again.shapleyShareInterval, u.shapleyShareInterval);
});

test("grouped ranges move together; corridorLeverage rows carry the intervals with draws > 0", async () => {
  const dir = tinyWith(
    "risk,AAA,,,0,1,g,hand test\nparameter,cargo_value_usd_per_feu,,,1000,1000,g,fixed\n",
  );
  const r = await corridorLeverage("AAA", 2021, {
    dir,
    networks: ["transport"],
    draws: 20,
    seed: 1,
  });
  const row = r.rows[0];
  assert.ok(row.shapleyInterval && row.bypassCostInterval && row.routeBetweennessInterval);
  assert.equal(row.tornado!.length, 1);
  assert.match(row.tornado![0].assumption, /^g \(/);
});

test("triangular and quantile match their definitions", () => {
  close(triangular(0.5, 0, 0.5, 1), 0.5);
  close(triangular(0.02, 0, 0.5, 1), Math.sqrt(0.01));
  close(triangular(0.98, 0, 0.5, 1), 1 - Math.sqrt(0.01));
  close(quantile([3, 1, 2, 4], 0.5), 2.5);
  close(quantile([1, 2, 3, 4, 5], 0.9), 4.6);
});

test("a range whose central value lies outside it is rejected with file and line", () => {
  const net = loadNetwork(tinyWith("risk,AAA,,,0.6,1,,bad\n"));
  assert.throws(
    () => loadAssumptionRanges(net),
    (e: unknown) =>
      e instanceof ValidationError && /assumption-ranges\.csv:2.*outside/s.test(e.message),
  );
});

test("a capacity range (kind=capacity, link IR-TR from 2018) loads with its central value and sets the link in a draw", async () => {
  const { routesInYear } = await import("../../src/corridor/year-view.ts");
  const shipped = loadNetwork(
    fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url)),
  );
  const r = loadAssumptionRanges(shipped).find((x) => x.kind === "capacity" && x.key === "IR-TR")!;
  assert.deepEqual([r.low, r.central, r.high], [10000, 70000, 70000]);
  const south = (n: typeof shipped) =>
    routesInYear(n, 2024).find((x) => x.id === "SOUTH")!.capacity;
  assert.equal(south(shipped), 70000);
  assert.equal(south(withValues(shipped, new Map([[r, 25000]]))), 25000);
  // Years before 2018 keep their own row (35,000 TEU/yr, old ferries).
  assert.equal(
    routesInYear(withValues(shipped, new Map([[r, 25000]])), 2017).find((x) => x.id === "SOUTH")!
      .capacity,
    35000,
  );
});
