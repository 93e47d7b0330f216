import type { Level } from "../model/level.ts";
import type { LeverageHook } from "./scorecard.ts";

/**
 * The scorecard's corridor-leverage input from the corridor module (`src/corridor`): the
 * state's Shapley share of the transit value of the transport and gas networks, averaged over
 * the networks with data that year, at the regional and systemic levels (corridors carry
 * Asia–Europe and Caspian–Europe flows; they are not a neighbourhood relation). Years the
 * networks do not cover are missing. ANA proposal.
 */
export function corridorLeverageHook(): LeverageHook {
  let cache: Promise<Map<number, { value: number; raw: unknown; source: string }>> | undefined;
  const load = async (focal: string) => {
    const { corridorLeverage } = await import("../corridor/corridor-leverage.ts");
    const r = await corridorLeverage(focal);
    const by = new Map<number, { value: number; raw: unknown; source: string }>();
    for (const y of new Set(r.rows.map((x) => x.year))) {
      const rows = r.rows.filter((x) => x.year === y && x.shapleyShare !== null);
      if (rows.length === 0) continue;
      by.set(y, {
        value: rows.reduce((a, x) => a + (x.shapleyShare as number), 0) / rows.length,
        raw: rows.map((x) => ({
          network: x.network,
          shapleyShare: x.shapleyShare,
          routeBetweenness: x.routeBetweenness,
          bypassCostPerUnit: x.bypassCostPerUnit,
        })),
        source: `corridor leverage (${r.method}); ${r.sources.length} sourced route records`,
      });
    }
    return by;
  };
  return async (focal: string, level: Level, year: number) => {
    if (level === "neighbourhood") return undefined;
    cache ??= load(focal);
    const v = (await cache).get(year);
    return v
      ? { value: Math.max(0, Math.min(1, v.value)), raw: v.raw, source: v.source }
      : undefined;
  };
}
