import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ImportOptions, importEvents } from "../../src/ingest/import-events.ts";
import { DuckDbEventSink } from "../../src/store/duckdb/sink.ts";
import { Store } from "../../src/store/store.ts";

export const DATA = new URL("../data/events/", import.meta.url).pathname;
export const GDELT2 = `${DATA}gdelt2_export_raw_61col_selected_rows_20240819130000.tsv`;
export const GDELT1 = `${DATA}gdelt1_events_raw_57and58col_reed9999.tsv`;
export const GDELT_CSV = `${DATA}gdelt1_AZE_actor_events_GeorgiaActionGeo_2011-06_2013-05_undp.csv`;
export const ICEWS = `${DATA}icews_events.2018.sample.tab`;
export const PLOVER_GSR = `${DATA}PLOVER_GSR_CAMEO.json`;
export const POLECAT_HEADER = `${DATA}POLECAT_columns_header_only.tsv`;
export const TABLES = new URL("../../data/events/", import.meta.url).pathname;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ana-ingest-test-"));
}

/** Import into `store` and return the summary. */
export function importInto(store: Store, opts: ImportOptions) {
  return importEvents(new DuckDbEventSink(store), opts);
}

export async function memoryStore(): Promise<Store> {
  return Store.open(":memory:");
}

/** An independent reading of a lookup table (code<TAB>weight, header line). */
export function readTable(name: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of readFileSync(`${TABLES}${name}`, "utf8").split("\n").slice(1))
    if (l) m.set(l.split("\t")[0], Number(l.split("\t")[1]));
  return m;
}

/** Non-empty lines of a text file, split on tabs. */
export function tsvRows(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l !== "")
    .map((l) => l.split("\t"));
}
