/**
 * Deduplication modes. Rows are always stored raw; a mode only decides which rows a query sees.
 *  - `none`: every row.
 *  - `exact`: one row per source event key (GDELT GLOBALEVENTID, ICEWS (Event ID, Event Date),
 *    PLOVER/POLECAT id) within a dataset; rows without a key count as duplicates only when every
 *    field that describes the event is equal. Removes overlap between files (ICEWS weekly vs
 *    yearly files) and re-coded copies.
 *  - `daily`: Phoenix's "one-a-day" filter: one event per (date, source, target, event code) per
 *    dataset.
 * The first row in import order (file, line) is kept.
 */
export type DedupMode = "none" | "exact" | "daily";
export const DEDUP_MODES: readonly DedupMode[] = ["none", "exact", "daily"];
