import { finiteQuantiles } from "./draws.ts";

/**
 * Ranks within a year: 1 = the highest value; ties share the best rank (1 + the number of states
 * strictly above). NaN values get no rank (NaN).
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) order.push(i);
  order.sort((a, b) => values[b] - values[a]);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    out[i] = j > 0 && values[order[j - 1]] === values[i] ? out[order[j - 1]] : j + 1;
  }
  return out;
}

/**
 * Rank intervals from draws (states × draws, state-major): in each draw the states with an index
 * are ranked on that draw's values; a state's interval is the central `level` range of its ranks,
 * rounded to whole ranks (lower bound down, upper bound up). Only states with a finite index
 * (`has[i]`) take part.
 */
export function rankIntervals(
  draws: Float64Array,
  states: number,
  nDraws: number,
  has: (i: number) => boolean,
  level: number,
): ([number, number] | null)[] {
  const members: number[] = [];
  for (let i = 0; i < states; i++) if (has(i)) members.push(i);
  const rk = new Float64Array(states * nDraws).fill(Number.NaN);
  const col = new Float64Array(members.length);
  for (let d = 0; d < nDraws; d++) {
    for (let j = 0; j < members.length; j++) col[j] = draws[members[j] * nDraws + d];
    const r = ranks(col);
    for (let j = 0; j < members.length; j++) rk[members[j] * nDraws + d] = r[j];
  }
  const a = (1 - level) / 2;
  return Array.from({ length: states }, (_, i) => {
    if (!has(i)) return null;
    const [lo, hi] = finiteQuantiles(rk.subarray(i * nDraws, (i + 1) * nDraws), [a, 1 - a]);
    return Number.isNaN(lo) ? null : [Math.floor(lo), Math.ceil(hi)];
  });
}
