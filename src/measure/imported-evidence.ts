import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { moduleUrl } from "../runtime/module-url.ts";
import type { Store } from "../store/store.ts";
import type { EventRecord } from "./relations.ts";

/** The shape of an imported event as `src/store/duckdb/imported-events.ts` returns it. */
interface ImportedEventLike {
  date: string;
  source: string;
  target: string;
  cameoRoot: string | null;
  goldstein: number | null;
  dataset: string;
}

const MODULE = moduleUrl(new URL("../store/duckdb/imported-events.ts", import.meta.url));

/**
 * Imported machine-coded events (GDELT, ICEWS, PLOVER…) between a and b as event records
 * labelled `imported:<dataset>`: the second evidence source beside the scenario's curated events.
 * Empty when the store holds no imported events (or the importer is not installed).
 */
export async function importedEventRecords(
  store: Store,
  a: string,
  b: string,
  range: { from?: string; to?: string } = {},
): Promise<EventRecord[]> {
  if (!existsSync(fileURLToPath(MODULE))) return [];
  const mod = (await import(MODULE.href)) as {
    importedEvents?: (
      s: Store,
      q: { actor?: string; partner?: string; from?: string; to?: string },
    ) => Promise<ImportedEventLike[]>;
  };
  if (!mod.importedEvents) return [];
  const tables = await store.all<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'event_rows'",
  );
  if ((tables[0]?.n ?? 0) === 0) return [];
  return importedToRecords(await mod.importedEvents(store, { actor: a, partner: b, ...range }));
}

/** Imported events (from either event store) as labelled event records. */
export function importedToRecords(rows: ImportedEventLike[]): EventRecord[] {
  return rows.map((r) => ({
    date: r.date,
    source: r.source,
    target: r.target,
    cameoRoot: r.cameoRoot,
    goldstein: r.goldstein,
    evidence: `imported:${r.dataset}`,
  }));
}
