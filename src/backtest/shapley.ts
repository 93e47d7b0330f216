/**
 * Shapley–Shubik index of a weighted voting game: a coalition wins when its weight reaches `quota`
 * and it has at least `minMembers` members. Exact, by counting the coalitions of the other players
 * by size and weight (dynamic programming; integer weights): player i is pivotal for a coalition S
 * of k others that loses while S ∪ {i} wins, with probability k!(n−k−1)!/n!.
 */
export function shapleyShubik(weights: readonly number[], quota: number, minMembers = 0): number[] {
  const n = weights.length;
  if (!weights.every((w) => Number.isInteger(w) && w >= 0))
    throw new Error("shapleyShubik: weights must be non-negative integers");
  const total = weights.reduce((s, w) => s + w, 0);
  // k!(n-k-1)!/n! computed as a product to stay in range
  const coef = (k: number) => {
    let c = 1 / n;
    // 1/C(n-1, k)
    for (let j = 1; j <= k; j++) c *= j / (n - j);
    return c;
  };
  const coefs = Array.from({ length: n }, (_, k) => coef(k));
  return weights.map((wi, i) => {
    // c[k][w]: coalitions of size k and weight w among the others
    const c: number[][] = Array.from({ length: n }, () => new Array<number>(total + 1).fill(0));
    c[0][0] = 1;
    let seen = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const wj = weights[j];
      seen++;
      for (let k = seen; k >= 1; k--)
        for (let w = total; w >= wj; w--) if (c[k - 1][w - wj]) c[k][w] += c[k - 1][w - wj];
    }
    let s = 0;
    for (let k = 0; k < n; k++)
      for (let w = 0; w <= total; w++) {
        if (!c[k][w]) continue;
        const loses = w < quota || k < minMembers;
        const winsWith = w + wi >= quota && k + 1 >= minMembers;
        if (loses && winsWith) s += c[k][w] * coefs[k];
      }
    return s;
  });
}
