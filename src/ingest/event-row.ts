import type { ActorRule } from "./actor-normalise.ts";

/** Datasets the importers produce. GDELT 1.0 and 2.0 rows may be mixed in one file. */
export type Dataset = "gdelt1" | "gdelt2" | "icews" | "plover" | "polecat" | "csv";

/**
 * One imported event, normalised, with its raw values kept beside the normalised ones. Missing
 * values are null, never 0 or "". Constants of a whole import (file id, Goldstein table id, quad
 * scheme) are not repeated here; the sink adds them.
 */
export interface EventRow {
  /** 1-based line (or record number for JSON arrays) in the decompressed file. */
  line: number;
  dataset: Dataset;
  /** The source's own event key (GDELT GLOBALEVENTID, ICEWS "id|date", PLOVER id). */
  sourceKey: string | null;
  /** Date the event took place, YYYY-MM-DD. */
  date: string;
  /** When the source added it (GDELT DATEADDED), as given. */
  dateAdded: string | null;
  sourceActor: string | null;
  sourceRaw: string | null;
  sourceIso3: string | null;
  sourceRule: ActorRule | null;
  targetActor: string | null;
  targetRaw: string | null;
  targetIso3: string | null;
  targetRule: ActorRule | null;
  eventCode: string | null;
  cameoRoot: string | null;
  ploverType: string | null;
  ploverMode: string | null;
  /** Weight from the import's Goldstein table (or the PLOVER score table for PLOVER types). */
  goldstein: number | null;
  /** The weight as written in the file (GDELT GoldsteinScale, ICEWS Intensity). */
  sourceGoldstein: number | null;
  /** Quad recomputed under the import's scheme. */
  quad: number | null;
  /** The quad as written in the file (GDELT QuadClass, POLECAT Quad Code). */
  sourceQuad: number | null;
  locationRaw: string | null;
  locationIso3: string | null;
  numArticles: number | null;
  isRoot: boolean | null;
  url: string | null;
}

/** Column order of the staging TSV and of `event_rows` after the constant columns. */
export const EVENT_ROW_COLUMNS: readonly [keyof EventRow, string, string][] = [
  ["line", "line", "BIGINT"],
  ["dataset", "dataset", "VARCHAR"],
  ["sourceKey", "source_key", "VARCHAR"],
  ["date", "date", "DATE"],
  ["dateAdded", "date_added", "VARCHAR"],
  ["sourceActor", "source_actor", "VARCHAR"],
  ["sourceRaw", "source_raw", "VARCHAR"],
  ["sourceIso3", "source_iso3", "VARCHAR"],
  ["sourceRule", "source_rule", "VARCHAR"],
  ["targetActor", "target_actor", "VARCHAR"],
  ["targetRaw", "target_raw", "VARCHAR"],
  ["targetIso3", "target_iso3", "VARCHAR"],
  ["targetRule", "target_rule", "VARCHAR"],
  ["eventCode", "event_code", "VARCHAR"],
  ["cameoRoot", "cameo_root", "VARCHAR"],
  ["ploverType", "plover_type", "VARCHAR"],
  ["ploverMode", "plover_mode", "VARCHAR"],
  ["goldstein", "goldstein", "DOUBLE"],
  ["sourceGoldstein", "source_goldstein", "DOUBLE"],
  ["quad", "quad", "TINYINT"],
  ["sourceQuad", "source_quad", "TINYINT"],
  ["locationRaw", "location_raw", "VARCHAR"],
  ["locationIso3", "location_iso3", "VARCHAR"],
  ["numArticles", "num_articles", "INTEGER"],
  ["isRoot", "is_root", "BOOLEAN"],
  ["url", "url", "VARCHAR"],
];

// Characters that would break a tab-separated staging line. Backslashes and quotes are fine:
// the staging reader uses no quoting and no escaping.
const HAS_UNSAFE = /[\t\r\n]/;
const UNSAFE = /[\t\r\n]/g;

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return HAS_UNSAFE.test(v) ? v.replace(UNSAFE, " ") : v;
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/**
 * Serialise a row as one staging TSV line (empty = NULL). Strings are written as is apart from
 * tabs and line breaks, which become spaces.
 */
export function rowToTsv(r: EventRow): string {
  return (
    `${r.line}\t${r.dataset}\t${cell(r.sourceKey)}\t${r.date}\t${cell(r.dateAdded)}\t` +
    `${cell(r.sourceActor)}\t${cell(r.sourceRaw)}\t${cell(r.sourceIso3)}\t${cell(r.sourceRule)}\t` +
    `${cell(r.targetActor)}\t${cell(r.targetRaw)}\t${cell(r.targetIso3)}\t${cell(r.targetRule)}\t` +
    `${cell(r.eventCode)}\t${cell(r.cameoRoot)}\t${cell(r.ploverType)}\t${cell(r.ploverMode)}\t` +
    `${cell(r.goldstein)}\t${cell(r.sourceGoldstein)}\t${cell(r.quad)}\t${cell(r.sourceQuad)}\t` +
    `${cell(r.locationRaw)}\t${cell(r.locationIso3)}\t${cell(r.numArticles)}\t${cell(r.isRoot)}\t` +
    `${cell(r.url)}\n`
  );
}
