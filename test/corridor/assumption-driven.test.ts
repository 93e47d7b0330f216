import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assumptionFlag } from "../../src/corridor/assumption-driven.ts";
import { yearLeverage } from "../../src/corridor/leverage.ts";
import { leverageUncertainty } from "../../src/corridor/leverage-uncertainty.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";

const bar = (assumption: string, shareAtLow: number | null, shareAtHigh: number | null) => ({
  assumption,
  low: 0,
  high: 1,
  shareAtLow,
  shareAtHigh,
});

test("(a) an interval wider than 25 % of the central value is assumption-driven; exactly 25 % is not", () => {
  assert.equal(assumptionFlag(0.2, [0.1, 0.3], []).assumptionDriven, true);
  assert.equal(assumptionFlag(0.2, [0.15, 0.2], []).assumptionDriven, false); // width 0.05 = 25 %
  assert.equal(assumptionFlag(0.2, [0.15, 0.2001], []).assumptionDriven, true);
  assert.match(
    assumptionFlag(0.2, [0.1, 0.3], []).drivenReason!,
    /interval 0\.1–0\.3 wider than 25 % of 0\.2/,
  );
});

test("(b) one assumption whose end alone moves the figure by more than 25 % flags it, even with a narrow interval", () => {
  // The review's case: share 0.176, interval 0.175–0.177, the Russia/Belarus risk at its low end 0.013.
  const f = assumptionFlag(
    0.176,
    [0.175, 0.177],
    [bar("cargo value", 0.174, 0.177), bar("russia-belarus", 0.013, 0.176)],
  );
  assert.equal(f.assumptionDriven, true);
  assert.equal(f.drivenBy, "russia-belarus");
  assert.match(
    f.drivenReason!,
    /russia-belarus alone moves it from 0\.176 to 0\.013 \(at 0\) \/ 0\.176 \(at 1\)/,
  );
  // Moves of at most 25 %: not flagged (0.2 → 0.15 is exactly 25 %).
  assert.equal(assumptionFlag(0.2, [0.2, 0.2], [bar("x", 0.15, 0.25)]).assumptionDriven, false);
  assert.equal(assumptionFlag(0.2, [0.2, 0.2], [bar("x", 0.1499, 0.2)]).assumptionDriven, true);
  // An end where the figure is undefined (no transit value) counts as a move.
  assert.equal(assumptionFlag(0.2, [0.2, 0.2], [bar("x", null, 0.2)]).assumptionDriven, true);
});

test("(c) a central value outside its own interval is flagged; shares near 0 are judged against the 0.0001 floor", () => {
  assert.match(
    assumptionFlag(0.3, [0.1, 0.12], []).drivenReason!,
    /central 0\.3 outside its interval/,
  );
  assert.equal(assumptionFlag(0, [0, 0.000025], []).assumptionDriven, false); // 25 % of the floor
  assert.equal(assumptionFlag(0, [0, 0.00003], []).assumptionDriven, true);
  // A small share that triples at one end of a range is flagged (0.0014 → 0.0041).
  assert.equal(
    assumptionFlag(0.0014, [0.0013, 0.0015], [bar("cargo", 0.0008, 0.0041)]).assumptionDriven,
    true,
  );
  assert.equal(assumptionFlag(0, [0, 0], [bar("x", 1e-13, 0)]).assumptionDriven, false);
  // No figure, no flag; no interval and no tornado, no flag.
  assert.deepEqual(assumptionFlag(null, [0, 1], [bar("x", 0, 1)]), {
    assumptionDriven: false,
    drivenReason: null,
    drivenBy: null,
  });
  assert.equal(assumptionFlag(0.2, null, []).assumptionDriven, false);
});

test("leverageUncertainty flags the tiny network's share and names the risk that moves it (hand computation)", () => {
  // Tiny network with AAA's risk at 0.2 and range [0, 0.5]: AAA's share is (1000 − 2500 r)/5250
  // for 0.05 ≤ r < 0.4 (0.0952 at 0.2), (1125 − 5000 r)/(5500 − 5000 r) below (0.2045 at 0), 0 from 0.4.
  const dir = mkdtempSync(join(tmpdir(), "ana-driven-"));
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
  return (async () => {
    const net = loadNetwork(dir);
    const central = (await yearLeverage(net, "transport", 2021, "AAA"))!;
    assert.ok(Math.abs(central.shapleyShare! - 500 / 5250) < 1e-9);
    const u = await leverageUncertainty(net, "transport", 2021, "AAA", central, { draws: 0 });
    assert.ok(Math.abs(u.tornado[0].shareAtLow! - 1125 / 5500) < 1e-9);
    assert.equal(u.tornado[0].shareAtHigh, 0);
    assert.equal(u.assumptionDriven, true);
    assert.equal(u.drivenBy, "risk AAA –");
    assert.match(
      u.drivenReason!,
      /risk AAA – alone moves it from 0\.0952 to 0\.205 \(at 0\) \/ 0 \(at 0\.5\)/,
    );
  })();
});
