import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of the shipped event-data lookup tables (built by `scripts/build-event-tables.ts`). */
export const EVENT_TABLES_DIR = fileURLToPath(new URL("../../data/events/", import.meta.url));

/** Goldstein tables by id: CAMEO event code (string, leading zeros kept) → weight. */
export type GoldsteinTableId = "gdelt" | "icews";
export const GOLDSTEIN_TABLE_IDS: readonly GoldsteinTableId[] = ["gdelt", "icews"];

const goldsteinCache = new Map<GoldsteinTableId, ReadonlyMap<string, number>>();

/**
 * A source's own Goldstein table: `gdelt` is GDELT's CAMEO.goldsteinscale.txt (311 codes),
 * `icews` the ICEWS mapping from andybega/icews (312 codes). They differ on 016, 022, 164, 165.
 */
export function goldsteinTable(id: GoldsteinTableId): ReadonlyMap<string, number> {
  let t = goldsteinCache.get(id);
  if (!t) {
    const m = new Map<string, number>();
    const text = readFileSync(`${EVENT_TABLES_DIR}goldstein-${id}.tsv`, "utf8");
    for (const line of text.split("\n").slice(1)) {
      const [code, g] = line.split("\t");
      if (code && g !== undefined) m.set(code.trim(), Number(g));
    }
    t = m;
    goldsteinCache.set(id, t);
  }
  return t;
}

export interface CountryTables {
  /** Every known ISO3 code. */
  iso3: ReadonlySet<string>;
  /** Lower-cased name or alias → ISO3. */
  byName: ReadonlyMap<string, string>;
  /** ISO3 → common English name. */
  nameOf: ReadonlyMap<string, string>;
}

/**
 * Names used by ICEWS and POLECAT that the country list does not carry as aliases (checked on
 * the ICEWS 2018 sample: every country name there maps).
 */
const EXTRA_NAMES: Record<string, string> = {
  "occupied palestinian territory": "PSE",
  "holy see": "VAT",
  "the former yugoslav republic of macedonia": "MKD",
  macedonia: "MKD",
  "united states of america": "USA",
  "hong kong": "HKG",
  kosovo: "XKX",
  burma: "MMR",
  turkey: "TUR",
};

let countryCache: CountryTables | undefined;

/** Country codes and names (mledoze/countries, ODbL; Kosovo as XKX). */
export function countryTables(): CountryTables {
  if (countryCache) return countryCache;
  const iso3 = new Set<string>();
  const byName = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const text = readFileSync(`${EVENT_TABLES_DIR}countries.tsv`, "utf8");
  for (const line of text.split("\n").slice(1)) {
    if (!line) continue;
    const [rawCode, , name, aliases] = line.split("\t");
    const code = rawCode === "UNK" ? "XKX" : rawCode;
    iso3.add(code);
    nameOf.set(code, name);
    for (const n of [name, ...(aliases ? aliases.split("|") : [])]) {
      const k = n.toLowerCase();
      if (!byName.has(k)) byName.set(k, code);
    }
  }
  for (const [k, v] of Object.entries(EXTRA_NAMES)) byName.set(k, v);
  countryCache = { iso3, byName, nameOf };
  return countryCache;
}
