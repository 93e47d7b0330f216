/**
 * Concentration of one flow across partners: Herfindahl–Hirschman index, its normalised form,
 * effective number of partners and Shannon entropy, with the top partner and every share.
 */
export interface Concentration {
  /** Sum of the values (null when only shares are known). */
  total: number | null;
  /** Partners with a positive value. */
  nPartners: number;
  /** HHI = Σ s_j², in [1/N, 1]; null with no partner. */
  hhi: number | null;
  /** (HHI − 1/N)/(1 − 1/N), in [0, 1]; 1 with a single partner. */
  hhiNorm: number | null;
  /** 1/HHI. */
  nEff: number | null;
  /** Shannon entropy −Σ s_j ln s_j (nats), in [0, ln N]. */
  entropy: number | null;
  /** Entropy / ln N, in [0, 1]; 0 with a single partner. */
  entropyNorm: number | null;
  /** Partner with the largest share (ties: first in code order). */
  top: string | null;
  topShare: number | null;
  /** Each partner's share, largest first. */
  shares: Record<string, number>;
}

/**
 * Concentration of `values` (partner → non-negative amount). Zero amounts are not partners.
 * With `sharesOnly`, the values are shares or percentages of an unknown total: they are
 * rescaled to sum to 1 and `total` is null. With no positive value, every measure is null.
 */
export function concentration(
  values: Record<string, number> | Map<string, number>,
  opts: { sharesOnly?: boolean } = {},
): Concentration {
  const entries = (values instanceof Map ? [...values] : Object.entries(values)).filter(([, v]) => {
    if (!Number.isFinite(v) || v < 0)
      throw new Error(`concentration: value ${v} is not a non-negative number`);
    return v > 0;
  });
  const sum = entries.reduce((s, [, v]) => s + v, 0);
  const total = opts.sharesOnly ? null : sum;
  if (entries.length === 0)
    return {
      total,
      nPartners: 0,
      hhi: null,
      hhiNorm: null,
      nEff: null,
      entropy: null,
      entropyNorm: null,
      top: null,
      topShare: null,
      shares: {},
    };
  const shares = entries
    .map(([k, v]) => [k, v / sum] as [string, number])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const n = shares.length;
  let hhi = 0;
  let entropy = 0;
  for (const [, s] of shares) {
    hhi += s * s;
    entropy -= s * Math.log(s);
  }
  return {
    total,
    nPartners: n,
    hhi,
    hhiNorm: n === 1 ? 1 : (hhi - 1 / n) / (1 - 1 / n),
    nEff: 1 / hhi,
    entropy,
    entropyNorm: n === 1 ? 0 : entropy / Math.log(n),
    top: shares[0][0],
    topShare: shares[0][1],
    shares: Object.fromEntries(shares),
  };
}
