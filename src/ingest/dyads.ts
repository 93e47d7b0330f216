import type { DuckDBValue } from "@duckdb/node-api";
import type { Store } from "../store/store.ts";
import { type DedupMode, dedupedEventsSql, storeDedupMode } from "./dedup.ts";
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
  const sql = `
    SELECT strftime(date, '${fmt}') AS period, source_iso3 AS source, target_iso3 AS target,
      count(*)::INTEGER AS events,
      sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
      count(*) FILTER (WHERE quad = 1)::INTEGER AS q1,
      count(*) FILTER (WHERE quad = 2)::INTEGER AS q2,
      count(*) FILTER (WHERE quad = 3)::INTEGER AS q3,
      count(*) FILTER (WHERE quad = 4)::INTEGER AS q4,
      coalesce(sum(goldstein) FILTER (WHERE goldstein > 0), 0) AS coop,
      coalesce(-sum(goldstein) FILTER (WHERE goldstein < 0), 0) AS conf,
      count(goldstein)::INTEGER AS n_goldstein
    FROM (${dedupedEventsSql(dedup, where.join(" AND "))})
    GROUP BY ALL ORDER BY period, source, target`;
  return { sql, params };
}

/** One aggregate row as the store returns it (either engine). */
export interface RawDyad {
  period: string;
  source: string;
  target: string;
  events: number;
  goldstein_sum: number | null;
  goldstein_mean: number | null;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  coop: number;
  conf: number;
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
    goldsteinSum: round(r.goldstein_sum),
    goldsteinMean: round(r.goldstein_mean),
    quad: { "1": r.q1, "2": r.q2, "3": r.q3, "4": r.q4 },
    netCooperation: nq > 0 ? round((r.q1 + r.q2 - r.q3 - r.q4) / nq) : null,
    cooperation: hasG ? round(r.coop) : null,
    conflict: hasG ? round(r.conf) : null,
  };
}
