import type { Flow } from "../../model/flow.ts";

/** A year's full-year volume from the focal state to a set of partners, with its span. */
export interface FlowVolume {
  year: number;
  /** Σ over partners of the mean of the full-year figures given for the partner. */
  value: number | null;
  /** The span the figures allow: each figure ± half a unit of its last reported digit, over all disagreeing figures. */
  lo: number | null;
  hi: number | null;
  /** Whether two full-year figures for the same partner-year disagree. */
  disagree: boolean;
  unit: string | null;
  used: Flow[];
  /** Part-year rows (not a year's volume). */
  partYear: Flow[];
}

const FULL = (f: Flow) => !f.period || f.period === "full year";

/** Half a unit of the last digit a figure is reported to (8.2 → 0.05, 22 → 0.5). */
export function roundingHalfWidth(v: number): number {
  const t = String(v);
  const d = t.includes(".") ? t.length - t.indexOf(".") - 1 : 0;
  return 0.5 * 10 ** -d;
}

/**
 * The volume of `domain` from `focal` to `partners` in a year, from the scenario's full-year
 * flow rows only (part-year rows are listed, never summed in). The span [lo, hi] holds every
 * value the reported figures allow: each figure stands for ± half a unit of its last digit, and
 * when sources give one partner-year different figures, all of them are spanned.
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
  if (used.length === 0)
    return { year, value: null, lo: null, hi: null, disagree: false, unit: null, used, partYear };
  const byPartner = new Map<string, number[]>();
  for (const f of used) byPartner.set(f.to, [...(byPartner.get(f.to) ?? []), f.value]);
  let value = 0;
  let lo = 0;
  let hi = 0;
  let disagree = false;
  for (const vs of byPartner.values()) {
    value += vs.reduce((a, b) => a + b, 0) / vs.length;
    lo += Math.min(...vs.map((v) => v - roundingHalfWidth(v)));
    hi += Math.max(...vs.map((v) => v + roundingHalfWidth(v)));
    if (new Set(vs).size > 1) disagree = true;
  }
  const units = [...new Set(used.map((f) => f.unit))];
  if (units.length > 1) throw new Error(`flows ${domain} ${year}: mixed units ${units.join(", ")}`);
  return { year, value, lo, hi, disagree, unit: units[0], used, partYear };
}
