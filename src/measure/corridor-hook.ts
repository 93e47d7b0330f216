import type { TornadoBar } from "../corridor/leverage-uncertainty.ts";
import type { AssignmentChoice, NetworkKind } from "../corridor/problem.ts";
import type { Level } from "../model/level.ts";
import type { LeverageHook } from "./scorecard.ts";

/** Defaults of the corridor-leverage hook (docs/measures/scorecard.md, `leverage.corridor`). */
export const CORRIDOR_HOOK_DEFAULTS = {
  /** Network folder (default: the shipped Eurasian network). */
  dir: undefined as string | undefined,
  /** Seeded draws over the network's assumption ranges (0: point value, no interval, no flag). */
  draws: 40,
  seed: 1,
  /** Level of the interval the assumption-driven rule reads (the scorecard's own level: 0.9). */
  level: 0.9,
  /** Route choice (default cheapest-first, as `corridors leverage`). */
  choice: undefined as AssignmentChoice | undefined,
};

/** One network's figures behind the input (the `raw` of `leverage.corridor`). */
export interface CorridorInputNetwork {
  network: NetworkKind;
  shapleyShare: number | null;
  shapleyShareInterval: [number, number] | null;
  assumptionDriven: boolean;
  drivenBy: string | null;
  routeBetweenness: number;
  bypassCostPerUnit: number;
}

/** A year's corridor input: the mean share over networks with data, its draws, flag and tornado. */
export interface CorridorYearInput {
  year: number;
  /**
   * Mean share over the networks the state is on; null when one of them has no figure this year
   * (`missing`): a mean over a changing set of networks would not compare across years.
   */
  value: number | null;
  /** Networks the state is on (in some year) without a figure this year (e.g. no sourced demand). */
  missing: NetworkKind[];
  /** The mean over the networks that do have a figure, when `missing` is not empty. */
  partialValue?: number;
  /** Replicates of `value` (draw k: the same assumption values in every network). */
  draws: number[];
  interval: [number, number] | null;
  assumptionDriven: boolean;
  drivenReason: string | null;
  drivenBy: string | null;
  /** Tornado of `value`: each assumption group at its low and high ends (mean over networks). */
  tornado: TornadoBar[];
  networks: CorridorInputNetwork[];
  nDraws: number;
  seed: number;
  source: string;
}

// Per process: the figures of a (network folder, state, options) by year, computed once.
const CACHE = new Map<string, Map<number, Promise<CorridorYearInput | undefined>>>();
const NETS = new Map<string, Promise<import("../corridor/load-network.ts").Network>>();

/** Forget the cached corridor inputs (tests, or after editing a network folder). */
export function clearCorridorHookCache(): void {
  CACHE.clear();
  NETS.clear();
}

/**
 * A year's corridor leverage of `focal` for the scorecard: the Shapley share of the transit
 * value, mean over the transport and gas networks with a share that year, with `draws` seeded
 * replicates over the assumption ranges (paired across networks), their interval at `level`, the
 * assumption-driven flag (`src/corridor/assumption-driven.ts`) and the tornado of the mean.
 * Undefined when no network covers the year or the state is on none. Cached per year.
 */
export async function corridorYearInput(
  focal: string,
  year: number,
  options: Partial<typeof CORRIDOR_HOOK_DEFAULTS> = {},
): Promise<CorridorYearInput | undefined> {
  const o = { ...CORRIDOR_HOOK_DEFAULTS, ...options };
  const key = JSON.stringify([o.dir ?? "", focal, o.draws, o.seed, o.level, o.choice ?? null]);
  let byYear = CACHE.get(key);
  if (!byYear) {
    byYear = new Map();
    CACHE.set(key, byYear);
  }
  let hit = byYear.get(year);
  if (!hit) {
    hit = compute(focal, year, o);
    byYear.set(year, hit);
    // A failure is not cached (the next call retries and reports it again).
    hit.catch(() => byYear.delete(year));
  }
  return hit;
}

async function compute(
  focal: string,
  year: number,
  o: typeof CORRIDOR_HOOK_DEFAULTS,
): Promise<CorridorYearInput | undefined> {
  const { EURASIA_DIR, loadNetwork } = await import("../corridor/load-network.ts");
  const { networkCountries, networkYears, yearLeverage } = await import("../corridor/leverage.ts");
  const { leverageUncertainty } = await import("../corridor/leverage-uncertainty.ts");
  const { assumptionFlag } = await import("../corridor/assumption-driven.ts");
  const { percentileInterval } = await import("./bootstrap.ts");
  const dir = o.dir ?? EURASIA_DIR;
  let netP = NETS.get(dir);
  if (!netP) {
    netP = Promise.resolve().then(() => loadNetwork(dir));
    NETS.set(dir, netP);
    netP.catch(() => NETS.delete(dir));
  }
  const net = await netP;
  const rows: {
    network: NetworkKind;
    share: number;
    routeBetweenness: number;
    bypassCostPerUnit: number;
    u?: Awaited<ReturnType<typeof leverageUncertainty>>;
  }[] = [];
  const missing: NetworkKind[] = [];
  for (const kind of ["transport", "gas"] as NetworkKind[]) {
    if (!networkCountries(net, kind).has(focal)) continue;
    if (!networkYears(net, kind).includes(year)) {
      missing.push(kind);
      continue;
    }
    const row = await yearLeverage(net, kind, year, focal, { choice: o.choice });
    if (!row || row.shapleyShare === null) {
      missing.push(kind);
      continue;
    }
    const u =
      o.draws > 0
        ? await leverageUncertainty(net, kind, year, focal, row, {
            draws: o.draws,
            seed: o.seed,
            level: o.level,
            choice: o.choice,
            keepDraws: true,
          })
        : undefined;
    rows.push({
      network: kind,
      share: row.shapleyShare,
      routeBetweenness: row.routeBetweenness,
      bypassCostPerUnit: row.bypassCostPerUnit,
      u,
    });
  }
  // No network has a figure this year: nothing (the input is "no data").
  if (rows.length === 0) return undefined;
  if (missing.length > 0) {
    const shares = rows.map((r) => r.share);
    return {
      year,
      value: null,
      missing,
      ...(shares.length > 0
        ? { partialValue: shares.reduce((a, b) => a + b, 0) / shares.length }
        : {}),
      draws: [],
      interval: null,
      assumptionDriven: false,
      drivenReason: null,
      drivenBy: null,
      tornado: [],
      networks: rows.map((r) => ({
        network: r.network,
        shapleyShare: r.share,
        shapleyShareInterval: null,
        assumptionDriven: false,
        drivenBy: null,
        routeBetweenness: r.routeBetweenness,
        bypassCostPerUnit: r.bypassCostPerUnit,
      })),
      nDraws: 0,
      seed: o.seed,
      source: `corridor leverage (docs/measures/corridors.md): Shapley share of the transit value, mean over the networks the state is on (${[...rows.map((r) => r.network), ...missing].join(" and ")}); ${missing.join(" and ")} has no figure in ${year}`,
    };
  }
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const mean = (xs: (number | null)[]) =>
    xs.some((x) => x === null)
      ? null
      : (xs as number[]).reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const value = clamp(mean(rows.map((r) => r.share)) as number);
  // Draw k of every network used the same assumption values (same seed and groups): paired mean.
  const K = o.draws > 0 ? Math.min(...rows.map((r) => r.u?.shareDraws?.length ?? 0)) : 0;
  const draws: number[] = [];
  for (let k = 0; k < K; k++) {
    const m = mean(rows.map((r) => r.u!.shareDraws![k]));
    draws.push(m === null ? Number.NaN : clamp(m));
  }
  const interval = K > 0 ? percentileInterval(draws, o.level) : null;
  // The tornado of the mean: the same assumption (group) set to an end in every network.
  const tornado: TornadoBar[] = [];
  for (const bar of rows[0].u?.tornado ?? []) {
    const bars = rows.map((r) => r.u?.tornado.find((b) => b.assumption === bar.assumption));
    if (bars.some((b) => b === undefined)) continue;
    const atLow = mean(bars.map((b) => b!.shareAtLow));
    const atHigh = mean(bars.map((b) => b!.shareAtHigh));
    tornado.push({
      ...bar,
      shareAtLow: atLow,
      shareAtHigh: atHigh,
      swing: atLow !== null && atHigh !== null ? Math.abs(atHigh - atLow) : 0,
    });
  }
  tornado.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
  // Flagged when the mean is (the rule on its interval and tornado) or when a network's own
  // share is: a mean of figures one of which rests on an assumption rests on it too.
  let flag =
    K > 0
      ? assumptionFlag(value, interval, tornado)
      : { assumptionDriven: false, drivenReason: null, drivenBy: null };
  for (const r of rows)
    if (K > 0 && r.u?.assumptionDriven)
      flag = {
        assumptionDriven: true,
        drivenReason: [flag.drivenReason, `${r.network} share ${r.u.drivenReason}`]
          .filter(Boolean)
          .join("; "),
        drivenBy: flag.drivenBy ?? r.u.drivenBy,
      };
  return {
    year,
    value,
    missing,
    draws,
    interval,
    ...flag,
    tornado,
    networks: rows.map((r) => ({
      network: r.network,
      shapleyShare: r.share,
      shapleyShareInterval: r.u?.shapleyShareInterval ?? null,
      assumptionDriven: r.u?.assumptionDriven ?? false,
      drivenBy: r.u?.drivenBy ?? null,
      routeBetweenness: r.routeBetweenness,
      bypassCostPerUnit: r.bypassCostPerUnit,
    })),
    nDraws: K,
    seed: o.seed,
    source: `corridor leverage (docs/measures/corridors.md): Shapley share of the transit value, mean over ${rows.map((r) => r.network).join(" and ")}${K > 0 ? `; ${K} seeded draws (seed ${o.seed}) over ${dir.replace(/\/$/, "")}/assumption-ranges.csv` : ""}`,
  };
}

/**
 * The scorecard's corridor-leverage input from the corridor module (`src/corridor`): the
 * state's Shapley share of the transit value of the transport and gas networks, averaged over
 * the networks with data that year, at the regional and systemic levels (corridors carry
 * Asia–Europe and Caspian–Europe flows; they are not a neighbourhood relation), with replicates
 * over the assumption ranges (the input's interval; paired into the cell's) and the
 * assumption-driven flag. Years the networks do not cover are missing. ANA proposal.
 */
export function corridorLeverageHook(
  options: Partial<typeof CORRIDOR_HOOK_DEFAULTS> = {},
): LeverageHook {
  return async (focal: string, level: Level, year: number) => {
    if (level === "neighbourhood") return undefined;
    const v = await corridorYearInput(focal, year, options);
    if (!v) return undefined;
    if (v.value === null)
      return {
        value: null,
        status: v.networks.length > 0 ? "partial" : "no data",
        source: v.source,
        raw: { networks: v.networks, missing: v.missing, partialValue: v.partialValue ?? null },
        note: `${v.missing.join(" and ")} network has no figure for ${year} (docs/corridors.md: years without sourced demand are missing); ${v.networks.length > 0 ? "the other network's share alone would change the input's composition across years, so it is not scored" : "no network has a figure"}`,
      };
    return {
      value: v.value,
      source: v.source,
      raw: {
        networks: v.networks,
        interval: v.interval,
        draws: v.nDraws,
        seed: v.seed,
        drivenReason: v.drivenReason,
        tornado: v.tornado.map((t) => ({
          assumption: t.assumption,
          low: t.low,
          central: t.central,
          high: t.high,
          shareAtLow: t.shareAtLow,
          shareAtHigh: t.shareAtHigh,
          swing: t.swing,
        })),
      },
      ...(v.draws.length > 0 ? { draws: v.draws } : {}),
      ...(v.nDraws > 0 ? { assumptionDriven: v.assumptionDriven } : {}),
      ...(v.assumptionDriven ? { note: `assumption-driven: ${v.drivenReason}` } : {}),
    };
  };
}
