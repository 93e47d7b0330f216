import type { DedupMode } from "../ingest/dedup.ts";
import type { Dataset } from "../ingest/event-row.ts";

// Directed dyad-period aggregates of imported events: the query and row shapes both event
// backends (DuckDB: ./duckdb/dyads.ts, ClickHouse: ./clickhouse/sql.ts) answer.

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
