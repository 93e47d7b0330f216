import assert from "node:assert/strict";
import { test } from "node:test";
import { ValidationError } from "../../src/data/problem.ts";
import { solveLandscape } from "../../src/simulate/landscape.ts";
import { parseLandscape } from "../../src/simulate/landscape-input.ts";

/** Independent brute force: every split, energy from the paper's double sum, minima by checking all single switches. */
function bruteMinima(sizes: number[], p: number[][]) {
  const n = sizes.length;
  const E = (x: number[]) => {
    let e = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (i !== j && x[i] !== x[j]) e += sizes[i] * sizes[j] * p[i][j];
    return e;
  };
  const out: { key: string; e: number }[] = [];
  for (let m = 0; m < 2 ** (n - 1); m++) {
    const x = [0, ...Array.from({ length: n - 1 }, (_, i) => (m >> i) & 1)];
    const e = E(x);
    let isMin = true;
    for (let k = 0; k < n && isMin; k++) {
      const y = x.slice();
      y[k] ^= 1;
      if (E(y) < e - 1e-9) isMin = false;
    }
    if (isMin) out.push({ key: x.join(""), e });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

test("solveLandscape's minima equal an exhaustive brute-force search on random symmetric cases", () => {
  const r = rng(7);
  for (let trial = 0; trial < 25; trial++) {
    const n = 3 + Math.floor(r() * 8);
    const names = Array.from({ length: n }, (_, i) => `A${i}`);
    const sizes = names.map(() => Math.round(1 + r() * 9));
    const p = names.map(() => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = Math.round(-5 + r() * 10);
        p[i][j] = v;
        p[j][i] = v;
      }
    const res = solveLandscape({ names, sizes, p });
    const got = res.minima
      .map((m) => {
        const x = names.map((nm) => m.partition[nm]);
        const key = (x[0] === 0 ? x : x.map((v) => 1 - v)).join("");
        return { key, e: m.energy };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
    const want = bruteMinima(sizes, p);
    assert.deepEqual(
      got.map((g) => g.key),
      want.map((w) => w.key),
      `trial ${trial}`,
    );
    got.forEach((g, k) => {
      assert.ok(Math.abs(g.e - want[k].e) < 1e-9);
    });
    const basin = res.minima.reduce((s, m) => s + m.basin, 0);
    assert.ok(Math.abs(basin - 1) < 1e-12, "basins sum to 1");
    for (let k = 1; k < res.minima.length; k++)
      assert.ok(res.minima[k - 1].energy <= res.minima[k].energy);
  }
});

test("frustration is Σ_j s_j p_ij over actors on the other side", () => {
  const res = solveLandscape({
    names: ["a", "b", "c"],
    sizes: [1, 2, 3],
    p: [
      [0, -1, 2],
      [-1, 0, -4],
      [2, -4, 0],
    ],
  });
  // the best split keeps a with c and puts b apart: E = 2·(1·2·(−1) + 2·3·(−4)) = −52
  const best = res.minima[0];
  assert.equal(best.energy, -52);
  assert.equal(best.partition.a, best.partition.c);
  assert.notEqual(best.partition.a, best.partition.b);
  assert.equal(best.frustration.a, 2 * -1);
  assert.equal(best.frustration.b, 1 * -1 + 3 * -4);
});

test("parseLandscape reads a long table and a square matrix alike, and warns on asymmetric or missing pairs", () => {
  const actors = "name,size\nX,1\nY,2\nZ,1\n";
  const long = parseLandscape(actors, "a,b,p\nX,Y,1\nY,X,1\nX,Z,-2\nZ,X,-3\n");
  const sq = parseLandscape(actors, ",X,Y,Z\nX,,1,-2\nY,1,,\nZ,-3,,\n");
  assert.deepEqual(long.p, sq.p);
  const res = solveLandscape(long);
  assert.equal(res.warnings.length, 2);
  assert.match(res.warnings.join(" "), /incomplete.*Y–Z/);
  assert.match(res.warnings.join(" "), /asymmetric.*X–Z/);
});

test("local search beyond the exhaustive limit finds the exhaustive minima on a small case", () => {
  const names = ["a", "b", "c", "d", "e", "f"];
  const sizes = [3, 1, 2, 2, 1, 4];
  const p = names.map((_, i) => names.map((_, j) => (i === j ? 0 : (i + j) % 3 === 0 ? -2 : 1)));
  const ex = solveLandscape({ names, sizes, p });
  const ls = solveLandscape({ names, sizes, p }, { exhaustiveLimit: 3, restarts: 500, seed: 3 });
  assert.equal(ls.method, "local-search");
  assert.deepEqual(
    ls.minima.map((m) => m.energy),
    ex.minima.map((m) => m.energy),
  );
});

test("a propensities file with no data is refused with file:line: field (not 2^n minima of energy 0)", () => {
  const actors = "name,size\nA,1\nB,1\nC,1\nD,1\nE,1\nF,1\nG,1\nH,1\n";
  for (const [text, line, field] of [
    ["a,b,p\n", 1, "p"],
    ["a,b,p\nA,B,\nC,D,\n", 2, "p"],
    [",A,B,C\nA,,,\nB,,,\n", 2, "(matrix)"],
  ] as const) {
    assert.throws(
      () => parseLandscape(actors, text, "actors.csv", "prop.csv"),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError, String(e));
        assert.match(
          e.message,
          new RegExp(`prop\\.csv:${line}: ${field.replace(/[()]/g, "\\$&")}: no propensity given`),
        );
        return true;
      },
      text,
    );
  }
  assert.throws(
    () =>
      solveLandscape({
        names: ["A", "B"],
        sizes: [1, 1],
        p: [
          [Number.NaN, Number.NaN],
          [Number.NaN, Number.NaN],
        ],
      }),
    /no propensity given/,
  );
});
