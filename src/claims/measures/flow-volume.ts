import type { Flow } from "../../model/flow.ts";

/** A year's full-year volume from the focal state to a set of partners, with disagreeing figures. */
export interface FlowVolume {
  year: number;
  /** The figure used: the lowest and highest full-year totals when sources disagree. */
  lo: number | null;
  hi: number | null;
  unit: string | null;
  used: Flow[];
  /** Part-year rows (not a year's volume). */
  partYear: Flow[];
}

const FULL = (f: Flow) => !f.period || f.period === "full year";

/**
 * The volume of `domain` from `focal` to `partners` in a year, from the scenario's full-year
 * flow rows only (part-year rows are listed, never summed in). When two full-year rows give the
 * same partner-year different values, both are kept: lo and hi span them.
 */
export function flowVolume(
  flows: readonly Flow[],
  focal: string,
  domain: string,
  partners: readonly string[],
  year: number,
): FlowVolume {
  const rows = flows.filter(
    (f) => f.domain === domain && f.from === focal && partners.includes(f.to) && f.year === year,
  );
  const used = rows.filter(FULL);
  const partYear = rows.filter((f) => !FULL(f));
  if (used.length === 0) return { year, lo: null, hi: null, unit: null, used, partYear };
  const byPartner = new Map<string, number[]>();
  for (const f of used) byPartner.set(f.to, [...(byPartner.get(f.to) ?? []), f.value]);
  let lo = 0;
  let hi = 0;
  for (const vs of byPartner.values()) {
    lo += Math.min(...vs);
    hi += Math.max(...vs);
  }
  const units = [...new Set(used.map((f) => f.unit))];
  if (units.length > 1) throw new Error(`flows ${domain} ${year}: mixed units ${units.join(", ")}`);
  return { year, lo, hi, unit: units[0], used, partYear };
}
