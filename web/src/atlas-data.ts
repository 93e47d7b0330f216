// Reading the Atlas answer (GET /api/atlas, GET /api/atlas/compare) without inventing a value.
// Pure functions (no DOM), so Node tests can run them. The rule is measured.ts's: a number is
// shown as a measurement only where the server says its status is "data"; anything else (a
// partial row, a missing field, a state-year the server did not return) is shown as missing.
import { intervalOf, type ShownStatus, statusOf } from "./measured.ts";
import type { AtlasCompareJson, Interval } from "./types.ts";

export const ATLAS_DEFAULTS = {
  /** Colour stops (viridis) for the index, low → high; no grey, so hatched grey is never a value. */
  ramp: ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
};

const finite = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

export interface ShownComponent {
  key: string;
  status: ShownStatus;
  /** Only for status "data". */
  value: number | null;
  interval: Interval | null;
  n: number | null;
}

/** An Atlas state-year as the dashboard draws it. */
export interface ShownAtlasRow {
  iso3: string;
  name: string;
  year: number;
  status: ShownStatus;
  /** Only for status "data". */
  index: number | null;
  interval: Interval | null;
  coverage: number | null;
  /** Only with an index. */
  rank: number | null;
  rankInterval: Interval | null;
  components: Record<string, ShownComponent>;
}

/** The Atlas rows with the honesty rule applied (a row without iso3 or year is dropped). */
export function atlasRows(data: unknown): ShownAtlasRow[] {
  const d = (data ?? {}) as { rows?: unknown };
  const rows = (Array.isArray(d.rows) ? d.rows : []) as Record<string, unknown>[];
  return rows
    .filter(
      (r) =>
        r &&
        typeof r === "object" &&
        typeof r.iso3 === "string" &&
        Number.isInteger(Number(r.year)),
    )
    .map((r) => {
      const status = statusOf(r);
      const index = status === "data" ? finite(r.index) : null;
      const comps = (
        r.components && typeof r.components === "object" ? r.components : {}
      ) as Record<string, Record<string, unknown>>;
      const components: Record<string, ShownComponent> = {};
      for (const [key, c] of Object.entries(comps)) {
        const cs = statusOf(c);
        const value = cs === "data" ? finite(c?.value) : null;
        components[key] = {
          key,
          status: cs,
          value,
          interval: value === null ? null : intervalOf(c?.interval),
          n: finite(c?.n),
        };
      }
      return {
        iso3: r.iso3 as string,
        name: typeof r.name === "string" && r.name ? r.name : (r.iso3 as string),
        year: Number(r.year),
        status,
        index,
        interval: index === null ? null : intervalOf(r.interval),
        coverage: finite(r.coverage),
        rank: index === null ? null : finite(r.rank),
        rankInterval: index === null ? null : intervalOf(r.rankInterval),
        components,
      };
    });
}

/** Whether a row may be coloured or ranked: measured, with an index. */
export function indexed(r: ShownAtlasRow): boolean {
  return r.status === "data" && r.index !== null;
}

/** The years the rows cover, ascending. */
export function atlasYears(rows: ShownAtlasRow[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** The last year in which at least one state has an index (null when none has). */
export function latestIndexedYear(rows: ShownAtlasRow[]): number | null {
  let y: number | null = null;
  for (const r of rows) if (indexed(r) && (y === null || r.year > y)) y = r.year;
  return y;
}

/**
 * A domain for values: [0, 1] when they all lie in it, [-1, 1] likewise, [0, 100] likewise, else
 * their own [min, max]. The same domain for every year, so a colour means the same value throughout.
 */
export function niceDomain(values: number[]): [number, number] {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return [0, 1];
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo >= 0 && hi <= 1) return [0, 1];
  if (lo >= -1 && hi <= 1) return [-1, 1];
  if (lo >= 0 && hi <= 100) return [0, 100];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The index's domain over every row with an index and over their intervals. */
export function indexDomain(rows: ShownAtlasRow[]): [number, number] {
  return niceDomain(rows.flatMap((r) => (indexed(r) ? [r.index!, ...(r.interval ?? [])] : [])));
}

/** The ramp colour of a value in a domain (clamped). */
export function rampColour(
  v: number,
  domain: [number, number],
  ramp: string[] = ATLAS_DEFAULTS.ramp,
): string {
  const t = Math.max(0, Math.min(1, (v - domain[0]) / (domain[1] - domain[0] || 1)));
  const x = t * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  const rgb = (hex: string) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
  const a = rgb(ramp[i]);
  const b = rgb(ramp[i + 1]);
  return `rgb(${a.map((c, k) => Math.round(c + (b[k] - c) * f)).join(",")})`;
}

export type AtlasSortKey = "rank" | "name" | "index" | "coverage";

/**
 * The ranking table's order: states with an index by `key` (`dir` 1 ascending, -1 descending),
 * then every state without one (by name) at the bottom whatever the order asked.
 */
export function rankingOrder(
  rows: ShownAtlasRow[],
  key: AtlasSortKey = "rank",
  dir: 1 | -1 = 1,
): ShownAtlasRow[] {
  const byName = (a: ShownAtlasRow, b: ShownAtlasRow) =>
    a.name.localeCompare(b.name) || a.iso3.localeCompare(b.iso3);
  const num = (r: ShownAtlasRow): number =>
    key === "rank" ? (r.rank ?? Infinity) : key === "index" ? r.index! : (r.coverage ?? -1);
  const withIndex = rows.filter(indexed);
  const without = rows.filter((r) => !indexed(r)).sort(byName);
  withIndex.sort((a, b) => {
    const c = key === "name" ? byName(a, b) : num(a) - num(b);
    return c !== 0 ? c * dir : byName(a, b);
  });
  return [...withIndex, ...without];
}

/** One state's years from `from` to `to`; a year the server did not return is "not measured". */
export function trajectoryOf(
  rows: ShownAtlasRow[],
  iso3: string,
  from: number,
  to: number,
): ShownAtlasRow[] {
  const mine = new Map(rows.filter((r) => r.iso3 === iso3).map((r) => [r.year, r]));
  const out: ShownAtlasRow[] = [];
  for (let y = from; y <= to; y++)
    out.push(
      mine.get(y) ?? {
        iso3,
        name: iso3,
        year: y,
        status: "not measured",
        index: null,
        interval: null,
        coverage: null,
        rank: null,
        rankInterval: null,
        components: {},
      },
    );
  return out;
}

/** "0.52 [0.47, 0.58]" (or "—" for no value; "0.52 [no interval]" when the server gave none). */
export function valueInterval(v: number | null, iv: Interval | null, digits = 2): string {
  if (v === null) return "—";
  const f = (x: number) => x.toFixed(digits);
  return iv ? `${f(v)} [${f(iv[0])}, ${f(iv[1])}]` : `${f(v)} [no interval]`;
}

/** "12 [9, 15]" for a rank and its interval. */
export function rankText(r: ShownAtlasRow): string {
  if (r.rank === null) return "—";
  const iv = r.rankInterval;
  return iv ? `${r.rank} [${iv[0]}, ${iv[1]}]` : `${r.rank} [no interval]`;
}

/** "83 %" for a 0..1 share. */
export function coverageText(c: number | null): string {
  return c === null ? "—" : `${Math.round(c * 100)} %`;
}

/** A row in words, for titles, hover and screen readers. */
export function atlasRowLabel(r: ShownAtlasRow, count?: number): string {
  const head = `${r.name} (${r.iso3}), ${r.year}`;
  if (indexed(r))
    return `${head}: index ${valueInterval(r.index, r.interval)}, rank ${rankText(r)}${count ? ` of ${count}` : ""}, coverage ${coverageText(r.coverage)}`;
  const why =
    r.status === "partial"
      ? "partial data, no index"
      : r.status === "not measured"
        ? "not in the Atlas answer"
        : "no data";
  return `${head}: ${why}${r.coverage !== null ? `, coverage ${coverageText(r.coverage)}` : ""}`;
}

/** A peer-percentile row as the Overview shows it (a percentile only with a value). */
export interface ShownPeerRow {
  peerGroup: string;
  year: number;
  measure: string;
  value: number | null;
  percentile: number | null;
  interval: Interval | null;
  n: number | null;
  missing: number | null;
  peerMedian: number | null;
}

/** The compare answer's rows, normalised (a percentile without the focal's value is dropped). */
export function peerRows(data: AtlasCompareJson | unknown): ShownPeerRow[] {
  const d = (data ?? {}) as { rows?: unknown };
  const rows = (Array.isArray(d.rows) ? d.rows : []) as Record<string, unknown>[];
  return rows
    .filter((r) => r && typeof r.peerGroup === "string" && Number.isInteger(Number(r.year)))
    .map((r) => {
      const value = finite(r.value);
      const percentile = value === null ? null : finite(r.percentile);
      return {
        peerGroup: r.peerGroup as string,
        year: Number(r.year),
        measure: typeof r.measure === "string" ? r.measure : "index",
        value,
        percentile,
        interval: percentile === null ? null : intervalOf(r.interval),
        n: finite(r.n),
        missing: finite(r.missing),
        peerMedian: finite(r.peerMedian),
      };
    });
}

/** Per peer group, the latest year in which the focal state has a percentile on `measure`. */
export function latestPercentiles(rows: ShownPeerRow[], measure = "index"): ShownPeerRow[] {
  const best = new Map<string, ShownPeerRow>();
  for (const r of rows) {
    if (r.measure !== measure || r.percentile === null) continue;
    const b = best.get(r.peerGroup);
    if (!b || r.year > b.year) best.set(r.peerGroup, r);
  }
  return [...best.values()];
}

/**
 * Which inputs an index is made of: the components with a measured value and a weight above 0
 * (every measured component when no weights are given), sorted and joined with "+". Two index
 * values are comparable over time only when they are made of the same inputs.
 */
export function compositionOf(r: ShownAtlasRow, weights: Record<string, number> = {}): string {
  const weighted = Object.keys(weights).length > 0;
  return Object.values(r.components)
    .filter(
      (c) => c.status === "data" && c.value !== null && (!weighted || (weights[c.key] ?? 0) > 0),
    )
    .map((c) => c.key)
    .sort()
    .join("+");
}

/** Spells of consecutive indexed years made of the same inputs: [from, to, composition]. */
export function compositionSpells(
  traj: ShownAtlasRow[],
  weights: Record<string, number> = {},
): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const r of traj) {
    if (!indexed(r)) continue;
    const c = compositionOf(r, weights);
    const last = out[out.length - 1];
    if (last && last[2] === c && last[1] === r.year - 1) last[1] = r.year;
    else out.push([r.year, r.year, c]);
  }
  return out;
}
