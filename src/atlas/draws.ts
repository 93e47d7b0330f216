import { mulberry32 } from "../network/random.ts";

/** A 32-bit seed from the Atlas seed and labels (FNV-1a), so each year and component draws alone. */
export function subSeed(seed: number, ...labels: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of labels.join("|")) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * Bootstrap weights: for each of `draws` resamples of `n` items (with replacement), how often each
 * item is drawn. Row-major `draws × n`. The same weights serve every state of a year (paired
 * resampling: ranks within a draw compare like with like).
 */
export function resampleCounts(n: number, draws: number, seed: number): Uint16Array {
  const w = new Uint16Array(draws * n);
  const rand = mulberry32(seed);
  for (let d = 0; d < draws; d++) {
    const o = d * n;
    for (let i = 0; i < n; i++) w[o + Math.floor(rand() * n)]++;
  }
  return w;
}

/** Type-7 quantiles of the finite values among `xs` (NaN when there are none). */
export function finiteQuantiles(xs: ArrayLike<number>, ps: number[]): number[] {
  const v = new Float64Array(xs.length);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) v[n++] = xs[i];
  if (n === 0) return ps.map(() => Number.NaN);
  const s = v.subarray(0, n).sort();
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  });
}

/** The central interval at `level` of the finite draws, or null with none. */
export function drawInterval(xs: ArrayLike<number>, level: number): [number, number] | null {
  const a = (1 - level) / 2;
  const [lo, hi] = finiteQuantiles(xs, [a, 1 - a]);
  return Number.isNaN(lo) ? null : [lo, hi];
}
