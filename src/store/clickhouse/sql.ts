import type { DedupMode } from "../../ingest/dedup.ts";
import { EVENT_ROW_COLUMNS } from "../../ingest/event-row.ts";
import { periodEnd, periodStart } from "../../ingest/period.ts";
import type { DyadQuery } from "../dyads.ts";
import type { ImportedEventQuery } from "../imported-event.ts";

/**
 * Every piece of ClickHouse SQL the event store uses, one function per query, beside the DuckDB
 * versions it mirrors (`src/store/duckdb/event-schema.ts`, `src/store/duckdb/dedup.ts`,
 * `src/store/duckdb/dyads.ts`, `src/store/duckdb/imported-events.ts`). Written for the subset ClickHouse 18.16 (Debian 12) accepts,
 * which current releases still accept: no window functions, no table CTEs, no query parameters
 * (literals are escaped here), no `SETTINGS` clause in queries (settings go with the request).
 */

/** A string literal: backslash and quote escaped (ClickHouse string syntax). */
export function lit(s: string): string {
  return `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/** An identifier: only [A-Za-z0-9_], starting with a letter or underscore. */
export function ident(s: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s))
    throw new Error(`clickhouse: "${s}" is not a valid database/table/cluster name ([A-Za-z0-9_])`);
  return s;
}

/** DuckDB column type → ClickHouse type. `dataset`, `date` and `line` are never missing. */
function chType(name: string, duckType: string): string {
  if (name === "line") return "Int64";
  if (name === "dataset" || name === "date") return "String";
  switch (duckType) {
    case "VARCHAR":
      return "Nullable(String)";
    case "DOUBLE":
      return "Nullable(Float64)";
    case "TINYINT":
      return "Nullable(Int8)";
    case "INTEGER":
      return "Nullable(Int32)";
    case "BIGINT":
      return "Nullable(Int64)";
    case "BOOLEAN":
      return "Nullable(UInt8)";
    case "DATE":
      return "String";
    default:
      throw new Error(`clickhouse: no mapping for column type ${duckType}`);
  }
}

/** Columns of `event_rows` in order, as in DuckDB's `EVENT_ROWS_COLUMNS_SQL`. */
export const ROW_COLUMNS: readonly string[] = [
  "file_id",
  ...EVENT_ROW_COLUMNS.map(([, n]) => n),
  "goldstein_table",
  "quad_scheme",
];

const ROW_COLUMNS_SQL = [
  "file_id UInt32",
  ...EVENT_ROW_COLUMNS.map(([, n, t]) => `${n} ${chType(n, t)}`),
  "goldstein_table String",
  "quad_scheme String",
].join(", ");

/**
 * The MergeTree of event rows (one per node). `date` is kept as the 'YYYY-MM-DD' string the
 * parsers produce: ClickHouse's `Date` starts at 1970 and 18.16 cannot parse YYYYMMDD, and string
 * order is date order. Partitioned by year (staging tables have the same key, so a finished
 * import's parts move in with ATTACH PARTITION … FROM).
 */
export function rowsTableSql(db: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${db}.${table} (${ROW_COLUMNS_SQL})
    ENGINE = MergeTree() PARTITION BY toUInt16(substring(date, 1, 4)) ORDER BY (file_id, line)`;
}

/**
 * The sharding key: a hash of the row's identity (file, line). Rows spread evenly whatever the
 * data's skew (a dyad key would put all USA→USA-heavy GDELT on one shard), and the placement is
 * deterministic. Nothing in the queries needs co-location: every aggregate merges across shards
 * and deduplication is decided on the initiator (`dedupedEventsSql`).
 */
export const SHARDING_KEY = "cityHash64(file_id, line)";

export function distributedTableSql(
  db: string,
  table: string,
  local: string,
  cluster: string,
): string {
  return `CREATE TABLE IF NOT EXISTS ${db}.${table} AS ${db}.${local}
    ENGINE = Distributed(${cluster}, ${db}, ${local}, ${SHARDING_KEY})`;
}

/** Import and file records: on the first node only (the commit point lives there). */
export function metadataTablesSql(db: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.event_imports (import_id UInt32, format String, started_at DateTime, finished_at DateTime, goldstein_table String, quad_scheme String, dedup String, files UInt32, rows_read UInt64, rows_imported UInt64, rows_rejected UInt64, options String) ENGINE = MergeTree() ORDER BY import_id`,
    `CREATE TABLE IF NOT EXISTS ${db}.event_files (file_id UInt32, import_id UInt32, path String, sha256 String, bytes UInt64, gzip UInt8, rows_read UInt64, rows_imported UInt64, rows_rejected UInt64, rejects String, warnings String) ENGINE = MergeTree() ORDER BY file_id`,
    `CREATE TABLE IF NOT EXISTS ${db}.event_actor_map (file_id UInt32, dataset String, raw Nullable(String), iso3 Nullable(String), rule Nullable(String), events UInt64) ENGINE = MergeTree() ORDER BY file_id`,
  ];
}

/**
 * The rows a query may see: those of files whose `event_files` record exists. That record is
 * written last, in one INSERT (one part), so it is the import's atomic commit point; rows of an
 * import that died before it stay invisible. `GLOBAL IN`: the set is read on the initiator (the
 * first node, which holds the records) and shipped to the shards.
 */
function visibleRowsSql(db: string, rows: string, where: string, cluster: boolean): string {
  const inOp = cluster ? "GLOBAL IN" : "IN";
  return `SELECT * FROM ${db}.${rows} WHERE (${where}) AND file_id ${inOp} (SELECT file_id FROM ${db}.event_files)`;
}

/** `x` as DuckDB's concat_ws('|', …) joins it (NULLs skipped), with a leading '|'. */
const wsPart = (x: string) => `ifNull(concat('|', toString(${x})), '')`;

/**
 * The deduplication key of a mode: the same partition as `dedupKeySql()` (DuckDB). For `exact`
 * rows without a source key, DuckDB hashes concat_ws('|', …) of the describing fields; here the
 * same fields are joined the same way (NULLs skipped) without the hash, which gives the same
 * groups (doubles print as 1 here and 1.0 in DuckDB, each one-to-one).
 */
export function dedupKeySql(mode: DedupMode): string | null {
  switch (mode) {
    case "none":
      return null;
    case "exact": {
      const fields = [
        "date",
        "source_actor",
        "source_raw",
        "target_actor",
        "target_raw",
        "event_code",
        "plover_type",
        "plover_mode",
        "source_goldstein",
        "url",
      ];
      return `dataset, ifNull(source_key, concat('#', ${fields.map(wsPart).join(", ")}))`;
    }
    case "daily":
      // DuckDB joins on the key, where a NULL part never matches: a row without an event code or
      // PLOVER type is never a duplicate there, so here it gets a key of its own.
      return `dataset, date, coalesce(source_iso3, source_raw, source_actor, ''), coalesce(target_iso3, target_raw, target_actor, ''), ifNull(coalesce(event_code, concat(plover_type, ':', ifNull(plover_mode, ''))), concat('\\0row:', toString(${ROW_ORDER})))`;
  }
}

/** A row's position in import order, as one number: (file_id, line) ordered lexicographically. */
const ROW_ORDER = "(toUInt64(file_id) * 4294967296 + toUInt64(line))";

/**
 * Visible rows filtered by `where` and deduplicated under `mode`, keeping the first row of each
 * key in import order (file, line) like DuckDB's `row_number() OVER (PARTITION BY key ORDER BY
 * file_id, line) = 1`. 18.16 has no window functions, so the first row per key is found with
 * `min()` grouped by key (a mergeable aggregate: exact across shards whatever the sharding key),
 * and rows are kept by `GLOBAL IN` on that set. (file_id, line) identifies a row: parsers emit at
 * most one row per line.
 */
export function dedupedEventsSql(
  db: string,
  rows: string,
  mode: DedupMode,
  where: string,
  cluster: boolean,
): string {
  const base = visibleRowsSql(db, rows, where, cluster);
  const key = dedupKeySql(mode);
  if (!key) return base;
  const inOp = cluster ? "GLOBAL IN" : "IN";
  return `SELECT * FROM (${base}) WHERE ${ROW_ORDER} ${inOp} (SELECT min(${ROW_ORDER}) FROM (${base}) GROUP BY ${key})`;
}

/** The filter shared by dyads and imported events: state-to-state rows, then the query's own. */
function eventFilter(q: {
  actor?: string;
  partner?: string;
  from?: string;
  to?: string;
  datasets?: readonly string[];
}): string {
  const where = [
    "source_iso3 IS NOT NULL",
    "target_iso3 IS NOT NULL",
    "source_iso3 != target_iso3",
  ];
  if (q.from) {
    const d = periodStart(q.from);
    if (!d) throw new Error(`from: "${q.from}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    where.push(`date >= ${lit(d)}`);
  }
  if (q.to) {
    const d = periodEnd(q.to);
    if (!d) throw new Error(`to: "${q.to}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    where.push(`date <= ${lit(d)}`);
  }
  for (const a of [q.actor, q.partner])
    if (a) where.push(`(source_iso3 = ${lit(a)} OR target_iso3 = ${lit(a)})`);
  if (q.datasets?.length) where.push(`dataset IN (${q.datasets.map(lit).join(", ")})`);
  return where.join(" AND ");
}

/**
 * Directed dyad-period aggregates: ClickHouse's version of `dyadsSql()` (same columns, same
 * order, same NULL rules). Every aggregate is a sum or a count, so shards' partials merge exactly.
 */
export function dyadsSql(
  db: string,
  rows: string,
  q: DyadQuery,
  dedup: DedupMode,
  cluster: boolean,
): string {
  const period = q.by === "year" ? "substring(date, 1, 4)" : "substring(date, 1, 7)";
  return `
    SELECT ${period} AS period, source_iso3 AS source, target_iso3 AS target,
      count() AS events,
      sum(${MICRO}) AS g_sum_micro,
      countIf(ifNull(quad = 1, 0)) AS q1,
      countIf(ifNull(quad = 2, 0)) AS q2,
      countIf(ifNull(quad = 3, 0)) AS q3,
      countIf(ifNull(quad = 4, 0)) AS q4,
      ifNull(sumIf(${MICRO}, ifNull(goldstein > 0, 0)), 0) AS g_pos_micro,
      0 - ifNull(sumIf(${MICRO}, ifNull(goldstein < 0, 0)), 0) AS g_neg_micro,
      count(goldstein) AS n_goldstein
    FROM (${dedupedEventsSql(db, rows, dedup, eventFilter(q), cluster)})
    GROUP BY period, source, target ORDER BY period, source, target`;
}

/** Goldstein weight in millionths, summed as integers as in `dyadsSql()` (DuckDB). */
const MICRO = "toInt64(round(goldstein * 1000000))";

/** Imported events, oldest first: ClickHouse's version of `importedEvents()`'s query. */
export function importedEventsSql(
  db: string,
  rows: string,
  q: ImportedEventQuery,
  dedup: DedupMode,
  cluster: boolean,
): string {
  const limit = Math.max(0, Math.floor(q.limit ?? 1_000_000));
  return `SELECT date, source_iso3 AS source, target_iso3 AS target, cameo_root, plover_type,
            goldstein, toInt32(quad) AS quad, quad_scheme, dataset
     FROM (${dedupedEventsSql(db, rows, dedup, eventFilter(q), cluster)})
     ORDER BY date, file_id, line LIMIT ${limit}`;
}

/** The dedup mode recorded by the last import that landed (default exact). */
export function lastDedupSql(db: string): string {
  return `SELECT dedup FROM ${db}.event_imports WHERE import_id IN (SELECT import_id FROM ${db}.event_files) ORDER BY import_id DESC LIMIT 1`;
}

/** Visible rows, and rows kept under a mode. */
export function countRowsSql(db: string, rows: string, mode: DedupMode, cluster: boolean): string {
  return `SELECT count() AS n FROM (${dedupedEventsSql(db, rows, mode, "1", cluster)})`;
}

/** Per-file actor mapping record, as `DuckDbEventSink.finishFile` writes it. */
export function actorMapInsertSql(db: string, staged: string, fileId: number): string {
  return `INSERT INTO ${db}.event_actor_map
    SELECT ${fileId} AS file_id, dataset, raw, iso3, rule, count() AS events FROM (
      SELECT dataset, source_raw AS raw, source_iso3 AS iso3, source_rule AS rule FROM ${db}.${staged}
      UNION ALL
      SELECT dataset, target_raw AS raw, target_iso3 AS iso3, target_rule AS rule FROM ${db}.${staged}
    ) WHERE raw IS NOT NULL OR rule IS NOT NULL GROUP BY dataset, raw, iso3, rule`;
}
