/**
 * Defaults of the Atlas (`atlas(store, options)`, `ana atlas`). docs/measures/atlas.md explains
 * every choice.
 *
 * - `poles`: WEST is the United States alone by default: the one state every definition of "the
 *   West" contains, and the pole whose UN votes and alliances are best recorded. Pass more members
 *   (`WEST=USA,GBR,FRA`) to average over them. RUS and CHN are Russia and China.
 * - `weights`: the share of the composite index each component carries — of the components whose
 *   source covers every requested year (ATOP ends in 2018, COW IGO in 2014: for a range reaching
 *   past them they are reported but not weighted, so the index has one composition throughout the
 *   result). Given weights replace these (components not named get 0). Arms (SIPRI) is 0 because
 *   the shipped extract covers eight recipients only; trade is 0 because the panel has no trade
 *   partners (COW national totals). Ideal points are 0 because they are estimated from the same UN
 *   votes as the UN-vote component (they are reported, and can be weighted in).
 * - `minCoverage`: an index needs at least this share of the weight with data (below: null,
 *   status "partial", or "no data" when no component has data). 1: every weighted component must
 *   have data, so every index of a result is made of the same inputs. Lower it only knowingly:
 *   then indices of one result may be made of different components.
 * - `minRollCalls`: a state's agreement with a pole member needs this many joint roll calls in the
 *   year (`ALIGNMENT_DEFAULTS.minRollCalls`, the rule of `ana alignment`).
 * - `voteMeasure`: engagement in UN votes as the Benati–Capurri alignment index (agreement beyond
 *   what the two states' own vote shares make likely, floored at 0) rather than raw agreement:
 *   raw agreement with Russia and China is mostly agreement with the Assembly's majority, which
 *   puts NATO members "between" the poles and the Non-Aligned Movement next to Russia and China
 *   (docs/measures/atlas.md). `agreement` keeps Lijphart's agreement.
 * - `evenness`: the per-component score. "spread" (the index as published) is 1 minus the mean
 *   absolute difference of engagement between poles, so equal DISengagement (0 with every pole)
 *   scores 1; "coengagement" (ANA's co-engagement, Σ min / Σ max over pairs of poles) is scale
 *   invariant and undefined when every engagement is 0 (the component is then missing). Every
 *   component's detail gives `level`, the mean engagement, under both.
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
  minCoverage: 1,
  minRollCalls: 40,
  voteMeasure: "alignmentIndex" as "alignmentIndex" | "agreement",
  evenness: "spread" as "spread" | "coengagement",
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
