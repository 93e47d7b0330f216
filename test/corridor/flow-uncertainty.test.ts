import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { flowIntervals } from "../../src/corridor/flow-uncertainty.ts";
import { assumptionDraws } from "../../src/corridor/leverage-uncertainty.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";

// Tiny network, 2021, cheapest-first (no logit parameters): GC RA = 200 + 1000 r (r = AAA's
// risk), RB 250, RS 600; demand 30 TEU, RA capacity 10 TEU, RB unconstrained. So RA carries 10 TEU
// and RB 20 while r < 0.05, else RB carries all 30 (by hand, test/corridor/leverage-uncertainty).
// With r ~ triangular(0, 0.06, 0.2), P(r < 0.05) = 0.05² / (0.2 · 0.06) = 0.208: RA's 90 % range
// is [0, 10], RB's [20, 30], and RS never carries anything.
function tiny(): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-flow-iv-"));
  cpSync(fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url)), dir, {
    recursive: true,
  });
  writeFileSync(
    join(dir, "country-risk.csv"),
    "code,year_from,year_to,risk,source,assumption,reasoning\nAAA,,,0.06,test fixture,true,hand\nBBB,,,0,test fixture,false,\nXXX,,,0,test fixture,false,\nZZZ,,,0,test fixture,false,\n",
  );
  writeFileSync(
    join(dir, "assumption-ranges.csv"),
    "kind,key,year_from,year_to,low,high,group,reasoning\nrisk,AAA,,,0,0.2,,hand test\n",
  );
  return dir;
}

test("flowIntervals gives each route's 90 % range of flows over the assumption draws (hand computation)", async () => {
  const net = loadNetwork(tiny());
  const iv = await flowIntervals(net, 2021, { draws: 400, seed: 7 });
  assert.deepEqual(iv.get("RA"), [0, 10]);
  assert.deepEqual(iv.get("RB"), [20, 30]);
  assert.deepEqual(iv.get("RS"), [0, 0]);
  // The share of draws below the threshold is near the hand value 0.208.
  const below = assumptionDraws(net, 2021, 400, 7).filter((v) => [...v.values()][0] < 0.05).length;
  assert.ok(Math.abs(below / 400 - 0.2083) < 0.05, `${below / 400}`);
  // Same seed, same intervals; a year without demand has none (missing, not zero).
  assert.deepEqual(await flowIntervals(net, 2021, { draws: 400, seed: 7 }), iv);
  assert.equal((await flowIntervals(net, 2030, { draws: 10 })).size, 0);
});
