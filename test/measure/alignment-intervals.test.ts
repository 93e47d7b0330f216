import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ALIGNMENT_DEFAULTS,
  alignment,
  bootstrapIntervals,
  measuresFromCounts,
} from "../../src/measure/alignment.ts";
import { Store } from "../../src/store/store.ts";

// Independent reference: the measures from two vote vectors (Häge 2011; Lijphart; Benati–Capurri),
// written here without the code under test.
function measures(x: number[], y: number[]) {
  const n = x.length;
  let ssd = 0;
  let sad = 0;
  let ss1 = 0;
  let ss2 = 0;
  let s1 = 0;
  let s2 = 0;
  let score = 0;
  for (let i = 0; i < n; i++) {
    ssd += (x[i] - y[i]) ** 2;
    sad += Math.abs(x[i] - y[i]);
    ss1 += x[i] ** 2;
    ss2 += y[i] ** 2;
    s1 += x[i];
    s2 += y[i];
    score += x[i] === y[i] ? 1 : x[i] === 2 || y[i] === 2 ? 0.5 : 0;
  }
  const kd = ss1 + ss2 - (2 * s1 * s2) / n;
  const pd = ss1 + ss2 - (s1 + s2) ** 2 / (2 * n);
  const p = (v: number[], k: number) => v.filter((z) => z === k).length / n;
  let e = 0;
  for (const i of [1, 2, 3]) for (const j of [1, 2, 3]) e += p(x, i) * p(y, j) * Math.abs(i - j);
  return {
    agreement: score / n,
    sAbs: 1 - sad / n,
    sSq: 1 - ssd / (2 * n),
    kappa: kd === 0 ? 0 : 1 - ssd / kd,
    pi: pd === 0 ? 0 : 1 - ssd / pd,
    alignmentIndex: 1 - sad / n - (1 - e),
  };
}

// The test's own PRNG (a 48-bit LCG, not the code's mulberry32) and percentile (nearest rank).
function lcg(seed: number) {
  let s = BigInt(seed);
  return () => {
    s = (s * 25214903917n + 11n) & ((1n << 48n) - 1n);
    return Number(s >> 16n) / 2 ** 32;
  };
}
function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
}

async function pairs(store: Store, a: string, b: string, year: number) {
  const rows = await store.all<{ x: number; y: number }>(
    `SELECT x.vote::INTEGER AS x, y.vote::INTEGER AS y FROM ref_unvotes x JOIN ref_unvotes y USING (rcid)
     WHERE x.iso3 = ? AND y.iso3 = ? AND x.year = ? AND x.vote BETWEEN 1 AND 3 AND y.vote BETWEEN 1 AND 3`,
    [a, b, year],
  );
  return { x: rows.map((r) => r.x), y: rows.map((r) => r.y) };
}

const KEYS = ["agreement", "sAbs", "sSq", "kappa", "pi", "alignmentIndex"] as const;

describe("UN-vote alignment: minimum roll calls and bootstrap intervals", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  test("AZE with RUS and USA has at least 40 roll calls and a measured row in 2021, 2022 and 2023", async () => {
    const rows = await alignment(store, {
      focal: "AZE",
      partners: ["RUS", "USA", "TUR"],
      from: 2020,
      to: 2023,
    });
    for (const b of ["RUS", "USA"])
      for (const y of [2021, 2022, 2023]) {
        const r = rows.find((x) => x.b === b && x.year === y);
        assert.ok(r && r.n >= 40 && r.status === "data", `${b} ${y}`);
        assert.equal(r.minRollCalls, ALIGNMENT_DEFAULTS.minRollCalls);
      }
  });

  test("a dyad-year below the minimum is 'no data': measures and intervals null, n shown", async () => {
    // Türkiye has 2 votes in session 78 of the source file, so AZE–TUR 2023 has 3 joint roll calls.
    const [r] = await alignment(store, { focal: "AZE", partners: ["TUR"], from: 2023, to: 2023 });
    const { x } = await pairs(store, "AZE", "TUR", 2023);
    assert.equal(r.n, x.length);
    assert.ok(r.n > 0 && r.n < 40);
    assert.equal(r.status, "no data");
    for (const k of KEYS) assert.equal(r[k], null, k);
    assert.equal(r.intervals, null);
    // The same dyad-year is measured when the caller lowers the minimum.
    const [low] = await alignment(store, {
      focal: "AZE",
      partners: ["TUR"],
      from: 2023,
      to: 2023,
      minRollCalls: 1,
    });
    assert.equal(low.status, "data");
    assert.equal(low.agreement, measures(x, (await pairs(store, "AZE", "TUR", 2023)).y).agreement);
  });

  test("the agreement interval matches the normal approximation of a mean of per-roll-call scores", async () => {
    const rows = await alignment(store, {
      focal: "AZE",
      partners: ["RUS", "USA"],
      from: 2017,
      to: 2022,
    });
    assert.equal(rows.length, 12);
    for (const r of rows) {
      const { x, y } = await pairs(store, r.a, r.b, r.year);
      const s: number[] = x.map((v, i) => (v === y[i] ? 1 : v === 2 || y[i] === 2 ? 0.5 : 0));
      const n = s.length;
      const m = s.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / n);
      const half = (1.6449 * sd) / Math.sqrt(n);
      const [lo, hi] = r.intervals!.agreement;
      assert.ok(lo <= r.agreement! && r.agreement! <= hi);
      assert.ok(Math.abs(lo - (m - half)) < 0.02, `${r.year} ${r.b} lo ${lo} vs ${m - half}`);
      assert.ok(Math.abs(hi - (m + half)) < 0.02, `${r.year} ${r.b} hi ${hi} vs ${m + half}`);
    }
  });

  test("every measure's interval matches an independent bootstrap of the roll calls (own PRNG, 4000 draws)", async () => {
    for (const [b, year] of [
      ["RUS", 2022],
      ["USA", 2021],
      ["IRN", 2015],
    ] as const) {
      const [r] = await alignment(store, { focal: "AZE", partners: [b], from: year, to: year });
      const { x, y } = await pairs(store, "AZE", b, year);
      const rand = lcg(7);
      const draws: Record<string, number[]> = Object.fromEntries(KEYS.map((k) => [k, []]));
      for (let d = 0; d < 4000; d++) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (let i = 0; i < x.length; i++) {
          const j = Math.floor(rand() * x.length);
          xs.push(x[j]);
          ys.push(y[j]);
        }
        const m = measures(xs, ys);
        for (const k of KEYS) draws[k].push(m[k]);
      }
      for (const k of KEYS) {
        const s = draws[k].sort((p, q) => p - q);
        const [lo, hi] = r.intervals![k];
        const width = Math.max(pct(s, 0.95) - pct(s, 0.05), 0.01);
        // Monte Carlo error of a 5 % quantile with 1000 draws is a few per cent of the width.
        assert.ok(Math.abs(lo - pct(s, 0.05)) <= 0.15 * width + 1e-9, `${b} ${year} ${k} lo`);
        assert.ok(Math.abs(hi - pct(s, 0.95)) <= 0.15 * width + 1e-9, `${b} ${year} ${k} hi`);
      }
    }
  });

  test("intervals are reproducible for a seed, independent of the other rows asked for, and move with the seed", async () => {
    const q = { focal: "AZE", partners: ["RUS"], from: 2021, to: 2021 };
    const [a] = await alignment(store, q);
    const [b] = await alignment(store, q);
    assert.deepEqual(a.intervals, b.intervals);
    const many = await alignment(store, { ...q, partners: ["USA", "RUS", "CHN"] });
    assert.deepEqual(many.find((r) => r.b === "RUS")?.intervals, a.intervals);
    const [c] = await alignment(store, { ...q, seed: 2 });
    assert.notDeepEqual(c.intervals, a.intervals);
    assert.ok(Math.abs(c.intervals!.agreement[0] - a.intervals!.agreement[0]) < 0.03);
    const [none] = await alignment(store, { ...q, draws: 0 });
    assert.equal(none.intervals, null);
    assert.equal(none.agreement, a.agreement);
  });

  test("bootstrapIntervals: a table with one cell has a zero-width interval at the point value", () => {
    const counts = [50, 0, 0, 0, 0, 0, 0, 0, 0];
    const iv = bootstrapIntervals(counts, { seed: 3 })!;
    const m = measuresFromCounts(counts);
    for (const k of KEYS) assert.deepEqual(iv[k], [m[k], m[k]], k);
    assert.deepEqual(iv.agreement, [1, 1]);
  });

  test("measuresFromCounts equals the measures of the vote vectors the counts come from", () => {
    const x = [1, 1, 2, 3, 1, 3, 2, 1, 1, 3, 2, 2];
    const y = [1, 3, 2, 3, 2, 1, 2, 1, 3, 3, 1, 2];
    const c = new Array(9).fill(0);
    for (let i = 0; i < x.length; i++) c[3 * (x[i] - 1) + (y[i] - 1)]++;
    const got = measuresFromCounts(c);
    const ref = measures(x, y);
    for (const k of KEYS) assert.ok(Math.abs(got[k] - ref[k]) < 1e-12, k);
  });
});
