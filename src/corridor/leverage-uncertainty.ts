import { mulberry32 } from "../network/random.ts";
import { quantile as sortedQuantile } from "../simulate/quantiles.ts";
import {
  ASSUMPTION_DRIVEN_DEFAULTS,
  type AssumptionFlag,
  assumptionFlag,
} from "./assumption-driven.ts";
import { type AssumptionRange, loadAssumptionRanges, withValues } from "./assumption-ranges.ts";
import { type LeverageRow, yearLeverage } from "./leverage.ts";
import type { Network } from "./load-network.ts";
import type { AssignmentChoice, NetworkKind } from "./problem.ts";
import type { Weights } from "./year-view.ts";

/**
 * Leverage under uncertain assumptions: every flagged assumption with a range in
 * `assumption-ranges.csv` that applies to the year is drawn from a triangular distribution
 * (low, central, high) with a seeded PRNG; each draw recomputes the year's leverage exactly, and
 * the intervals are the (1-level)/2 and (1+level)/2 quantiles of the draws. Ranges of one `group`
 * share one uniform draw (they move together). The tornado sets one group at a time to its low and
 * high values (others central) and reports the Shapley share.
 */
export const UNCERTAINTY_DEFAULTS = {
  draws: 40,
  seed: 1,
  level: 0.9,
  tornado: true,
  weights: undefined as Weights | undefined,
  /** Transport route choice (default: the network's, see `defaultChoice`). */
  choice: undefined as AssignmentChoice | undefined,
  /** Also return the Shapley share of every draw (`shareDraws`, in draw order). */
  keepDraws: false,
  /** Clause (a) of the assumption-driven rule (`assumption-driven.ts`). */
  drivenWidth: ASSUMPTION_DRIVEN_DEFAULTS.width,
};

export interface TornadoBar {
  assumption: string;
  low: number;
  central: number;
  high: number;
  shareAtLow: number | null;
  shareAtHigh: number | null;
  /** |shareAtHigh - shareAtLow|. */
  swing: number;
  reasoning: string;
}

export interface LeverageUncertainty extends AssumptionFlag {
  draws: number;
  seed: number;
  level: number;
  /** Assumptions varied (those whose years cover the row's year). */
  assumptions: string[];
  shapleyInterval: [number, number];
  shapleyShareInterval: [number, number] | null;
  bypassCostInterval: [number, number];
  routeBetweennessInterval: [number, number];
  tornado: TornadoBar[];
  /**
   * With `keepDraws`: the Shapley share of each draw (null: no transit value that draw). Draw k
   * uses the same uniforms for every network of a year (same seed, same groups), so draws of the
   * transport and gas rows of one year are paired.
   */
  shareDraws?: (number | null)[];
}

/** Triangular(low, mode, high) by its inverse CDF. */
export function triangular(u: number, a: number, c: number, b: number): number {
  if (b === a) return a;
  const f = (c - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** Linear-interpolation quantile (type 7) of a sample (NaN for none). */
export function quantile(xs: number[], q: number): number {
  return sortedQuantile(
    [...xs].sort((x, y) => x - y),
    q,
  );
}

function applies(r: AssumptionRange, year: number): boolean {
  return (
    r.kind === "parameter" || ((r.yearFrom ?? -Infinity) <= year && year <= (r.yearTo ?? Infinity))
  );
}

/**
 * The seeded draws of the assumption ranges that apply to `year`: draw k gives every range a
 * value, one uniform per group (ranges without a group are their own group), triangular(low,
 * central, high). The same (network, year, seed) gives the same draws, so figures computed on them
 * (leverage, route flows) are paired draw by draw.
 */
export function assumptionDraws(
  net: Network,
  year: number,
  draws: number,
  seed: number,
): Map<AssumptionRange, number>[] {
  const ranges = loadAssumptionRanges(net).filter((r) => applies(r, year));
  const groups = new Map<string, AssumptionRange[]>();
  for (const r of ranges) {
    const g = r.group ?? r.name;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const rnd = mulberry32(seed);
  const out: Map<AssumptionRange, number>[] = [];
  for (let k = 0; k < draws; k++) {
    const values = new Map<AssumptionRange, number>();
    for (const rs of groups.values()) {
      const u = rnd();
      for (const r of rs) values.set(r, triangular(u, r.low, r.central, r.high));
    }
    out.push(values);
  }
  return out;
}

export async function leverageUncertainty(
  net: Network,
  network: NetworkKind,
  year: number,
  iso3: string,
  central: LeverageRow,
  options: Partial<typeof UNCERTAINTY_DEFAULTS> = {},
): Promise<LeverageUncertainty> {
  const o = { ...UNCERTAINTY_DEFAULTS, ...options };
  const ranges = loadAssumptionRanges(net).filter((r) => applies(r, year));
  // One uniform draw per group (ranges without a group are their own group).
  const groups = new Map<string, AssumptionRange[]>();
  for (const r of ranges) {
    const g = r.group ?? r.name;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const rows: LeverageRow[] = [];
  for (const values of assumptionDraws(net, year, o.draws, o.seed)) {
    const row = await yearLeverage(withValues(net, values), network, year, iso3, {
      weights: o.weights,
      choice: o.choice,
    });
    if (row) rows.push(row);
  }
  const lo = (1 - o.level) / 2;
  const hi = (1 + o.level) / 2;
  const interval = (xs: number[]): [number, number] =>
    xs.length ? [quantile(xs, lo), quantile(xs, hi)] : [Number.NaN, Number.NaN];
  const shares = rows.map((r) => r.shapleyShare).filter((x): x is number => x !== null);
  const shareInterval = shares.length === rows.length && rows.length > 0 ? interval(shares) : null;
  const tornado: TornadoBar[] = [];
  if (o.tornado)
    for (const [g, rs] of groups) {
      const at = async (end: "low" | "high") =>
        (
          await yearLeverage(
            withValues(net, new Map(rs.map((r) => [r, r[end]]))),
            network,
            year,
            iso3,
            { weights: o.weights, choice: o.choice },
          )
        )?.shapleyShare ?? null;
      const shareAtLow = await at("low");
      const shareAtHigh = await at("high");
      const one = rs.length === 1 ? rs[0] : undefined;
      tornado.push({
        assumption: one ? one.name : `${g} (${rs.map((r) => r.name).join(", ")})`,
        low: one ? one.low : Math.min(...rs.map((r) => r.low)),
        central: one ? one.central : Math.min(...rs.map((r) => r.central)),
        high: one ? one.high : Math.max(...rs.map((r) => r.high)),
        shareAtLow,
        shareAtHigh,
        swing: shareAtLow !== null && shareAtHigh !== null ? Math.abs(shareAtHigh - shareAtLow) : 0,
        reasoning: rs.map((r) => r.reasoning).join(" | "),
      });
    }
  tornado.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
  return {
    draws: rows.length,
    seed: o.seed,
    level: o.level,
    assumptions: ranges.map((r) => r.name),
    shapleyInterval: interval(rows.map((r) => r.shapley)),
    shapleyShareInterval: shareInterval,
    bypassCostInterval: interval(rows.map((r) => r.bypassCost)),
    routeBetweennessInterval: interval(rows.map((r) => r.routeBetweenness)),
    ...assumptionFlag(central.shapleyShare, shareInterval, tornado, { width: o.drivenWidth }),
    tornado,
    ...(o.keepDraws ? { shareDraws: rows.map((r) => r.shapleyShare) } : {}),
  };
}
