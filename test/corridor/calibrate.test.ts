import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { calibrateLogit, calibrateTheta, tQuantile } from "../../src/corridor/calibrate.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";
import { loadObservations } from "../../src/corridor/observations.ts";

const tiny = fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url));
const HEAD = "id,year,base_year,metric,target,value,unit,direction,definition,source,quote,note\n";

function tinyWith(rows: string[], denominator = false): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-calibrate-"));
  cpSync(tiny, dir, { recursive: true });
  const head = denominator ? `${HEAD.trimEnd()},denominator\n` : HEAD;
  writeFileSync(join(dir, "observations.csv"), head + rows.join("\n"));
  return dir;
}

test("calibrateTheta recovers the theta that generated the observations (hand-computed logit flows)", async () => {
  // Tiny network, default weights: GC RA 700 (capacity 10 TEU), RB 250, RS 600; demand 30 TEU.
  // 2019 (RB not open): RS vs RA, theta0 = 1/200 → RS share 1/(1+e^{-0.5}); RA 30·e^{-0.5}/(1+e^{-0.5})
  // = 11.3 > 10 would bind, so use 2021 and 2020 where RB is open and RA stays below capacity:
  // shares ∝ e^{-700/200}, e^{-250/200}, e^{-600/200} for RA, RB, RS.
  const theta0 = 1 / 200;
  const w = [700, 250, 600].map((c) => Math.exp(-theta0 * c));
  const z = w[0] + w[1] + w[2];
  const rb = (30 * w[1]) / z;
  const rs = (30 * w[2]) / z;
  assert.ok((30 * w[0]) / z < 10);
  const dir = tinyWith([
    `o-rb,2021,,flow,route:RB,${rb},TEU,westbound,t,https://example.org/a,"q",`,
    `o-rs,2020,,flow,route:RS,${rs},TEU,westbound,t,https://example.org/b,"q",`,
  ]);
  const net = loadNetwork(dir);
  const cal = await calibrateTheta(net, loadObservations(dir), { from: 2019, to: 2021 });
  assert.ok(cal.identified, cal.note);
  assert.equal(cal.n, 2);
  assert.ok(Math.abs(cal.theta! / theta0 - 1) < 1e-3, `theta ${cal.theta} vs ${theta0}`);
  assert.ok(cal.rmse! < 1e-4);
});

test("calibrateTheta says when nothing in the window can be compared", async () => {
  const dir = tinyWith([`o,2021,,flow,route:RB,5,TEU,both,t,https://example.org/a,"q",`]);
  const cal = await calibrateTheta(loadNetwork(dir), loadObservations(dir), {
    from: 2019,
    to: 2021,
  });
  assert.equal(cal.theta, null);
  assert.equal(cal.identified, false);
  assert.match(cal.note, /cannot be estimated/);
});

test("calibrateLogit recovers theta and the land constant that generated flows and a ratio (hand-computed logit)", async () => {
  // Tiny network, default weights: GC RA 700, RB 250 (rail, land routes), RS 600 (sea); demand 30
  // TEU in 2019–2021. With theta0 = 1/200 and land constant L0 = 200 USD/FEU, 2021 shares are
  // proportional to e^{-900/200}, e^{-450/200}, e^{-600/200}; RA (capacity 10) stays below it.
  const theta0 = 1 / 200;
  const L0 = 200;
  const w = [700 + L0, 250 + L0, 600].map((c) => Math.exp(-theta0 * c));
  const z = w[0] + w[1] + w[2];
  const [ra, rb, rs] = w.map((x) => (30 * x) / z);
  assert.ok(ra < 10);
  const dir = tinyWith(
    [
      `o-rb,2021,,flow,route:RB,${rb},TEU,westbound,t,https://example.org/a,"q",,`,
      `o-rs,2021,,flow,route:RS,${rs},TEU,westbound,t,https://example.org/b,"q",,`,
      // RA/RB in 2021: the land constant cancels, so this pins theta: e^{-theta0 (700 - 250)}.
      `o-ratio,2021,,ratio,route:RA,${ra / rb},ratio,westbound,t,https://example.org/c,"q",,route:RB`,
    ],
    true,
  );
  const cal = await calibrateLogit(loadNetwork(dir), loadObservations(dir), {
    from: 2019,
    to: 2021,
  });
  assert.ok(cal.identified, cal.note);
  assert.equal(cal.n, 3);
  assert.ok(Math.abs(cal.theta! / theta0 - 1) < 1e-3, `theta ${cal.theta} vs ${theta0}`);
  assert.ok(Math.abs(cal.landConstant! - L0) < 1, `land ${cal.landConstant} vs ${L0}`);
  assert.ok(cal.rmse! < 1e-4);
});

test("the shipped parameters.csv holds the current estimate of theta, the land and the Middle constants", async () => {
  const dir = fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url));
  const net = loadNetwork(dir);
  const cal = await calibrateLogit(net, loadObservations(dir));
  assert.ok(cal.identified, cal.note);
  const stored = net.params.logit_theta_per_usd_feu.value;
  const land = net.params.logit_land_constant_usd_per_feu.value;
  assert.ok(Math.abs(cal.theta! / stored - 1) < 0.005, `estimate ${cal.theta} vs stored ${stored}`);
  assert.ok(
    Math.abs(cal.landConstant! - land) < 25,
    `estimate ${cal.landConstant} vs stored ${land}`,
  );
});

test("tQuantile matches scipy.stats.t.ppf", () => {
  const cases: [number, number][] = [
    [0.95, 2],
    [0.95, 5],
    [0.975, 10],
    [0.9, 1],
  ];
  const py = `import json,sys; from scipy.stats import t; print(json.dumps([t.ppf(p, n) for p, n in json.load(sys.stdin)]))`;
  const ref: number[] = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", py], { input: JSON.stringify(cases) }).toString(),
  );
  cases.forEach(([p, nu], i) => {
    const q = tQuantile(p, nu);
    assert.ok(Math.abs(q / ref[i] - 1) < 1e-5, `t(${p}, ${nu}): ${q} vs scipy ${ref[i]}`);
  });
});
