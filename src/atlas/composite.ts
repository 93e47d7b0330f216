import { type ComponentYear, DATA, PARTIAL } from "./component.ts";

/** The composite index of one year's states (typed arrays, positions as in the year's states). */
export interface CompositeYear {
  index: Float64Array;
  /** states × draws; null without draws. */
  draws: Float64Array | null;
  coverage: Float64Array;
  /** 0 no data, 1 partial, 2 data. */
  status: Uint8Array;
}

/**
 * The multi-alignment index: the weighted mean of the components' evenness over the components
 * with data, I = Σ_{c∈A} w_c E_c / Σ_{c∈A} w_c, with coverage = Σ_{c∈A} w_c / Σ_c w_c (A: the
 * components with weight > 0 and status "data"). Below `minCoverage` the index is null: status
 * "partial" when some weighted component has (some) data, else "no data". Each draw combines the
 * components' draws with the same weights (a component without sampling uncertainty enters with
 * its value).
 */
export function composite(
  states: number,
  parts: { weight: number; year: ComponentYear }[],
  minCoverage: number,
  draws: number,
): CompositeYear {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  const index = new Float64Array(states).fill(Number.NaN);
  const coverage = new Float64Array(states);
  const status = new Uint8Array(states);
  const out = draws > 0 ? new Float64Array(states * draws).fill(Number.NaN) : null;
  const used = parts.filter((p) => p.weight > 0);
  for (let s = 0; s < states; s++) {
    let w = 0;
    let sum = 0;
    let some = false;
    for (const p of used) {
      const st = p.year.status[s];
      if (st >= PARTIAL) some = true;
      if (st !== DATA) continue;
      w += p.weight;
      sum += p.weight * p.year.value[s];
    }
    coverage[s] = total > 0 ? w / total : 0;
    // A tolerance for sums of decimal weights (0.5 + 0.3 + 0.2 vs 1).
    if (w > 0 && coverage[s] >= minCoverage - 1e-12) {
      index[s] = sum / w;
      status[s] = DATA;
      if (out)
        for (let d = 0; d < draws; d++) {
          let v = 0;
          for (const p of used) {
            if (p.year.status[s] !== DATA) continue;
            const x = p.year.draws ? p.year.draws[s * draws + d] : p.year.value[s];
            v += p.weight * x;
          }
          out[s * draws + d] = v / w;
        }
    } else status[s] = some ? PARTIAL : 0;
  }
  return { index, draws: out, coverage, status };
}
