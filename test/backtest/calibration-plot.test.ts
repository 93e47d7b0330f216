// The calibration plot of the Monte Carlo bands (src/backtest/calibration-plot.ts): the Wilson
// interval against scipy and against a brute-force inversion of the score test written here, the
// SVG against a reviewed snapshot, and geometric properties (a band holding its nominal share sits
// on the diagonal; the whisker spans the Wilson interval around the point).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  CALIBRATION_PLOT_DEFAULTS,
  calibrationPlotScale,
  calibrationPlotSvg,
  calibrationPoints,
  normalQuantile,
  trackRecordCalibrationSvg,
  wilsonInterval,
} from "../../src/backtest/calibration-plot.ts";
import { renderBacktestMarkdown } from "../../src/backtest/markdown.ts";
import type { TrackRecord } from "../../src/backtest/track-record.ts";
import type { BacktestCalibrationRow } from "../../src/backtest/types.ts";
import { backtestDeu } from "../../src/index.ts";
import { deuText } from "./deu-file.ts";

const close = (a: number, b: number, rel = 1e-7, abs = 1e-12) =>
  Math.abs(a - b) <= abs + rel * Math.abs(b);

const CASES: [number, number, number][] = [
  [11, 119, 0.9],
  [30, 119, 0.9],
  [13, 120, 0.9],
  [34, 120, 0.9],
  [0, 10, 0.9],
  [10, 10, 0.9],
  [60, 120, 0.9],
  [1, 3, 0.95],
  [7, 1000, 0.5],
  [500, 1000, 0.99],
];

test("Wilson intervals match scipy's binomtest(...).proportion_ci(method='wilson')", () => {
  const PY = `
import json, sys
from scipy.stats import binomtest
out = []
for k, n, lvl in json.loads(sys.argv[1]):
    ci = binomtest(k, n).proportion_ci(confidence_level=lvl, method="wilson")
    out.append([float(ci.low), float(ci.high)])
print(json.dumps(out))`;
  const r = spawnSync("/usr/bin/python3", ["-c", PY, JSON.stringify(CASES)], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  const want = JSON.parse(r.stdout) as [number, number][];
  for (const [i, [k, n, lvl]] of CASES.entries()) {
    const got = wilsonInterval(k, n, lvl) as [number, number];
    assert.ok(close(got[0], want[i][0]), `${k}/${n} @${lvl} low ${got[0]} vs ${want[i][0]}`);
    assert.ok(close(got[1], want[i][1]), `${k}/${n} @${lvl} high ${got[1]} vs ${want[i][1]}`);
  }
});

test("Wilson intervals are the inversion of the score test, found here by bisection", () => {
  // The Wilson interval is {p : (k/n − p)² ≤ z² p (1 − p) / n}; z from scipy.stats.norm.ppf(0.95).
  const z = 1.6448536269514722;
  assert.ok(close(normalQuantile(0.95), z, 1e-8));
  for (const [k, n] of [
    [11, 119],
    [30, 119],
    [3, 40],
    [39, 40],
  ]) {
    const ph = k / n;
    const g = (p: number) => (ph - p) ** 2 - (z * z * p * (1 - p)) / n;
    const root = (a: number, b: number) => {
      // g changes sign between a and b
      let [lo, hi] = [a, b];
      for (let i = 0; i < 200; i++) {
        const m = (lo + hi) / 2;
        if (Math.sign(g(m)) === Math.sign(g(lo))) lo = m;
        else hi = m;
      }
      return (lo + hi) / 2;
    };
    const [lo, hi] = wilsonInterval(k, n, 0.9) as [number, number];
    assert.ok(close(lo, root(0, ph), 1e-8), `${k}/${n} low`);
    assert.ok(close(hi, root(ph, 1), 1e-8), `${k}/${n} high`);
  }
});

test("Wilson: no interval without trials; bad counts are refused", () => {
  assert.equal(wilsonInterval(0, 0), null);
  assert.throws(() => wilsonInterval(5, 4), /k = 5/);
  assert.throws(() => wilsonInterval(1, 2.5), /n = 2.5/);
  assert.throws(() => wilsonInterval(1, 4, 1), /level/);
  assert.throws(() => normalQuantile(0), /\(0, 1\)/);
});

/** Hand-made rows (not measurements) for the snapshot. */
const ROWS: BacktestCalibrationRow[] = [
  { model: "smp", band: 0.5, n: 120, coverage: 60 / 120 },
  { model: "smp", band: 0.9, n: 120, coverage: 84 / 120 },
  { model: "bdm", band: 0.5, n: 40, coverage: 4 / 40 },
  { model: "bdm", band: 0.9, n: 40, coverage: null },
];

test("calibration plot: SVG snapshot of hand-made rows (test/backtest/fixtures/calibration-plot.svg)", () => {
  const want = readFileSync(new URL("fixtures/calibration-plot.svg", import.meta.url), "utf8");
  assert.equal(calibrationPlotSvg(ROWS), want);
});

interface Drawn {
  model: string;
  band: number;
  cx: number;
  cy: number;
  whisker: [number, number];
  label: string;
}

/** The points of a plot, read back from the SVG text. */
function drawn(svg: string): Drawn[] {
  const out: Drawn[] = [];
  for (const m of svg.matchAll(
    /<g class="point" data-model="([^"]+)" data-band="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g,
  )) {
    const c = /<circle cx="([^"]+)" cy="([^"]+)"/.exec(m[3]) as RegExpExecArray;
    const w = /<line x1="[^"]+" x2="[^"]+" y1="([^"]+)" y2="([^"]+)"/.exec(m[3]) as RegExpExecArray;
    const t = /<text[^>]*>([^<]*)<\/text>/.exec(m[3]) as RegExpExecArray;
    out.push({
      model: m[1],
      band: Number(m[2]),
      cx: Number(c[1]),
      cy: Number(c[2]),
      whisker: [Number(w[1]), Number(w[2])],
      label: t[1],
    });
  }
  return out;
}

function diagonals(svg: string): [number, number, number, number][] {
  return [
    ...svg.matchAll(/<line class="diagonal" x1="([^"]+)" y1="([^"]+)" x2="([^"]+)" y2="([^"]+)"/g),
  ].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
}

test("property: a band holding exactly its nominal share sits on its panel's diagonal; one holding less lies below it", () => {
  // deterministic pseudo-random cases (LCG), various n, panel sizes and model orders
  let s = 7;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  for (let trial = 0; trial < 50; trial++) {
    const n = 2 * (1 + Math.floor(rnd() * 200)); // even: k = n/2 is a whole count
    const panel = 120 + Math.floor(rnd() * 300);
    const models = rnd() < 0.5 ? ["smp", "bdm"] : ["bdm", "smp"];
    const kLow = Math.floor(rnd() * (n / 2)); // strictly below half
    const rows: BacktestCalibrationRow[] = [
      { model: "smp", band: 0.5, n, coverage: n / 2 / n },
      { model: "bdm", band: 0.5, n, coverage: kLow / n },
    ];
    const svg = calibrationPlotSvg(rows, { panel, models });
    const diag = diagonals(svg);
    assert.equal(diag.length, 2);
    for (const p of drawn(svg)) {
      const i = models.indexOf(p.model);
      const [x1, y1, x2, y2] = diag[i];
      // signed area of (diagonal start, diagonal end, point): 0 on the line, > 0 below it (SVG y down)
      const cross = (x2 - x1) * (p.cy - y1) - (y2 - y1) * (p.cx - x1);
      const tol = 0.01 * panel * 2; // coordinates are written to 0.01 px
      if (p.model === "smp") assert.ok(Math.abs(cross) <= tol, `on diagonal: ${cross}`);
      else assert.ok(cross > tol, `below diagonal: ${cross}`);
      // and the point is drawn at x = 50 % of its panel
      const sc = calibrationPlotScale(i, { panel });
      assert.ok(Math.abs(p.cx - sc.x(0.5)) <= 0.005);
    }
  }
});

test("each point: whisker spans the Wilson interval around it, label gives the share and n", () => {
  const svg = calibrationPlotSvg(ROWS);
  const pts = drawn(svg);
  const want = calibrationPoints(ROWS);
  // the row without a coverage is not drawn
  assert.equal(pts.length, 3);
  assert.equal(want.length, 3);
  for (const w of want) {
    const p = pts.find((x) => x.model === w.model && x.band === w.band) as Drawn;
    const sc = calibrationPlotScale(CALIBRATION_PLOT_DEFAULTS.models.indexOf(w.model));
    assert.ok(Math.abs(p.cy - sc.y(w.coverage)) <= 0.005);
    assert.ok(Math.abs(p.whisker[0] - sc.y(w.interval[0])) <= 0.005);
    assert.ok(Math.abs(p.whisker[1] - sc.y(w.interval[1])) <= 0.005);
    assert.ok(p.whisker[0] >= p.cy && p.cy >= p.whisker[1], "point inside its whisker");
    assert.equal(p.label, `${Math.round(100 * w.coverage)} % (n = ${w.n})`);
    assert.equal(w.k, Math.round(w.coverage * w.n));
  }
});

test("a model without scored bands gets a panel saying so, never a point", () => {
  const svg = calibrationPlotSvg([], {});
  assert.equal(drawn(svg).length, 0);
  assert.equal((svg.match(/bands not scored/g) ?? []).length, 2);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
});

test("ana backtest deu --markdown writes the calibration plot of its track record beside the doc", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-deu-plot-"));
  const f = join(dir, "few.tsv");
  // the header and the first eight issues of the DEU III development file (not shipped)
  writeFileSync(f, deuText().split("\n").slice(0, 9).join("\n"));
  const trFile = join(dir, "track-record.json");
  const md = join(dir, "backtest.md");
  await backtestDeu({
    file: f,
    models: ["smp", "compromise"],
    draws: 3,
    threads: 1,
    trackRecord: trFile,
    markdown: md,
  });
  const tr = JSON.parse(readFileSync(trFile, "utf8")) as TrackRecord;
  assert.ok(tr.calibration.length > 0, "Monte Carlo bands scored");
  const svg = readFileSync(join(dir, "backtest-calibration.svg"), "utf8");
  assert.equal(svg, trackRecordCalibrationSvg(tr));
  assert.equal(drawn(svg).length, tr.calibration.filter((c) => c.coverage !== null).length);
  assert.match(readFileSync(md, "utf8"), /\(backtest-calibration\.svg\)/);
});

test("the doc's sentence under the plot follows the points: on the diagonal it says so", () => {
  const base = JSON.parse(
    readFileSync(new URL("../../data/models/backtest/track-record.json", import.meta.url), "utf8"),
  ) as TrackRecord;
  const calibrated: TrackRecord = {
    ...base,
    calibration: [
      { model: "smp", band: 0.5, n: 120, coverage: 0.5 },
      { model: "smp", band: 0.9, n: 120, coverage: 0.9 },
    ],
  };
  const doc = renderBacktestMarkdown(calibrated);
  assert.match(doc, /2 of 2 intervals reach the diagonal; 0 lie wholly below it/);
  assert.match(doc, /`smp`'s central 50 % band holds 50 % of the outcomes \(90 % Wilson interval/);
  assert.doesNotMatch(doc, /Every point lies below the diagonal/);
  assert.match(renderBacktestMarkdown(base), /Every point lies below the diagonal/);
});
