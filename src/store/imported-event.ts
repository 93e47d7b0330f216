import type { DedupMode } from "../ingest/dedup.ts";
import type { Dataset } from "../ingest/event-row.ts";

/**
 * An imported, machine-coded event as a plain record: a second, labelled evidence source beside
 * the curated scenario events (`evidence: "imported"`, with its dataset).
 */
export interface ImportedEvent {
  date: string;
  source: string;
  target: string;
  cameoRoot: string | null;
  ploverType: string | null;
  goldstein: number | null;
  quad: number | null;
  quadScheme: string;
  dataset: Dataset;
  evidence: "imported";
}

export interface ImportedEventQuery {
  /** Events with this ISO3 code on either side. */
  actor?: string;
  /** …and this one on the other side. */
  partner?: string;
  from?: string;
  to?: string;
  datasets?: Dataset[];
  dedup?: DedupMode;
  /** At most this many (default 1,000,000): ask the store for aggregates beyond that. */
  limit?: number;
}
