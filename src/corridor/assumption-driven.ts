/**
 * When is a leverage figure "assumption-driven"? One rule for the CLI, the scorecard, the Map and
 * the report (docs/measures/corridors.md, "Assumption-driven figures"). With s = max(|central|,
 * floor), a figure is flagged when
 *   (a) its interval over the seeded draws is wider than `width`·s, or
 *   (b) one assumption (group) alone, set to its low or high end with the others central, moves
 *       it by more than `shift`·s, or leaves it undefined (the tornado), or
 *   (c) the central value lies outside its own interval (the figure jumps at a threshold the draws
 *       rarely reach).
 * (b) is needed because the draws can miss a step: a triangular draw rarely lands near the end of
 * a range, so a share that collapses only there keeps a narrow interval.
 */
export const ASSUMPTION_DRIVEN_DEFAULTS = {
  /** (a): interval width above this share of the central value. */
  width: 0.25,
  /** (b): one assumption's end moves the figure by more than this share of the central value. */
  shift: 0.25,
  /** Scale floor (share units, 0.01 %: below it a share reads as nil), so that a share of 0 is
   * not flagged by a 1e-12 wobble. */
  floor: 0.0001,
};

/** What the rule reads of one tornado bar. */
export interface TornadoEnds {
  assumption: string;
  low: number;
  high: number;
  shareAtLow: number | null;
  shareAtHigh: number | null;
}

export interface AssumptionFlag {
  assumptionDriven: boolean;
  /** Which clause(s) fired, in words; null when not flagged. */
  drivenReason: string | null;
  /** The assumption that moves the figure most (largest end-to-central move), when flagged. */
  drivenBy: string | null;
}

/** Relative tolerance of the comparisons (a boundary case does not flip on rounding). */
const TOL = 1e-9;

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

export function assumptionFlag(
  central: number | null,
  interval: [number, number] | null,
  tornado: readonly TornadoEnds[],
  options: Partial<typeof ASSUMPTION_DRIVEN_DEFAULTS> = {},
): AssumptionFlag {
  const o = { ...ASSUMPTION_DRIVEN_DEFAULTS, ...options };
  if (central === null || !Number.isFinite(central))
    return { assumptionDriven: false, drivenReason: null, drivenBy: null };
  const s = Math.max(Math.abs(central), o.floor);
  const reasons: string[] = [];
  if (interval && Number.isFinite(interval[0]) && Number.isFinite(interval[1])) {
    if (interval[1] - interval[0] > o.width * s * (1 + TOL))
      reasons.push(
        `interval ${fmt(interval[0])}–${fmt(interval[1])} wider than ${o.width * 100} % of ${fmt(central)}`,
      );
    if (central < interval[0] - TOL * s || central > interval[1] + TOL * s)
      reasons.push(`central ${fmt(central)} outside its interval`);
  }
  let top: { bar: TornadoEnds; move: number } | null = null;
  for (const b of tornado) {
    const ends = [b.shareAtLow, b.shareAtHigh];
    const move = ends.some((e) => e === null)
      ? Number.POSITIVE_INFINITY
      : Math.max(...ends.map((e) => Math.abs((e as number) - central)));
    if (move > 1e-12 && (!top || move > top.move)) top = { bar: b, move };
  }
  if (top && top.move > o.shift * s * (1 + TOL)) {
    const b = top.bar;
    const at = (e: number | null) => (e === null ? "undefined" : fmt(e));
    reasons.push(
      `${b.assumption} alone moves it from ${fmt(central)} to ${at(b.shareAtLow)} (at ${fmt(b.low)}) / ${at(b.shareAtHigh)} (at ${fmt(b.high)})`,
    );
  }
  return reasons.length > 0
    ? {
        assumptionDriven: true,
        drivenReason: reasons.join("; "),
        drivenBy: top?.bar.assumption ?? null,
      }
    : { assumptionDriven: false, drivenReason: null, drivenBy: null };
}
