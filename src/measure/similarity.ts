/**
 * Dyadic similarity of two valued profiles over the same items (UN roll calls, alliance
 * portfolios): the Signorino & Ritter (1999) S with absolute and squared distances, Cohen's κ and
 * Scott's π with squared distances as Häge (2011) defines them, Lijphart's (1963) index of
 * agreement and the Benati & Capurri (2026) chance-corrected alignment index.
 *
 * Everything is computed from the k×k contingency table of the two profiles: `table[i][j]` is the
 * number of items on which the first state holds `levels[i]` and the second `levels[j]`.
 */
export interface Similarity {
  /** Number of items both hold a value on. */
  n: number;
  /** Lijphart's index of agreement: (full agreements + ½·one-step disagreements) / n. */
  agreement: number;
  /** S = 1 − Σ|x−y| / (n·Δ/2). */
  sAbs: number;
  /** S = 1 − Σ(x−y)² / (n·Δ²/2). */
  sSq: number;
  /** Häge's κ: 1 − Σ(x−y)² / (Σx² + Σy² − 2·Σx·Σy/n); 0 when the denominator is 0. */
  kappa: number;
  /** Häge's π: 1 − Σ(x−y)² / (Σx² + Σy² − (Σx+Σy)²/(2n)); 0 when the denominator is 0. */
  pi: number;
  /** Benati & Capurri: S(observed) − S(independent margins), absolute distances over all levels. */
  alignmentIndex: number;
}

/** The sufficient sums of a contingency table over numeric levels. */
export function tableSums(table: readonly (readonly number[])[], levels: readonly number[]) {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let ssd = 0;
  let sad = 0;
  const rows = levels.map(() => 0);
  const cols = levels.map(() => 0);
  for (let i = 0; i < levels.length; i++)
    for (let j = 0; j < levels.length; j++) {
      const c = table[i]?.[j] ?? 0;
      if (c === 0) continue;
      const x = levels[i];
      const y = levels[j];
      n += c;
      sx += c * x;
      sy += c * y;
      sxx += c * x * x;
      syy += c * y * y;
      ssd += c * (x - y) ** 2;
      sad += c * Math.abs(x - y);
      rows[i] += c;
      cols[j] += c;
    }
  return { n, sx, sy, sxx, syy, ssd, sad, rows, cols };
}

/**
 * All measures from a contingency table. `levels` must be evenly spaced (1,2,3 for UN votes;
 * 0,1,2,3 for valued alliances); Δ is their range. Returns `undefined` when n = 0 (Häge drops
 * such dyad-years: there is nothing to compare).
 */
export function similarityFromTable(
  table: readonly (readonly number[])[],
  levels: readonly number[],
): Similarity | undefined {
  const { n, sx, sy, sxx, syy, ssd, sad, rows, cols } = tableSums(table, levels);
  if (n === 0) return undefined;
  const k = levels.length;
  const delta = levels[k - 1] - levels[0];
  const step = delta / (k - 1);
  const kDen = sxx + syy - (2 * sx * sy) / n;
  const pDen = sxx + syy - (sx + sy) ** 2 / (2 * n);
  // Lijphart: full agreement counts 1, a one-step difference (one abstains) ½, more 0.
  let agree = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const steps = Math.abs(i - j);
      if (steps === 0) agree += table[i]?.[j] ?? 0;
      else if (steps === 1) agree += (table[i]?.[j] ?? 0) / 2;
    }
  // Benati & Capurri: S from the joint proportions minus S from the product of the margins.
  let expSteps = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) expSteps += (rows[i] / n) * (cols[j] / n) * Math.abs(i - j);
  const obsSteps = sad / step / n;
  return {
    n,
    agreement: agree / n,
    sAbs: 1 - sad / ((n * delta) / 2),
    sSq: 1 - ssd / ((n * delta * delta) / 2),
    kappa: kDen === 0 ? 0 : 1 - ssd / kDen,
    pi: pDen === 0 ? 0 : 1 - ssd / pDen,
    alignmentIndex: (2 * (expSteps - obsSteps)) / (k - 1),
  };
}

/** Contingency table of two profiles (items where either is missing are skipped). */
export function contingency(
  x: readonly (number | null | undefined)[],
  y: readonly (number | null | undefined)[],
  levels: readonly number[],
): number[][] {
  if (x.length !== y.length) throw new Error("similarity: profiles differ in length");
  const idx = new Map(levels.map((v, i) => [v, i]));
  const t = levels.map(() => levels.map(() => 0));
  for (let r = 0; r < x.length; r++) {
    const a = x[r];
    const b = y[r];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const i = idx.get(a);
    const j = idx.get(b);
    if (i === undefined || j === undefined)
      throw new Error(`similarity: value ${i === undefined ? a : b} is not one of ${levels}`);
    t[i][j]++;
  }
  return t;
}
