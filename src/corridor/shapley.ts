/**
 * Exact Shapley values of an n-player game by enumerating all 2^n coalitions:
 * phi_i = sum_{S not containing i} |S|! (n-|S|-1)! / n! * (v(S u {i}) - v(S)).
 * `v` takes a coalition as a bit mask over `players` (bit k = players[k]). Up to 22 players.
 * `only` (optional) limits the sums to those players (the others are absent from the map): the
 * values are the same, at 1/n of the cost when one player is asked for.
 */
export function shapleyExact(
  players: string[],
  v: (mask: number) => number,
  only?: readonly string[],
): Map<string, number> {
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
  // popcount of every mask, from the mask without its lowest bit.
  const pop = new Uint8Array(size);
  for (let m = 1; m < size; m++) pop[m] = pop[m & (m - 1)] + 1;
  const phi = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (only && !only.includes(players[i])) continue;
    const bit = 1 << i;
    let sum = 0;
    for (let m = 0; m < size; m++) {
      if (m & bit) continue;
      sum += weight[pop[m]] * (values[m | bit] - values[m]);
    }
    phi.set(players[i], sum);
  }
  return phi;
}
