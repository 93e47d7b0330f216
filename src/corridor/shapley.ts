/**
 * Exact Shapley values of an n-player game by enumerating all 2^n coalitions:
 * phi_i = sum_{S not containing i} |S|! (n-|S|-1)! / n! * (v(S u {i}) - v(S)).
 * `v` takes a coalition as a bit mask over `players` (bit k = players[k]). Up to 22 players.
 */
export function shapleyExact(players: string[], v: (mask: number) => number): Map<string, number> {
  const n = players.length;
  if (n > 22) throw new Error(`shapleyExact: ${n} players is too many to enumerate (max 22)`);
  const size = 1 << n;
  const values = new Float64Array(size);
  for (let m = 0; m < size; m++) values[m] = v(m);
  // weight[s] = s! (n-s-1)! / n!, built without overflowing factorials.
  const weight: number[] = [];
  for (let s = 0; s < n; s++) {
    let w = 1 / n;
    // 1/n * 1/C(n-1, s)
    let c = 1;
    for (let k = 1; k <= s; k++) c = (c * (n - 1 - s + k)) / k;
    w /= c;
    weight.push(w);
  }
  const popcount = (m: number) => {
    let c = 0;
    while (m) {
      m &= m - 1;
      c++;
    }
    return c;
  };
  const phi = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    let sum = 0;
    for (let m = 0; m < size; m++) {
      if (m & bit) continue;
      sum += weight[popcount(m)] * (values[m | bit] - values[m]);
    }
    phi.set(players[i], sum);
  }
  return phi;
}
