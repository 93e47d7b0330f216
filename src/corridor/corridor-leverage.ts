import { type LeverageRow, networkCountries, networkYears, yearLeverage } from "./leverage.ts";
import type { LeverageUncertainty } from "./leverage-uncertainty.ts";
import { EURASIA_DIR, loadNetwork, type Network } from "./load-network.ts";
import type { AssignmentChoice, NetworkKind } from "./problem.ts";
import type { Weights } from "./year-view.ts";

export interface CorridorLeverage {
  iso3: string;
  /**
   * One row per (year, network) the data covers; years without data have no row. With
   * `draws > 0` each row also carries the intervals and tornado of `leverage-uncertainty.ts`.
   */
  rows: (LeverageRow & Partial<LeverageUncertainty>)[];
  coverage: {
    network: NetworkKind;
    /** Whether the country lies on any route of this network at all. */
    onNetwork: boolean;
    years: number[];
    /** Requested years the network has no data for (missing, not zero). */
    missingYears: number[];
  }[];
  sources: string[];
  /** How many rows of the network files are flagged as assumptions (listed in SOURCES.md). */
  assumptionRows: number;
  /** Where the assumptions are listed with file:line and reasoning. */
  assumptionsFile: string;
  method: string;
}

/**
 * Corridor leverage of a country, for the scorecard's leverage pillar: flow-weighted route
 * betweenness, bypass cost and Shapley transit value, for the transport and gas networks, by
 * year. Years the network does not cover are reported in `coverage.missingYears`, never as 0.
 */
export async function corridorLeverage(
  iso3: string,
  year?: number,
  opts: {
    network?: Network;
    dir?: string;
    weights?: Weights;
    /** Transport route choice (default: the network's calibrated logit, else cheapest-first). */
    choice?: AssignmentChoice;
    networks?: NetworkKind[];
    /** Seeded draws over the assumption ranges (0: point values only). */
    draws?: number;
    seed?: number;
  } = {},
): Promise<CorridorLeverage> {
  const net = opts.network ?? loadNetwork(opts.dir ?? EURASIA_DIR);
  const rows: CorridorLeverage["rows"] = [];
  const coverage: CorridorLeverage["coverage"] = [];
  const sources = new Set<string>();
  for (const kind of opts.networks ?? (["transport", "gas"] as NetworkKind[])) {
    const covered = networkYears(net, kind);
    const onNetwork = networkCountries(net, kind).has(iso3);
    const wanted = year !== undefined ? [year] : covered;
    const years: number[] = [];
    const missing: number[] = [];
    for (const y of wanted) {
      if (!covered.includes(y)) {
        missing.push(y);
        continue;
      }
      if (!onNetwork) continue;
      const row = await yearLeverage(net, kind, y, iso3, {
        weights: opts.weights,
        choice: opts.choice,
      });
      if (row) {
        if ((opts.draws ?? 0) > 0) {
          const { leverageUncertainty } = await import("./leverage-uncertainty.ts");
          const u = await leverageUncertainty(net, kind, y, iso3, row, {
            draws: opts.draws,
            seed: opts.seed,
            weights: opts.weights,
            choice: opts.choice,
          });
          rows.push({ ...row, ...u });
        } else rows.push(row);
        years.push(y);
      } else missing.push(y);
    }
    if (year === undefined && covered.length > 0) {
      // Within the span 2015–2025 the shipped data aims at, say which years are not covered.
      for (let y = Math.min(2015, covered[0]); y <= Math.max(2025, covered.at(-1)!); y++)
        if (!covered.includes(y)) missing.push(y);
    }
    coverage.push({ network: kind, onNetwork, years, missingYears: missing.sort((a, b) => a - b) });
    if (onNetwork) {
      for (const r of net.routes) if (r.network === kind && r.source) sources.add(r.source);
      if (kind === "gas")
        for (const g of net.gasFlows)
          if (g.source) sources.add(g.source);
          else for (const d of net.demand) if (d.source) sources.add(d.source);
    }
  }
  rows.sort((a, b) => a.year - b.year || a.network.localeCompare(b.network));
  const assumptionRows = [
    ...net.links,
    ...net.figures,
    ...net.risks,
    ...net.demand,
    ...net.gasFlows,
    ...net.nodes,
  ].filter((r) => r.assumption).length;
  return {
    iso3,
    rows,
    coverage,
    sources: [...sources],
    assumptionRows,
    assumptionsFile: `${net.dir.replace(/\/$/, "")}/SOURCES.md`,
    method: "docs/measures/corridors.md",
  };
}
