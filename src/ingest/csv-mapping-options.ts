import type { ActorScheme } from "./actor-normalise.ts";
import { CSV_MAPPING_KEYS, CSV_PRESETS, type CsvMapping } from "./parse-csv-mapped.ts";

const SCHEMES: ActorScheme[] = ["cameo", "iso3", "name", "fips"];

/**
 * Build a CSV column mapping from a preset, a JSON mapping file and `key=column` flags (later
 * ones override earlier ones). Throws with a message naming what is missing or wrong.
 */
export function resolveCsvMapping(o: {
  mapFile?: string;
  mapText?: string;
  preset?: string;
  cols?: string[];
  delimiter?: string;
  actorScheme?: string;
}): CsvMapping {
  let m: Partial<CsvMapping> = {};
  if (o.preset) {
    const p = CSV_PRESETS[o.preset];
    if (!p)
      throw new Error(
        `--preset: unknown "${o.preset}" (known: ${Object.keys(CSV_PRESETS).join(", ")})`,
      );
    m = { ...p };
  }
  if (o.mapText !== undefined) {
    let j: unknown;
    try {
      j = JSON.parse(o.mapText);
    } catch (e) {
      throw new Error(`${o.mapFile}: not JSON: ${(e as Error).message}`);
    }
    if (!j || typeof j !== "object" || Array.isArray(j))
      throw new Error(`${o.mapFile}: must be a JSON object such as {"date": "SQLDATE", …}`);
    const allowed = new Set<string>([
      ...CSV_MAPPING_KEYS,
      "delimiter",
      "na",
      "actorScheme",
      "locationScheme",
    ]);
    for (const k of Object.keys(j))
      if (!allowed.has(k))
        throw new Error(`${o.mapFile}: unknown key "${k}" (allowed: ${[...allowed].join(", ")})`);
    m = { ...m, ...(j as Partial<CsvMapping>) };
  }
  for (const c of o.cols ?? []) {
    const eq = c.indexOf("=");
    const k = c.slice(0, eq);
    if (eq <= 0 || !(CSV_MAPPING_KEYS as readonly string[]).includes(k))
      throw new Error(
        `--col "${c}": use key=column with key one of ${CSV_MAPPING_KEYS.join(", ")}`,
      );
    (m as Record<string, string>)[k] = c.slice(eq + 1);
  }
  if (o.delimiter !== undefined) m.delimiter = o.delimiter === "\\t" ? "\t" : o.delimiter;
  if (o.actorScheme !== undefined) m.actorScheme = o.actorScheme as ActorScheme;
  for (const s of [m.actorScheme, m.locationScheme])
    if (s !== undefined && !SCHEMES.includes(s))
      throw new Error(`actor scheme "${s}" must be one of ${SCHEMES.join(", ")}`);
  const missing = (["date", "source", "target", "code"] as const).filter((k) => !m[k]);
  if (missing.length)
    throw new Error(
      `csv mapping: missing ${missing.join(", ")} (give --preset, --map FILE or --col ${missing[0]}=COLUMN)`,
    );
  if (m.delimiter !== undefined && m.delimiter.length === 0)
    throw new Error("csv mapping: empty delimiter");
  return m as CsvMapping;
}
