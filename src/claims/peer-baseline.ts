import { centralInterval, normalDraw, quantile, sampleWith, seededRandom } from "./random.ts";

/** A state's value on a measure, with its standard error when the measure has one. */
export interface PeerValue {
  iso3: string;
  value: number;
  /** Standard error of the value (e.g. from an ideal point's posterior); drawn as normal. */
  se?: number;
  /**
   * Precomputed draws of the value, aligned across states (draw d of every state comes from the
   * same resample, e.g. of roll calls); null where the state has no value in that draw.
   */
  draws?: (number | null)[];
}

export const PEER_BASELINE_DEFAULTS = {
  draws: 1000,
  seed: 1,
  level: 0.9,
  /** What each draw resamples: the peer set (bootstrap), each value within its error, or both. */
  resample: "both" as "peers" | "values" | "both",
  /** Fewer peers than this: no percentile (null), "too few peers". */
  minPeers: 5,
};
export type PeerBaselineOptions = Partial<typeof PEER_BASELINE_DEFAULTS>;

export interface PeerBaseline {
  focal: string;
  value: number;
  /** Peers with a value (focal excluded). */
  n: number;
  /** Mid-rank percentile of the focal value among the peers: (#below + ½·#equal) / n, in [0, 1]. */
  percentile: number | null;
  /** Central interval of the percentile over the draws (null without draws, with too few peers, or when under half the draws have a focal value). */
  interval: [number, number] | null;
  /** The peers' distribution: 10th, 25th, 50th, 75th, 90th percentiles. */
  peerQuantiles: { p10: number; p25: number; p50: number; p75: number; p90: number } | null;
  peers: string[];
  draws: number;
  seed: number;
  level: number;
  method: string;
}

/** Mid-rank percentile of v within xs. */
export function midRank(xs: readonly number[], v: number): number {
  let below = 0;
  let equal = 0;
  for (const x of xs) {
    if (x < v) below++;
    else if (x === v) equal++;
  }
  return (below + equal / 2) / xs.length;
}

/**
 * Where a focal state sits within the distribution of comparable states on one measure: its
 * mid-rank percentile among the peers, and a seeded interval from resampling the peer set
 * (bootstrap) and/or drawing each value within its standard error. The focal state is never
 * its own peer. Reusable by any relative claim (and the Atlas).
 */
export function peerBaseline(
  data: { focal: PeerValue; peers: readonly PeerValue[] },
  options: PeerBaselineOptions = {},
): PeerBaseline {
  const o = { ...PEER_BASELINE_DEFAULTS, ...options };
  // Sorted, so the seeded draws do not depend on the order the peers came in.
  const peers = data.peers
    .filter((p) => p.iso3 !== data.focal.iso3 && Number.isFinite(p.value))
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const xs = peers.map((p) => p.value);
  const withDraws = !!data.focal.draws;
  const base = {
    focal: data.focal.iso3,
    value: data.focal.value,
    n: peers.length,
    peers: peers.map((p) => p.iso3),
    draws: o.draws,
    seed: o.seed,
    level: o.level,
    method: `mid-rank percentile among ${peers.length} peers; interval: ${o.draws} seeded draws resampling ${o.resample === "peers" ? "the peer set" : `${o.resample === "both" ? "the peer set and " : ""}${withDraws ? "taking each value from the same draw of its source (paired across states)" : "each value within its standard error"}`}`,
  };
  if (peers.length < o.minPeers)
    return { ...base, percentile: null, interval: null, peerQuantiles: null };
  const rand = seededRandom(o.seed);
  const draw = (p: PeerValue, d: number): number | null =>
    o.resample === "peers"
      ? p.value
      : p.draws
        ? (p.draws[d] ?? null)
        : p.se
          ? p.value + p.se * normalDraw(rand)
          : p.value;
  const sample: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const set = o.resample === "values" ? peers : sampleWith(peers, peers.length, rand);
    const v = draw(data.focal, d);
    const xs = set.map((p) => draw(p, d)).filter((x): x is number => x !== null);
    if (v !== null && xs.length > 0) sample.push(midRank(xs, v));
  }
  return {
    ...base,
    percentile: midRank(xs, data.focal.value),
    interval:
      sample.length >= 0.5 * o.draws && sample.length > 0 ? centralInterval(sample, o.level) : null,
    peerQuantiles: {
      p10: quantile(xs, 0.1),
      p25: quantile(xs, 0.25),
      p50: quantile(xs, 0.5),
      p75: quantile(xs, 0.75),
      p90: quantile(xs, 0.9),
    },
  };
}
