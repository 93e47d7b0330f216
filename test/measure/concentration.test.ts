import assert from "node:assert/strict";
import { test } from "node:test";
import { concentration } from "../../src/measure/concentration.ts";

const close = (a: number | null, b: number, eps = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test("concentration() matches a hand-worked example: shares 0.5, 0.3, 0.2", () => {
  // HHI = .25 + .09 + .04 = .38; HHI* = (.38 − 1/3)/(2/3) = .07; N_eff = 1/.38;
  // H = −(.5 ln .5 + .3 ln .3 + .2 ln .2) = 1.0296530140645737.
  const c = concentration({ RUS: 50, ISR: 30, TUR: 20 });
  assert.equal(c.total, 100);
  assert.equal(c.nPartners, 3);
  close(c.hhi, 0.38);
  close(c.hhiNorm, 0.07);
  close(c.nEff, 1 / 0.38);
  close(c.entropy, 1.0296530140645737);
  close(c.entropyNorm, 1.0296530140645737 / Math.log(3));
  assert.equal(c.top, "RUS");
  close(c.topShare, 0.5);
  assert.deepEqual(Object.keys(c.shares), ["RUS", "ISR", "TUR"]);
});

test("concentration() of a single partner is fully concentrated", () => {
  const c = concentration({ RUS: 7 });
  assert.equal(c.hhi, 1);
  assert.equal(c.hhiNorm, 1);
  assert.equal(c.nEff, 1);
  assert.equal(c.entropy, 0);
  assert.equal(c.entropyNorm, 0);
});

test("concentration() of N equal partners has HHI 1/N, HHI* 0, N_eff N and entropy ln N", () => {
  for (const n of [2, 5, 17]) {
    const c = concentration(Object.fromEntries(Array.from({ length: n }, (_, i) => [`P${i}`, 3])));
    close(c.hhi, 1 / n);
    close(c.hhiNorm, 0);
    close(c.nEff, n, 1e-9);
    close(c.entropy, Math.log(n));
    close(c.entropyNorm, 1);
  }
});

test("concentration() ignores zero partners, is invariant to partner order and scale, and stays in bounds", () => {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let k = 0; k < 200; k++) {
    const n = 1 + Math.floor(rnd() * 12);
    const vals = Array.from({ length: n }, (_, i) => [`P${i}`, rnd() * 100 + 0.01] as const);
    const a = concentration(Object.fromEntries(vals));
    const b = concentration(
      Object.fromEntries([...vals].reverse().map(([p, v]) => [p, v * 3.5] as const)),
    );
    const z = concentration(Object.fromEntries([...vals, ["ZERO", 0] as const]));
    for (const key of ["hhi", "hhiNorm", "nEff", "entropy", "entropyNorm", "topShare"] as const) {
      close(b[key], a[key]!, 1e-9);
      close(z[key], a[key]!, 1e-12);
    }
    assert.equal(z.nPartners, n);
    assert.ok(a.hhi! >= 1 / n - 1e-12 && a.hhi! <= 1 + 1e-12);
    assert.ok(a.hhiNorm! >= -1e-12 && a.hhiNorm! <= 1 + 1e-12);
    assert.ok(a.entropy! >= 0 && a.entropy! <= Math.log(n) + 1e-12);
    assert.ok(a.topShare! >= 1 / n - 1e-12);
  }
});

test("concentration() with shares only has no total, and with no partner every measure is null", () => {
  const s = concentration({ RUS: 60, ISR: 40 }, { sharesOnly: true });
  assert.equal(s.total, null);
  close(s.hhi, 0.52);
  const e = concentration({});
  assert.equal(e.nPartners, 0);
  assert.equal(e.hhi, null);
  assert.equal(e.top, null);
  assert.equal(e.total, 0);
  assert.throws(() => concentration({ X: -1 }), /non-negative/);
});
