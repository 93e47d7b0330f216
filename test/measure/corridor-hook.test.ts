import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  clearCorridorHookCache,
  corridorLeverageHook,
  corridorYearInput,
} from "../../src/measure/corridor-hook.ts";
import { scorecard } from "../../src/measure/scorecard.ts";

// The tiny network with AAA's risk at 0.2 and the range [0, 0.5] (triangular). By hand (see
// test/corridor/leverage-uncertainty.test.ts): AAA's share is s(r) = (1000 − 2500 r)/5250 for
// 0.05 ≤ r < 0.4, (1125 − 5000 r)/(5500 − 5000 r) below, 0 from 0.4; central s(0.2) = 0.0952.
// s falls with r, so the share's 95 % quantile is s(r_0.05), F(r) = r²/0.1 on [0, 0.2] →
// r_0.05 = √0.005, and its 5 % quantile is s(r_0.95) = 0 (r_0.95 = 0.5 − √0.0075 > 0.4).
const s = (r: number) =>
  r < 0.05 ? (1125 - 5000 * r) / (5500 - 5000 * r) : r < 0.4 ? (1000 - 2500 * r) / 5250 : 0;
function tinyNet(): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-hook-"));
  cpSync(fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url)), dir, {
    recursive: true,
  });
  writeFileSync(
    join(dir, "country-risk.csv"),
    "code,year_from,year_to,risk,source,assumption,reasoning\nAAA,,,0.2,test fixture,true,hand\nBBB,,,0,test fixture,false,\nXXX,,,0,test fixture,false,\nZZZ,,,0,test fixture,false,\n",
  );
  writeFileSync(
    join(dir, "assumption-ranges.csv"),
    "kind,key,year_from,year_to,low,high,group,reasoning\nrisk,AAA,,,0,0.5,,hand test\n",
  );
  return dir;
}
const dir = tinyNet();

/** Type-7 quantile, written here independently of the code under test. */
function q7(xs: number[], p: number): number {
  const a = [...xs].sort((x, y) => x - y);
  const h = (a.length - 1) * p;
  const lo = Math.floor(h);
  return a[lo] + (h - lo) * ((a[Math.min(lo + 1, a.length - 1)] ?? a[lo]) - a[lo]);
}

test("the corridor input's interval is the hand-computed 90 % range of the share and contains the central value", async () => {
  const v = (await corridorYearInput("AAA", 2021, { dir, draws: 2000, seed: 5 }))!;
  assert.ok(Math.abs(v.value! - s(0.2)) < 1e-12);
  const [lo, hi] = v.interval!;
  assert.ok(Math.abs(lo - 0) < 1e-12, `lo ${lo}`);
  assert.ok(Math.abs(hi - s(Math.sqrt(0.005))) < 0.01, `hi ${hi} vs ${s(Math.sqrt(0.005))}`);
  assert.ok(lo <= v.value! && v.value! <= hi);
  assert.equal(v.draws.length, 2000);
  assert.ok(v.draws.every((x) => x >= 0 && x <= s(0)));
  // Flagged, with the risk named and the tornado's ends from the hand formula.
  assert.equal(v.assumptionDriven, true);
  assert.equal(v.drivenBy, "risk AAA –");
  assert.ok(Math.abs(v.tornado[0].shareAtLow! - s(0)) < 1e-9);
  assert.equal(v.tornado[0].shareAtHigh, 0);
});

test("same seed, same draws and interval; another seed, other draws; results are cached per year", async () => {
  const a = (await corridorYearInput("AAA", 2021, { dir, draws: 40, seed: 1 }))!;
  clearCorridorHookCache();
  const b = (await corridorYearInput("AAA", 2021, { dir, draws: 40, seed: 1 }))!;
  assert.notEqual(a, b);
  assert.deepEqual(b.draws, a.draws);
  assert.deepEqual(b.interval, a.interval);
  const c = (await corridorYearInput("AAA", 2021, { dir, draws: 40, seed: 2 }))!;
  assert.notDeepEqual(c.draws, a.draws);
  // Cached: the same object for the same question.
  assert.equal(await corridorYearInput("AAA", 2021, { dir, draws: 40, seed: 1 }), b);
  // Missing is missing: a year without demand and a state on no route give nothing.
  assert.equal(await corridorYearInput("AAA", 2030, { dir }), undefined);
  assert.equal(await corridorYearInput("QQQ", 2021, { dir }), undefined);
});

test("the scorecard's leverage.corridor input carries the interval and flag, and the cell's interval pairs its draws", async () => {
  const draws = 40;
  const card = await scorecard(undefined, undefined, "AAA", 2021, 2021, {
    corridorLeverage: corridorLeverageHook({ dir, draws, seed: 1 }),
    weights: { "leverage.exportReach": 0, "leverage.mediation": 0 },
    draws: 500,
  });
  const v = (await corridorYearInput("AAA", 2021, { dir, draws, seed: 1 }))!;
  for (const level of ["regional", "systemic"]) {
    const cell = card.cells.find((c) => c.level === level && c.pillar === "leverage")!;
    const inp = cell.inputs.find((i) => i.key === "leverage.corridor")!;
    assert.equal(inp.status, "data");
    assert.ok(Math.abs(inp.value! - s(0.2)) < 1e-12);
    // The input's interval: the 5 % and 95 % quantiles of the 40 draws.
    assert.deepEqual(inp.interval, [q7(v.draws, 0.05), q7(v.draws, 0.95)]);
    assert.ok(inp.interval![0] <= inp.value! && inp.value! <= inp.interval![1]);
    assert.equal(inp.assumptionDriven, true);
    assert.match(inp.note ?? "", /^assumption-driven: .*risk AAA/);
    // The cell has only this input: its draws are 100 × draw d mod 40, d = 0..499.
    const reps = Array.from({ length: 500 }, (_, d) => 100 * v.draws[d % draws]);
    assert.ok(Math.abs(cell.score! - 100 * s(0.2)) < 1e-9);
    const iv = cell.interval!;
    assert.ok(Math.abs(iv[0] - q7(reps, 0.05)) < 1e-9 && Math.abs(iv[1] - q7(reps, 0.95)) < 1e-9);
    assert.ok(iv[0] < iv[1], "the cell's interval is not a point");
    const raw = inp.raw as { tornado: { assumption: string }[]; draws: number };
    assert.equal(raw.draws, draws);
    assert.equal(raw.tornado[0].assumption, "risk AAA –");
  }
  // Corridors are not a neighbourhood relation: no input there.
  const nb = card.cells.find((c) => c.level === "neighbourhood" && c.pillar === "leverage")!;
  assert.equal(nb.inputs.find((i) => i.key === "leverage.corridor")!.status, "no data");
  // Without draws, no interval and no flag (never a flag without the sampling behind it).
  const plain = await scorecard(undefined, undefined, "AAA", 2021, 2021, {
    corridorLeverage: corridorLeverageHook({ dir, draws: 0 }),
    weights: { "leverage.exportReach": 0, "leverage.mediation": 0 },
  });
  const p = plain.cells
    .find((c) => c.level === "systemic" && c.pillar === "leverage")!
    .inputs.find((i) => i.key === "leverage.corridor")!;
  assert.equal(p.interval, null);
  assert.equal(p.assumptionDriven, undefined);
});

test("a year where one of the state's networks has no figure is partial, never a mean over the other network alone (shipped network)", async () => {
  const { corridorLeverageHook } = await import("../../src/measure/corridor-hook.ts");
  const { loadNetwork, EURASIA_DIR } = await import("../../src/corridor/load-network.ts");
  const { networkYears, networkCountries } = await import("../../src/corridor/leverage.ts");
  const net = loadNetwork(EURASIA_DIR);
  assert.ok(
    networkCountries(net, "transport").has("AZE") && networkCountries(net, "gas").has("AZE"),
  );
  const transport = new Set(networkYears(net, "transport"));
  const gasOnly = networkYears(net, "gas").find((y) => !transport.has(y));
  const both = networkYears(net, "gas").find((y) => transport.has(y));
  assert.ok(
    gasOnly !== undefined && both !== undefined,
    "the shipped network has both kinds of year",
  );
  const hook = corridorLeverageHook({ draws: 0 });
  const partial = (await hook("AZE", "regional", gasOnly))!;
  assert.equal(partial.value, null);
  assert.equal(partial.status, "partial");
  assert.match(partial.note ?? "", /transport network has no figure/);
  const full = (await hook("AZE", "regional", both))!;
  assert.equal(typeof full.value, "number");
  assert.equal(full.status, undefined);
});
