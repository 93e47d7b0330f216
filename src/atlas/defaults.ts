/**
 * Defaults of the Atlas (`atlas(store, options)`, `ana atlas`). docs/measures/atlas.md explains
 * every choice.
 *
 * - `poles`: WEST is the United States alone by default: the one state every definition of "the
 *   West" contains, and the pole whose UN votes and alliances are best recorded. Pass more members
 *   (`WEST=USA,GBR,FRA`) to average over them. RUS and CHN are Russia and China.
 * - `weights`: the share of the composite index each component carries. Arms (SIPRI) is 0 because
 *   the shipped extract covers eight recipients only; trade is 0 because the panel has no trade
 *   partners (COW national totals). Ideal points are 0 because they are estimated from the same UN
 *   votes as the UN-vote component (they are reported, and can be weighted in).
 * - `minCoverage`: an index needs at least this share of the weight with data (below: null,
 *   status "partial", or "no data" when no component has data). With the default weights 0.6 is
 *   exactly the UN-vote component's weight: every index contains the UN votes (the one component
 *   measured for every UN member in every year), and alliances and IGOs (to 2018 and 2014) alone
 *   never make an index.
 * - `minRollCalls`: a state's agreement with a pole member needs this many joint roll calls in the
 *   year (`ALIGNMENT_DEFAULTS.minRollCalls`, the rule of `ana alignment`).
 * - `armsWindow`: SIPRI deliveries are lumpy: pole shares are taken over this many years ending in
 *   the year, and only when SIPRI's coverage says every one of them lists every supplier.
 * - `draws`, `seed`, `level`: the seeded resampling behind every interval.
 */
export const ATLAS_DEFAULTS = {
  from: 1992,
  to: 2024,
  poles: { WEST: ["USA"], RUS: ["RUS"], CHN: ["CHN"] } as Record<string, string[]>,
  weights: {
    unvotes: 0.6,
    alliances: 0.25,
    igo: 0.15,
    idealpoints: 0,
    arms: 0,
    trade: 0,
  } as Record<string, number>,
  minCoverage: 0.6,
  minRollCalls: 40,
  armsWindow: 5,
  draws: 200,
  seed: 1,
  level: 0.9,
};

/** The Atlas's components, in output order. */
export const ATLAS_COMPONENTS = [
  "unvotes",
  "idealpoints",
  "alliances",
  "igo",
  "arms",
  "trade",
] as const;
export type AtlasComponentKey = (typeof ATLAS_COMPONENTS)[number];
