import { type PeerValue, peerBaseline } from "../claims/peer-baseline.ts";
import type { ResolvedPeerGroup } from "./peers.ts";

export const ATLAS_COMPARE_DEFAULTS = {
  seed: 1,
  level: 0.9,
  /** Fewer peers with a value than this: no percentile (null). */
  minPeers: 5,
};
export type AtlasCompareOptions = Partial<typeof ATLAS_COMPARE_DEFAULTS>;

/** One measure of one state-year as the comparison needs it (an Atlas row's index or component). */
export interface MeasureValue {
  value: number | null;
  /**
   * The Atlas's seeded draws of the value, aligned across states (draw d of every state comes from
   * the same resample); null or NaN where the state has no value in that draw.
   */
  draws?: Draws;
}

/** Draws as the Atlas keeps them (a Float64Array view with NaN for missing) or as plain arrays. */
export type Draws = ArrayLike<number | null>;

/** The part of an Atlas row the comparison reads. */
export interface AtlasRowLike {
  iso3: string;
  year: number;
  index: number | null;
  /** Draws of the index, when the Atlas kept them (`atlas(store, { keepDraws: true })`). */
  indexDraws?: Draws;
  components: Record<string, { value: number | null; draws?: Draws }>;
}

/** The part of an Atlas result the comparison reads. */
export interface AtlasLike {
  from: number;
  to: number;
  draws: number;
  components: { key: string }[];
  rows: AtlasRowLike[];
}

export interface AtlasComparePeerGroup {
  id: string;
  name: string;
  /** First and last year of this membership (a group whose members change appears once per spell). */
  year: number;
  years: [number, number];
  members: string[];
  how: string;
  source: string;
  unsourced?: string[];
}

export interface AtlasCompareRow {
  peerGroup: string;
  year: number;
  /** "index" or a component key. */
  measure: string;
  /** The focal state's value (null: no value, so no percentile). */
  value: number | null;
  /** Mid-rank percentile among the peers with a value, in [0, 1] (null: no focal value or too few peers). */
  percentile: number | null;
  /** Central interval of the percentile over the Atlas draws (paired across states) and peer resamples. */
  interval: [number, number] | null;
  /** Peers with a value (the focal state excluded). */
  n: number;
  /** Peers (members other than the focal state) without a value. */
  missing: number;
  /** The peers' median, for context. */
  peerMedian: number | null;
}

export interface AtlasCompareResult {
  focal: string;
  from: number;
  to: number;
  peerGroups: AtlasComparePeerGroup[];
  rows: AtlasCompareRow[];
  method: string;
  draws: number;
  seed: number;
  level: number;
}

/**
 * The focal state's percentile among each peer group's members (focal excluded), per measure (the
 * index and each component) and year: the mid-rank percentile of `peerBaseline`, with an interval
 * from resampling the peer set and, where the Atlas kept its draws, taking each state's value in
 * the same draw (paired). A state without a value in a year is no peer that year (counted in
 * `missing`); a focal state without a value has no percentile. Groups come resolved per year.
 */
export function atlasCompare(
  atlas: AtlasLike,
  data: { focal: string; groups: ResolvedPeerGroup[] },
  options: AtlasCompareOptions = {},
): AtlasCompareResult {
  const o = { ...ATLAS_COMPARE_DEFAULTS, ...options };
  const measures = ["index", ...atlas.components.map((c) => c.key)];
  const byYear = new Map<number, Map<string, AtlasRowLike>>();
  for (const r of atlas.rows) {
    if (!byYear.has(r.year)) byYear.set(r.year, new Map());
    byYear.get(r.year)!.set(r.iso3, r);
  }
  const get = (r: AtlasRowLike | undefined, m: string): MeasureValue | null => {
    if (!r) return null;
    if (m === "index") return { value: r.index, draws: r.indexDraws };
    const c = r.components[m];
    return c ? { value: c.value, draws: c.draws } : null;
  };
  let anyDraws = false;
  const rows: AtlasCompareRow[] = [];
  const sorted = [...data.groups].sort((a, b) => a.year - b.year);
  for (const g of sorted) {
    const states = byYear.get(g.year) ?? new Map<string, AtlasRowLike>();
    const peers = g.members.filter((x) => x !== data.focal);
    for (const m of measures) {
      const fv = get(states.get(data.focal), m);
      const have: PeerValue[] = [];
      for (const x of peers) {
        const v = get(states.get(x), m);
        if (v && v.value !== null && Number.isFinite(v.value))
          have.push({ iso3: x, value: v.value, ...(v.draws ? { draws: plain(v.draws) } : {}) });
      }
      const values = have.map((h) => h.value).sort((a, b) => a - b);
      const row: AtlasCompareRow = {
        peerGroup: g.id,
        year: g.year,
        measure: m,
        value: fv?.value ?? null,
        percentile: null,
        interval: null,
        n: have.length,
        missing: peers.length - have.length,
        peerMedian: values.length ? median(values) : null,
      };
      if (fv && fv.value !== null && Number.isFinite(fv.value)) {
        const withDraws = !!fv.draws && have.every((h) => h.draws);
        anyDraws ||= withDraws;
        const b = peerBaseline(
          {
            focal: {
              iso3: data.focal,
              value: fv.value,
              ...(withDraws ? { draws: plain(fv.draws!) } : {}),
            },
            peers: withDraws ? have : have.map(({ iso3, value }) => ({ iso3, value })),
          },
          {
            draws: atlas.draws,
            seed: o.seed,
            level: o.level,
            minPeers: o.minPeers,
            resample: withDraws ? "both" : "peers",
          },
        );
        row.percentile = b.percentile;
        row.interval = b.interval;
      }
      rows.push(row);
    }
  }
  return {
    focal: data.focal,
    from: atlas.from,
    to: atlas.to,
    peerGroups: spells(sorted),
    rows,
    method: `mid-rank percentile (#peers below + ½·#equal) / n among the group's members with a value in the year, the focal state excluded; no percentile with fewer than ${o.minPeers} peers; interval: central ${o.level * 100} % of ${atlas.draws} seeded draws, each resampling the peer set${anyDraws ? " and taking every state's value from the same Atlas draw (paired)" : " (the Atlas kept no draws of the values, so only the peer set is resampled)"}`,
    draws: atlas.draws,
    seed: o.seed,
    level: o.level,
  };
}

function plain(d: Draws): (number | null)[] {
  return Array.from(d, (v) => (v === null || !Number.isFinite(v) ? null : v));
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** One entry per group and run of years with the same members. */
function spells(groups: ResolvedPeerGroup[]): AtlasComparePeerGroup[] {
  const out: AtlasComparePeerGroup[] = [];
  const last = new Map<string, AtlasComparePeerGroup>();
  for (const g of groups) {
    const prev = last.get(g.id);
    const key = g.members.join(",");
    if (
      prev &&
      prev.members.join(",") === key &&
      prev.years[1] === g.year - 1 &&
      (prev.unsourced ?? []).join(",") === (g.unsourced ?? []).join(",")
    ) {
      prev.years[1] = g.year;
      continue;
    }
    const e: AtlasComparePeerGroup = {
      id: g.id,
      name: g.name,
      year: g.year,
      years: [g.year, g.year],
      members: g.members,
      how: g.how,
      source: g.source,
      ...(g.unsourced ? { unsourced: g.unsourced } : {}),
    };
    out.push(e);
    last.set(g.id, e);
  }
  return out;
}
