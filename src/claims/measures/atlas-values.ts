import type { AtlasResult } from "../../atlas/types.ts";
import type { Store } from "../../store/store.ts";
import type { PeerValue } from "../peer-baseline.ts";
import type { StateValues } from "./ideal-axis.ts";

export const ATLAS_VALUES_DEFAULTS = {
  /** Draws of the Atlas behind the values (paired across states; the percentile's interval uses them). */
  draws: 200,
  seed: 1,
};

/** The Atlas measures a claim may name: the composite index or one component. */
export const ATLAS_MEASURE_KEYS = [
  "index",
  "unvotes",
  "idealpoints",
  "alliances",
  "igo",
  "arms",
  "trade",
] as const;
export type AtlasMeasureKey = (typeof ATLAS_MEASURE_KEYS)[number];

/** Memo of Atlas runs within one process (claims checked together share them). */
const memo = new Map<string, Promise<AtlasResult>>();

/**
 * Every state's value of an Atlas measure (the index or a component) in one year: the latest
 * year of [from, to] in which the focal state has a value, so that all states are compared in
 * the same year (like for like). Each value carries the Atlas's draws of it (paired across
 * states). No year with a focal value: no values, and the note says so.
 */
export async function atlasValues(
  store: Store,
  q: { key: AtlasMeasureKey; focal: string; from: number; to: number },
  options: Partial<typeof ATLAS_VALUES_DEFAULTS> = {},
): Promise<StateValues & { year: number | null; draws: number }> {
  const o = { ...ATLAS_VALUES_DEFAULTS, ...options };
  const { atlas } = await import("../../atlas/atlas.ts");
  const k = `${q.from}-${q.to}-${o.draws}-${o.seed}`;
  if (!memo.has(k))
    memo.set(
      k,
      atlas(store, { from: q.from, to: q.to, draws: o.draws, seed: o.seed, keepDraws: true }),
    );
  const res = await memo.get(k)!;
  const info = res.components.find((c) => c.key === q.key);
  const label = q.key === "index" ? "Atlas multi-alignment index" : `Atlas ${q.key} component`;
  const source =
    q.key === "index"
      ? `ANA Atlas (${res.formula.split(";")[0]}), from the reference panel`
      : `ANA Atlas component ${q.key}: ${info?.source ?? ""}`;
  const val = (r: AtlasResult["rows"][number]) =>
    q.key === "index"
      ? { value: r.index, draws: r.indexDraws }
      : { value: r.components[q.key]?.value ?? null, draws: r.components[q.key]?.draws };
  const years = [
    ...new Set(
      res.rows.filter((r) => r.iso3 === q.focal && val(r).value !== null).map((r) => r.year),
    ),
  ].sort((a, b) => b - a);
  const year = years[0] ?? null;
  if (year === null)
    return {
      values: new Map(),
      basis: [],
      note: `${label}: no ${q.focal} value in ${q.from}–${q.to}`,
      source,
      year,
      draws: o.draws,
    };
  const values = new Map<string, PeerValue>();
  for (const r of res.rows) {
    if (r.year !== year) continue;
    const v = val(r);
    if (v.value === null) continue;
    values.set(r.iso3, {
      iso3: r.iso3,
      value: v.value,
      ...(v.draws ? { draws: Array.from(v.draws, (x) => (Number.isFinite(x) ? x : null)) } : {}),
    });
  }
  return {
    values,
    basis: [String(year)],
    note: `${label} in ${year} (higher = more evenly engaged with the poles ${Object.keys(res.poles).join(", ")})`,
    source,
    year,
    draws: o.draws,
  };
}
