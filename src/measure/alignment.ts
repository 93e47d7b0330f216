import { mulberry32 } from "../network/random.ts";
import type { Store } from "../store/store.ts";

/**
 * Defaults. `minRollCalls`: a dyad-year is measured only when the two states both voted on at
 * least this many roll calls. Per roll call agreement scores 1, ½ or 0, so its variance is at most
 * ¼ and the standard error of a year's agreement is at most 0.5/√n: 40 roll calls keep it below
 * 0.08 (a 90 % half-width below 0.13) whatever the states' voting. Since 1964 every year has at
 * least 40 recorded roll calls (1946–2019: 7–160 a year; under 40 in 1947, 1951, 1953–55, 1958,
 * 1963); 2024 (to June) has 6, so a year is dropped where the record is thin, not where it is full.
 * Intervals: percentile bootstrap over roll calls (`draws` resamples of the dyad-year's n roll
 * calls), seeded per dyad-year from `seed`, year, a and b, so a row's interval does not depend on
 * the other rows asked for.
 */
export const ALIGNMENT_DEFAULTS = {
  minRollCalls: 40,
  draws: 1000,
  seed: 1,
  level: 0.9,
};

export type AlignmentMeasure = "agreement" | "sAbs" | "sSq" | "kappa" | "pi" | "alignmentIndex";
export const ALIGNMENT_MEASURES: AlignmentMeasure[] = [
  "agreement",
  "sAbs",
  "sSq",
  "kappa",
  "pi",
  "alignmentIndex",
];

/**
 * One dyad-year of UN General Assembly vote alignment. Below `minRollCalls` joint roll calls the
 * status is "no data" and the measures and intervals are null; `n` is always shown.
 */
export interface AlignmentRow {
  year: number;
  a: string;
  b: string;
  /** Roll calls on which both cast yes, abstain or no (absences excluded). */
  n: number;
  agreement: number | null;
  sAbs: number | null;
  sSq: number | null;
  kappa: number | null;
  pi: number | null;
  alignmentIndex: number | null;
  status: "data" | "no data";
  minRollCalls: number;
  /** Bootstrap intervals [lo, hi] at `level` (null when "no data" or when `draws` is 0). */
  intervals: Record<AlignmentMeasure, [number, number]> | null;
}

/** The 3×3 contingency counts of a dyad-year, row-major: c11, c12, c13, c21, …, c33. */
export type VoteCounts = readonly number[];

/** The measures from a dyad-year's contingency counts (the same formulas as `MEASURES_SQL`). */
export function measuresFromCounts(c: VoteCounts): Record<AlignmentMeasure, number> {
  const [c11, c12, c13, c21, c22, c23, c31, c32, c33] = c;
  const n = c.reduce((s, v) => s + v, 0);
  const r1 = c11 + c12 + c13;
  const r2 = c21 + c22 + c23;
  const r3 = c31 + c32 + c33;
  const q1 = c11 + c21 + c31;
  const q2 = c12 + c22 + c32;
  const q3 = c13 + c23 + c33;
  const one = c12 + c21 + c23 + c32;
  const sad = one + 2 * (c13 + c31);
  const ssd = one + 4 * (c13 + c31);
  const sx = r1 + 2 * r2 + 3 * r3;
  const sxx = r1 + 4 * r2 + 9 * r3;
  const sy = q1 + 2 * q2 + 3 * q3;
  const syy = q1 + 4 * q2 + 9 * q3;
  const kd = sxx + syy - (2 * sx * sy) / n;
  const pd = sxx + syy - (sx + sy) ** 2 / (2 * n);
  return {
    agreement: (c11 + c22 + c33 + 0.5 * one) / n,
    sAbs: 1 - sad / n,
    sSq: 1 - ssd / (2 * n),
    kappa: kd === 0 ? 0 : 1 - ssd / kd,
    pi: pd === 0 ? 0 : 1 - ssd / pd,
    alignmentIndex: (r1 * (q2 + 2 * q3) + r2 * (q1 + q3) + r3 * (2 * q1 + q2)) / (n * n) - sad / n,
  };
}

/** A 32-bit seed for one dyad-year (FNV-1a over seed, year, a, b). */
function rowSeed(seed: number, year: number, a: string, b: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of `${year}|${a}|${b}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * Percentile bootstrap intervals of every measure for one dyad-year: each draw resamples the n roll
 * calls with replacement (a multinomial draw over the nine vote-pair cells) and recomputes the
 * measures. Returns null when n is 0 or draws is 0.
 */
export function bootstrapIntervals(
  counts: VoteCounts,
  options: { draws?: number; level?: number; seed?: number } = {},
): Record<AlignmentMeasure, [number, number]> | null {
  const draws = options.draws ?? ALIGNMENT_DEFAULTS.draws;
  const level = options.level ?? ALIGNMENT_DEFAULTS.level;
  const n = counts.reduce((s, v) => s + v, 0);
  if (draws <= 0 || n <= 0) return null;
  if (!(level > 0 && level < 1))
    throw new Error(`alignment: level must be in (0, 1), got ${level}`);
  const rand = mulberry32(options.seed ?? ALIGNMENT_DEFAULTS.seed);
  // Cell of each roll call, then resample roll-call indices.
  const cellOf = new Uint8Array(n);
  let k = 0;
  for (let cell = 0; cell < 9; cell++) for (let j = 0; j < counts[cell]; j++) cellOf[k++] = cell;
  const samples: Record<AlignmentMeasure, Float64Array> = Object.fromEntries(
    ALIGNMENT_MEASURES.map((m) => [m, new Float64Array(draws)]),
  ) as Record<AlignmentMeasure, Float64Array>;
  const c = new Array<number>(9);
  for (let d = 0; d < draws; d++) {
    c.fill(0);
    for (let i = 0; i < n; i++) c[cellOf[Math.floor(rand() * n)]]++;
    const m = measuresFromCounts(c);
    for (const key of ALIGNMENT_MEASURES) samples[key][d] = m[key];
  }
  const lo = (1 - level) / 2;
  const out = {} as Record<AlignmentMeasure, [number, number]>;
  for (const key of ALIGNMENT_MEASURES) {
    const s = samples[key].sort();
    out[key] = [quantile(s, lo), quantile(s, 1 - lo)];
  }
  return out;
}

/** Linear-interpolation quantile (type 7) of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const f = h - i;
  return i + 1 < sorted.length ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i];
}

export interface AlignmentQuery {
  /** Focal state (ISO3). Without it, every dyad (a < b) is computed. */
  focal?: string;
  /** Partners of the focal state; all other states when empty. */
  partners?: string[];
  from?: number;
  to?: number;
  /** Vote table or view with (rcid, year, iso3, vote 1 yes / 2 abstain / 3 no). */
  table?: string;
  /** Fewest joint roll calls for a measured dyad-year (default `ALIGNMENT_DEFAULTS.minRollCalls`). */
  minRollCalls?: number;
  /** Bootstrap draws per dyad-year (0: no intervals), seed and level; defaults in `ALIGNMENT_DEFAULTS`. */
  draws?: number;
  seed?: number;
  level?: number;
}

/**
 * The measures as SQL over the 3×3 contingency counts cXY of a dyad-year (X = a's vote, Y = b's,
 * 1 yes, 2 abstain, 3 no). Δ = 2. Formulas: Häge (2011) do-file `msim-data11-simmeasures.do`
 * (S with absolute and squared distance, κ and π with squared distances), Lijphart (1963),
 * Benati & Capurri (2026).
 */
const MEASURES_SQL = (withCounts: boolean) => `
  SELECT year, a, b, n,${withCounts ? " c11, c12, c13, c21, c22, c23, c31, c32, c33," : ""}
    (c11 + c22 + c33 + 0.5 * (c12 + c21 + c23 + c32)) / n AS agreement,
    1 - sad / n AS sAbs,
    1 - ssd / (2 * n) AS sSq,
    CASE WHEN sxx + syy - 2 * sx * sy / n = 0 THEN 0 ELSE 1 - ssd / (sxx + syy - 2 * sx * sy / n) END AS kappa,
    CASE WHEN sxx + syy - (sx + sy) ^ 2 / (2 * n) = 0 THEN 0 ELSE 1 - ssd / (sxx + syy - (sx + sy) ^ 2 / (2 * n)) END AS pi,
    (r1 * (q2 + 2 * q3) + r2 * (q1 + q3) + r3 * (2 * q1 + q2)) / (n * n) - sad / n AS alignmentIndex
  FROM (
    SELECT *,
      (c12 + c21 + c23 + c32) + 2 * (c13 + c31) AS sad,
      (c12 + c21 + c23 + c32) + 4 * (c13 + c31) AS ssd,
      r1 + 2 * r2 + 3 * r3 AS sx, r1 + 4 * r2 + 9 * r3 AS sxx,
      q1 + 2 * q2 + 3 * q3 AS sy, q1 + 4 * q2 + 9 * q3 AS syy
    FROM (
      SELECT *, c11 + c12 + c13 AS r1, c21 + c22 + c23 AS r2, c31 + c32 + c33 AS r3,
        c11 + c21 + c31 AS q1, c12 + c22 + c32 AS q2, c13 + c23 + c33 AS q3
      FROM counts
    )
  )`;

/**
 * Contingency counts per dyad-year. States get small integer ids (grouping on integers is several
 * times faster than on strings), and the nine cells are accumulated in two integer sums with
 * 12 bits per cell: cell k = 3·(x−1) + (y−1) adds 2^(12·k) to the first sum (k < 5) or 2^(12·(k−5))
 * to the second. A cell then reads back as (sum >> 12·k) & 4095. This is exact while no cell
 * exceeds 4095 roll calls in a year (the whole 1946–2019 panel has under 400 a year);
 * `alignmentSql` checks the bound and otherwise counts with nine separate filters.
 */
const COUNTS_SQL = (filter: string, table: string, years: string, packed: boolean) => `
  WITH ids AS (
    SELECT iso3, (row_number() OVER (ORDER BY iso3))::SMALLINT AS id
    FROM (SELECT DISTINCT iso3 FROM ${table} WHERE iso3 IS NOT NULL)
  ),
  v AS (
    SELECT rcid, year::SMALLINT AS year, iso3, id, vote::TINYINT AS vote
    FROM ${table} JOIN ids USING (iso3) WHERE vote BETWEEN 1 AND 3 ${years}
  ),
  raw AS (
    SELECT x.year AS year, x.id AS ida, y.id AS idb, count(*)::DOUBLE AS n,
    ${
      packed
        ? `sum(CASE WHEN x.vote * 3 + y.vote < 9 THEN 1::BIGINT << (12 * (x.vote * 3 + y.vote - 4)) ELSE 0 END) AS p1,
      sum(CASE WHEN x.vote * 3 + y.vote >= 9 THEN 1::BIGINT << (12 * (x.vote * 3 + y.vote - 9)) ELSE 0 END) AS p2`
        : Array.from({ length: 9 }, (_, k) => {
            const xv = Math.floor(k / 3) + 1;
            const yv = (k % 3) + 1;
            return `count_if(x.vote = ${xv} AND y.vote = ${yv})::DOUBLE AS c${xv}${yv}`;
          }).join(", ")
    }
    FROM v x JOIN v y ON x.rcid = y.rcid
    WHERE ${filter}
    GROUP BY x.year, x.id, y.id
  ),
  counts AS (
    SELECT year::INTEGER AS year, ia.iso3 AS a, ib.iso3 AS b, n,
    ${
      packed
        ? Array.from({ length: 9 }, (_, k) => {
            const xv = Math.floor(k / 3) + 1;
            const yv = (k % 3) + 1;
            const src = k < 5 ? "p1" : "p2";
            const shift = 12 * (k < 5 ? k : k - 5);
            return `((${src} >> ${shift}) & 4095)::DOUBLE AS c${xv}${yv}`;
          }).join(", ")
        : "c11, c12, c13, c21, c22, c23, c31, c32, c33"
    }
    FROM raw JOIN ids ia ON ia.id = raw.ida JOIN ids ib ON ib.id = raw.idb
  )`;

/**
 * The SQL that computes every requested dyad-year in one pass: a self-join of the votes on the
 * roll call, the 3×3 contingency counts per dyad-year, then the measures from the counts.
 * Parameters are positional (`?`), returned alongside.
 */
export function alignmentSql(
  q: AlignmentQuery = {},
  packed = true,
  withCounts = false,
): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  let years = "";
  if (q.from !== undefined) {
    years += " AND year >= ?";
    params.push(q.from);
  }
  if (q.to !== undefined) {
    years += " AND year <= ?";
    params.push(q.to);
  }
  let filter: string;
  if (q.focal) {
    filter = "x.iso3 = ? AND y.id <> x.id";
    params.push(q.focal);
    if (q.partners && q.partners.length > 0) {
      filter += ` AND y.iso3 IN (${q.partners.map(() => "?").join(", ")})`;
      params.push(...q.partners);
    }
  } else filter = "x.id < y.id";
  const table = q.table ?? "ref_unvotes";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table))
    throw new Error(`alignment: bad table name ${table}`);
  return {
    sql: `${COUNTS_SQL(filter, table, years, packed)} ${MEASURES_SQL(withCounts)} ORDER BY year, a, b`,
    params,
  };
}

/**
 * UN-vote alignment per dyad-year (rows sorted by year, a, b). Dyad-years with n = 0 are absent;
 * those with 0 < n < `minRollCalls` are rows with status "no data" and null measures. Measured rows
 * carry seeded bootstrap intervals (roll calls resampled).
 */
export async function alignment(store: Store, q: AlignmentQuery = {}): Promise<AlignmentRow[]> {
  const minRollCalls = q.minRollCalls ?? ALIGNMENT_DEFAULTS.minRollCalls;
  if (!Number.isInteger(minRollCalls) || minRollCalls < 1)
    throw new Error(`alignment: minRollCalls must be a positive integer, got ${minRollCalls}`);
  const draws = q.draws ?? ALIGNMENT_DEFAULTS.draws;
  const seed = q.seed ?? ALIGNMENT_DEFAULTS.seed;
  const level = q.level ?? ALIGNMENT_DEFAULTS.level;
  const { sql, params } = alignmentSql(q, await packable(store, q.table), true);
  const raw = await store.all<
    Omit<AlignmentRow, "status" | "minRollCalls" | "intervals"> & Record<string, number>
  >(sql, params);
  const cells = ["c11", "c12", "c13", "c21", "c22", "c23", "c31", "c32", "c33"];
  return raw.map((r) => {
    const base = { year: r.year, a: r.a, b: r.b, n: r.n };
    if (r.n < minRollCalls)
      return {
        ...base,
        agreement: null,
        sAbs: null,
        sSq: null,
        kappa: null,
        pi: null,
        alignmentIndex: null,
        status: "no data" as const,
        minRollCalls,
        intervals: null,
      };
    const counts = cells.map((c) => r[c]);
    return {
      ...base,
      agreement: r.agreement,
      sAbs: r.sAbs,
      sSq: r.sSq,
      kappa: r.kappa,
      pi: r.pi,
      alignmentIndex: r.alignmentIndex,
      status: "data" as const,
      minRollCalls,
      intervals: bootstrapIntervals(counts, {
        draws,
        level,
        seed: rowSeed(seed, r.year, r.a, r.b),
      }),
    };
  });
}

/**
 * Every dyad of every year into a table `name` (year, a, b, n, agreement, sAbs, sSq, kappa, pi,
 * alignmentIndex), in one statement. Returns the number of dyad-years.
 */
export async function alignmentAllDyads(
  store: Store,
  name = "alignment_dyad_years",
  q: Omit<AlignmentQuery, "focal" | "partners"> = {},
): Promise<number> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`alignment: bad table name ${name}`);
  const { sql, params } = alignmentSql(q, await packable(store, q.table));
  await store.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`, params);
  const [r] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
  return r.n;
}

/** Whether every year has fewer than 4096 roll calls (so packed 12-bit counters cannot overflow). */
async function packable(store: Store, table = "ref_unvotes"): Promise<boolean> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table))
    throw new Error(`alignment: bad table name ${table}`);
  const [r] = await store.all<{ m: number | null }>(
    `SELECT max(k) AS m FROM (SELECT count(DISTINCT rcid) AS k FROM ${table} GROUP BY year)`,
  );
  return (r?.m ?? 0) < 4096;
}
