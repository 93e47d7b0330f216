import type { DuckDBValue } from "@duckdb/node-api";
import type { Dataset } from "../../ingest/event-row.ts";
import { periodEnd, periodStart } from "../../ingest/period.ts";
import type { ImportedEvent, ImportedEventQuery } from "../imported-event.ts";
import type { Store } from "../store.ts";
import { dedupedEvents, storeDedupMode } from "./dedup.ts";

/** Imported state-to-state events (both sides ISO3, different), oldest first. */
export async function importedEvents(
  store: Store,
  q: ImportedEventQuery = {},
): Promise<ImportedEvent[]> {
  const where = [
    "source_iso3 IS NOT NULL",
    "target_iso3 IS NOT NULL",
    "source_iso3 <> target_iso3",
  ];
  const params: DuckDBValue[] = [];
  if (q.actor) {
    where.push("(source_iso3 = ? OR target_iso3 = ?)");
    params.push(q.actor, q.actor);
  }
  if (q.partner) {
    where.push("(source_iso3 = ? OR target_iso3 = ?)");
    params.push(q.partner, q.partner);
  }
  if (q.from) {
    const d = periodStart(q.from);
    if (!d) throw new Error(`from: "${q.from}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    where.push("date >= CAST(? AS DATE)");
    params.push(d);
  }
  if (q.to) {
    const d = periodEnd(q.to);
    if (!d) throw new Error(`to: "${q.to}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    where.push("date <= CAST(? AS DATE)");
    params.push(d);
  }
  if (q.datasets?.length) {
    where.push(`dataset IN (${q.datasets.map(() => "?").join(", ")})`);
    params.push(...q.datasets);
  }
  const dedup = q.dedup ?? (await storeDedupMode(store));
  const limit = Math.max(0, Math.floor(q.limit ?? 1_000_000));
  const ev = dedupedEvents(dedup, where.join(" AND "), params);
  const rows = await store.all<{
    date: string;
    source: string;
    target: string;
    cameo_root: string | null;
    plover_type: string | null;
    goldstein: number | null;
    quad: number | null;
    quad_scheme: string;
    dataset: Dataset;
  }>(
    `SELECT strftime(date, '%Y-%m-%d') AS date, source_iso3 AS source, target_iso3 AS target, cameo_root, plover_type,
            goldstein, quad::INTEGER AS quad, quad_scheme, dataset
     FROM (${ev.sql})
     ORDER BY date, file_id, line LIMIT ${limit}`,
    ev.params,
  );
  return rows.map((r) => ({
    date: r.date,
    source: r.source,
    target: r.target,
    cameoRoot: r.cameo_root,
    ploverType: r.plover_type,
    goldstein: r.goldstein,
    quad: r.quad,
    quadScheme: r.quad_scheme,
    dataset: r.dataset,
    evidence: "imported",
  }));
}
