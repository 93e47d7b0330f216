import type { Flow } from "../model/flow.ts";

/** Flows that leave the focal state (exports); the others come to it (imports, arms, FDI). */
export const OUTWARD_DOMAINS = new Set(["trade-export", "gas", "oil"]);

export interface YearShares {
  year: number;
  total: number;
  unit: string;
  /** Partner → share of the year's total (sums to 1 when total > 0). */
  shares: Record<string, number>;
  values: Record<string, number>;
}

/**
 * Per year, each partner's share of the focal state's sourced flows in one domain: value / the
 * year's total. Years without any record are absent (missing), not zero. Mixed units in one year
 * are refused, because shares across units would be meaningless.
 */
export function flowSharesByYear(
  flows: readonly Flow[],
  focal: string,
  domain: string,
): YearShares[] {
  const out = OUTWARD_DOMAINS.has(domain);
  const used = flows.filter(
    (f) => f.domain === domain && (out ? f.from === focal : f.to === focal),
  );
  const years = [...new Set(used.map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const fs = used.filter((f) => f.year === year);
    const units = [...new Set(fs.map((f) => f.unit))];
    if (units.length > 1)
      throw new Error(
        `report: ${domain} flows of ${focal} in ${year} mix units (${units.join(", ")})`,
      );
    const values: Record<string, number> = {};
    for (const f of fs) {
      const p = out ? f.to : f.from;
      values[p] = (values[p] ?? 0) + f.value;
    }
    const total = Object.values(values).reduce((a, b) => a + b, 0);
    const shares = Object.fromEntries(
      Object.entries(values).map(([p, v]) => [p, total > 0 ? v / total : 0]),
    );
    return { year, total, unit: units[0], shares, values };
  });
}
