import type { DuckDBValue } from "@duckdb/node-api";
import type { DedupMode } from "../../ingest/dedup.ts";
import { periodEnd, periodStart } from "../../ingest/period.ts";
import { type DyadQuery, type DyadRow, type RawDyad, toDyadRow } from "../dyads.ts";
import type { Store } from "../store.ts";
import { dedupedEvents, storeDedupMode } from "./dedup.ts";

/**
 * Goldstein weights are summed as integers in millionths (every table weight has at most one
 * decimal): a sum of doubles depends on the order rows arrive in, which differs between runs,
 * dedup modes and engines, and a mean such as 0.1/64 = 0.0015625 sits exactly on a rounding
 * boundary, so order noise could flip its last printed digit. Integer sums are exact in any order.
 */
const MICRO = "CAST(round(goldstein * 1000000) AS BIGINT)";

/**
 * The filter and aggregation for directed dyad-periods, as DuckDB SQL with positional
 * parameters. Kept in one function so another engine's version sits beside it in one place.
 * Only state-to-state events count: both sides mapped to ISO3 and different (intra-state events
 * such as AZE→AZE are excluded).
 */
export function dyadsSql(q: DyadQuery, dedup: DedupMode): { sql: string; params: DuckDBValue[] } {
  const where = [
    "source_iso3 IS NOT NULL",
    "target_iso3 IS NOT NULL",
    "source_iso3 <> target_iso3",
  ];
  const params: DuckDBValue[] = [];
  if (q.from) {
    where.push("date >= CAST(? AS DATE)");
    params.push(periodStart(q.from)!);
  }
  if (q.to) {
    where.push("date <= CAST(? AS DATE)");
    params.push(periodEnd(q.to)!);
  }
  if (q.actor) {
    where.push("(source_iso3 = ? OR target_iso3 = ?)");
    params.push(q.actor, q.actor);
  }
  if (q.datasets?.length) {
    where.push(`dataset IN (${q.datasets.map(() => "?").join(", ")})`);
    params.push(...q.datasets);
  }
  const fmt = q.by === "year" ? "%Y" : "%Y-%m";
  const ev = dedupedEvents(dedup, where.join(" AND "), params);
  const sql = `
    SELECT strftime(date, '${fmt}') AS period, source_iso3 AS source, target_iso3 AS target,
      count(*)::INTEGER AS events,
      sum(${MICRO})::BIGINT AS g_sum_micro,
      count(*) FILTER (WHERE quad = 1)::INTEGER AS q1,
      count(*) FILTER (WHERE quad = 2)::INTEGER AS q2,
      count(*) FILTER (WHERE quad = 3)::INTEGER AS q3,
      count(*) FILTER (WHERE quad = 4)::INTEGER AS q4,
      coalesce(sum(${MICRO}) FILTER (WHERE goldstein > 0), 0)::BIGINT AS g_pos_micro,
      coalesce(-sum(${MICRO}) FILTER (WHERE goldstein < 0), 0)::BIGINT AS g_neg_micro,
      count(goldstein)::INTEGER AS n_goldstein
    FROM (${ev.sql})
    GROUP BY ALL ORDER BY period, source, target`;
  return { sql, params: ev.params };
}

/** Directed dyad-period aggregates of the imported events, computed in the store. */
export async function dyads(
  store: Store,
  q: DyadQuery,
): Promise<{ dedup: DedupMode; rows: DyadRow[] }> {
  const dedup = q.dedup ?? (await storeDedupMode(store));
  const { sql, params } = dyadsSql(q, dedup);
  const raw = await store.all<RawDyad>(sql, params);
  return {
    dedup,
    rows: raw.map(toDyadRow),
  };
}
