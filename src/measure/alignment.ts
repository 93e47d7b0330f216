import type { Store } from "../store/store.ts";

/** One dyad-year of UN General Assembly vote alignment. */
export interface AlignmentRow {
  year: number;
  a: string;
  b: string;
  /** Roll calls on which both cast yes, abstain or no (absences excluded). */
  n: number;
  agreement: number;
  sAbs: number;
  sSq: number;
  kappa: number;
  pi: number;
  alignmentIndex: number;
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
}

/**
 * The measures as SQL over the 3×3 contingency counts cXY of a dyad-year (X = a's vote, Y = b's,
 * 1 yes, 2 abstain, 3 no). Δ = 2. Formulas: Häge (2011) do-file `msim-data11-simmeasures.do`
 * (S with absolute and squared distance, κ and π with squared distances), Lijphart (1963),
 * Benati & Capurri (2026).
 */
const MEASURES_SQL = `
  SELECT year, a, b, n,
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
    sql: `${COUNTS_SQL(filter, table, years, packed)} ${MEASURES_SQL} ORDER BY year, a, b`,
    params,
  };
}

/** UN-vote alignment per dyad-year (rows sorted by year, a, b). Dyad-years with n = 0 are absent. */
export async function alignment(store: Store, q: AlignmentQuery = {}): Promise<AlignmentRow[]> {
  const { sql, params } = alignmentSql(q, await packable(store, q.table));
  return store.all<AlignmentRow>(sql, params);
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
