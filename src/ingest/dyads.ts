import type { DuckDBValue } from "@duckdb/node-api";
import type { Store } from "../store/store.ts";
import { type DedupMode, dedupedEvents, storeDedupMode } from "./dedup.ts";
import type { Dataset } from "./event-row.ts";
import { periodEnd, periodStart } from "./period.ts";

export interface DyadQuery {
  /** Only dyads with this ISO3 code on either side. */
  actor?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD (inclusive). */
  from?: string;
  to?: string;
  by: "month" | "year";
  /** Default: the mode recorded by the last import. */
  dedup?: DedupMode;
  datasets?: Dataset[];
}

export interface DyadRow {
  period: string;
  source: string;
  target: string;
  events: number;
  goldsteinSum: number | null;
  goldsteinMean: number | null;
  quad: { "1": number; "2": number; "3": number; "4": number };
  /** (verbal + material cooperation − verbal − material conflict) / events with a quad. */
  netCooperation: number | null;
  /** Σ max(g, 0) and Σ |min(g, 0)| over the events' Goldstein weights. */
  cooperation: number | null;
  conflict: number | null;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

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

/** One aggregate row as the store returns it (either engine). */
export interface RawDyad {
  period: string;
  source: string;
  target: string;
  events: number;
  /** Σ goldstein in millionths (null when no event has a weight). */
  g_sum_micro: number | null;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  /** Σ max(g, 0) and Σ |min(g, 0)|, millionths. */
  g_pos_micro: number;
  g_neg_micro: number;
  n_goldstein: number;
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

/** A store's aggregate row → the dyad row (shared by the DuckDB and ClickHouse stores). */
export function toDyadRow(r: RawDyad): DyadRow {
  const nq = r.q1 + r.q2 + r.q3 + r.q4;
  const hasG = r.n_goldstein > 0;
  return {
    period: r.period,
    source: r.source,
    target: r.target,
    events: r.events,
    goldsteinSum: hasG ? round(Number(r.g_sum_micro) / 1e6) : null,
    goldsteinMean: hasG ? round(Number(r.g_sum_micro) / r.n_goldstein / 1e6) : null,
    quad: { "1": r.q1, "2": r.q2, "3": r.q3, "4": r.q4 },
    netCooperation: nq > 0 ? round((r.q1 + r.q2 - r.q3 - r.q4) / nq) : null,
    cooperation: hasG ? round(Number(r.g_pos_micro) / 1e6) : null,
    conflict: hasG ? round(Number(r.g_neg_micro) / 1e6) : null,
  };
}
