import type { Store } from "../store/store.ts";
import { hasRelation } from "./panel.ts";

export interface PowerGapMeasure {
  /** The state's value (count). */
  value: number | null;
  /** Expected value given its CINC share: exp(α + β·ln CINC) from the year's cross-section. */
  expected: number | null;
  /** ln(value) − ln(expected): > 0 punches above its weight, < 0 below. */
  gap: number | null;
  /** Percentile ranks (0–1) among the year's states: of this measure and of CINC. */
  rank: number | null;
  capabilityRank: number | null;
  states: number;
  source: string;
}

export interface PowerGapRow {
  year: number;
  /** CINC (share of the system's material capabilities). */
  cinc: number | null;
  measures: Record<string, PowerGapMeasure>;
}

const MEASURES: Record<string, { sql: string; source: string }> = {
  igoMemberships: {
    sql: "SELECT iso3, year, sum_igo_full::DOUBLE AS v FROM ref_igo_sy",
    source: "COW IGO v3 full memberships (to 2014)",
  },
  alliancePartners: {
    sql: "SELECT iso3_1 AS iso3, year, count(DISTINCT ccode2)::DOUBLE AS v FROM ref_atop WHERE defense = 1 OR offense = 1 OR neutral = 1 OR nonagg = 1 OR consul = 1 GROUP BY ALL",
    source: "ATOP 5.1 states with any alliance obligation (to 2018)",
  },
};

/**
 * "Punching above its weight", in the spirit of the Lowy Institute's power gap: for each year and
 * influence measure, regress ln(measure) on ln(CINC) across all states with both positive, and
 * report the state's residual (actual vs expected given material capability) and its percentile
 * ranks (ANA proposal). Years outside a measure's coverage are null.
 */
export async function powerGap(
  store: Store,
  focal: string,
  from: number,
  to: number,
): Promise<PowerGapRow[]> {
  const cinc = (await hasRelation(store, "ref_nmc"))
    ? await store.all<{ iso3: string; year: number; c: number }>(
        "SELECT iso3, year, cinc AS c FROM ref_nmc WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL AND cinc > 0",
        [from, to],
      )
    : [];
  const cincAt = new Map(cinc.map((r) => [`${r.iso3} ${r.year}`, r.c]));
  const out: PowerGapRow[] = [];
  const data: Record<string, { iso3: string; year: number; v: number }[]> = {};
  for (const [k, m] of Object.entries(MEASURES)) {
    const table = k === "igoMemberships" ? "ref_igo_sy" : "ref_atop";
    data[k] = (await hasRelation(store, table))
      ? await store.all(
          `SELECT * FROM (${m.sql}) WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL`,
          [from, to],
        )
      : [];
  }
  for (let y = from; y <= to; y++) {
    const row: PowerGapRow = { year: y, cinc: cincAt.get(`${focal} ${y}`) ?? null, measures: {} };
    for (const [k, m] of Object.entries(MEASURES)) {
      const pts = data[k]
        .filter((r) => r.year === y && r.v > 0 && cincAt.has(`${r.iso3} ${y}`))
        .map((r) => ({
          iso3: r.iso3,
          x: Math.log(cincAt.get(`${r.iso3} ${y}`)!),
          y: Math.log(r.v),
          v: r.v,
        }));
      const mine = pts.find((p) => p.iso3 === focal);
      const empty = {
        value: null,
        expected: null,
        gap: null,
        rank: null,
        capabilityRank: null,
        states: pts.length,
        source: m.source,
      };
      const anyYear = data[k].some((r) => r.year === y);
      if (pts.length < 10 || !mine) {
        // A covered year where the state has no tie is a true zero; an uncovered year is unknown.
        const zero = anyYear && !data[k].some((r) => r.year === y && r.iso3 === focal);
        row.measures[k] = { ...empty, value: zero && row.cinc !== null ? 0 : null };
        continue;
      }
      const n = pts.length;
      const mx = pts.reduce((a, p) => a + p.x, 0) / n;
      const my = pts.reduce((a, p) => a + p.y, 0) / n;
      const sxy = pts.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
      const sxx = pts.reduce((a, p) => a + (p.x - mx) ** 2, 0);
      const beta = sxy / sxx;
      const alpha = my - beta * mx;
      const pred = alpha + beta * mine.x;
      const rank = (vals: number[], v: number) =>
        vals.filter((z) => z < v).length / (vals.length - 1);
      row.measures[k] = {
        value: mine.v,
        expected: Math.exp(pred),
        gap: mine.y - pred,
        rank: rank(
          pts.map((p) => p.y),
          mine.y,
        ),
        capabilityRank: rank(
          pts.map((p) => p.x),
          mine.x,
        ),
        states: n,
        source: m.source,
      };
    }
    out.push(row);
  }
  return out;
}
