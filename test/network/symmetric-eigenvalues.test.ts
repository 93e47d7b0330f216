import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../../src/network/random.ts";
import { symmetricEigenvalues } from "../../src/network/symmetric-eigenvalues.ts";

test("symmetricEigenvalues of the cycle C_n are 2cos(2πk/n)", () => {
  for (const n of [3, 4, 7, 12]) {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + ((i + 1) % n)] = 1;
      a[((i + 1) % n) * n + i] = 1;
    }
    const expected = Array.from({ length: n }, (_, k) => 2 * Math.cos((2 * Math.PI * k) / n)).sort(
      (x, y) => x - y,
    );
    symmetricEigenvalues(a, n).forEach((x, i) => {
      assert.ok(Math.abs(x - expected[i]) < 1e-10, `n ${n}`);
    });
  }
});

test("symmetricEigenvalues agree with cyclic Jacobi rotations on random symmetric matrices", () => {
  const rand = mulberry32(11);
  for (const n of [1, 2, 5, 9, 20]) {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++)
        a[i * n + j] = a[j * n + i] = Math.round((rand() * 2 - 1) * 4) / 2;
    // Independent oracle: classical Jacobi eigenvalue iteration.
    const b = Float64Array.from(a);
    for (let sweep = 0; sweep < 100; sweep++) {
      let off = 0;
      for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += b[p * n + q] ** 2;
      if (off < 1e-22) break;
      for (let p = 0; p < n; p++)
        for (let q = p + 1; q < n; q++) {
          if (Math.abs(b[p * n + q]) < 1e-300) continue;
          const theta = (b[q * n + q] - b[p * n + p]) / (2 * b[p * n + q]);
          const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          const c = 1 / Math.sqrt(t * t + 1);
          const s = t * c;
          for (let k = 0; k < n; k++) {
            const bkp = b[k * n + p];
            const bkq = b[k * n + q];
            b[k * n + p] = c * bkp - s * bkq;
            b[k * n + q] = s * bkp + c * bkq;
          }
          for (let k = 0; k < n; k++) {
            const bpk = b[p * n + k];
            const bqk = b[q * n + k];
            b[p * n + k] = c * bpk - s * bqk;
            b[q * n + k] = s * bpk + c * bqk;
          }
        }
    }
    const expected = Array.from({ length: n }, (_, i) => b[i * n + i]).sort((x, y) => x - y);
    symmetricEigenvalues(a, n).forEach((x, i) => {
      assert.ok(Math.abs(x - expected[i]) < 1e-8, `n ${n}: ${x} vs ${expected[i]}`);
    });
  }
});
