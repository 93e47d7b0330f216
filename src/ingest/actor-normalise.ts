import {
  CAMEO_DISSOLVED,
  CAMEO_GROUPS,
  CAMEO_LEGACY,
  CAMEO_REGIONS,
  CAMEO_TERRITORIES,
} from "./cameo-countries.ts";
import { countryTables } from "./event-tables.ts";
import { FIPS_TO_ISO3 } from "./fips.ts";

/**
 * How a raw actor or location code became an ISO3 code (or why it did not). Recorded on every
 * imported event beside the raw value, so the mapping can be audited and redone.
 */
export type ActorRule =
  | "iso3" // already an ISO3 code (after trimming padding and upper-casing)
  | "cameo-legacy" // legacy CAMEO code with an ISO3 successor (ROM → ROU)
  | "cameo-territory" // territory or city in the country slot (WSB → PSE)
  | "actor-prefix" // country slot empty; first block of the full CAMEO actor code (ROU…)
  | "name" // an English country name (ICEWS, POLECAT)
  | "fips" // a FIPS 10-4 location code (GDELT geo fields)
  | "region" // CAMEO regional pseudo-country (EUR, WST, CAU…): no state
  | "group" // international organisation or other non-state code
  | "dissolved" // a code for an entity with no successor (ANT)
  | "unknown"; // not recognised: kept raw, no ISO3

export interface Mapped {
  iso3: string | null;
  rule: ActorRule | null;
}

const NONE: Mapped = { iso3: null, rule: null };

/** Map a CAMEO country-slot code (GDELT `Actor*CountryCode`, PLOVER `code`) to ISO3. */
export function cameoCountry(raw: string | null | undefined): Mapped {
  if (raw == null) return NONE;
  const c = raw.trim().toUpperCase();
  if (c === "" || c === "NA") return NONE;
  const t = countryTables();
  if (t.iso3.has(c)) return { iso3: c, rule: "iso3" };
  const legacy = CAMEO_LEGACY.get(c);
  if (legacy) return { iso3: legacy, rule: "cameo-legacy" };
  const terr = CAMEO_TERRITORIES.get(c);
  if (terr) return { iso3: terr, rule: "cameo-territory" };
  if (CAMEO_REGIONS.has(c)) return { iso3: null, rule: "region" };
  if (CAMEO_GROUPS.has(c)) return { iso3: null, rule: "group" };
  if (CAMEO_DISSOLVED.has(c)) return { iso3: null, rule: "dissolved" };
  return { iso3: null, rule: "unknown" };
}

/**
 * When the country slot is empty, the full CAMEO actor code may still start with a country block
 * (`ROU` for Romania, which CAMEO codes as ROM). Only recognised country codes are accepted.
 */
export function cameoActorPrefix(actorCode: string | null | undefined): Mapped {
  if (!actorCode) return NONE;
  const c = actorCode.trim().toUpperCase();
  if (c.length < 3) return NONE;
  const m = cameoCountry(c.slice(0, 3));
  return m.iso3 ? { iso3: m.iso3, rule: "actor-prefix" } : NONE;
}

/** Map an English country name (ICEWS "Russian Federation", POLECAT) or an ISO3 code to ISO3. */
export function countryName(raw: string | null | undefined): Mapped {
  if (raw == null) return NONE;
  const s = raw.trim();
  if (s === "" || s === "NA" || s === "None") return NONE;
  const t = countryTables();
  const byName = t.byName.get(s.toLowerCase());
  if (byName) return { iso3: byName, rule: "name" };
  if (/^[A-Za-z]{3}$/.test(s)) {
    const m = cameoCountry(s);
    if (m.rule !== "unknown") return m;
  }
  return { iso3: null, rule: "unknown" };
}

/** Map a FIPS 10-4 location code (GDELT `ActionGeo_CountryCode`) to ISO3. */
export function fipsCountry(raw: string | null | undefined): Mapped {
  if (raw == null) return NONE;
  const c = raw.trim().toUpperCase();
  if (c === "" || c === "NA") return NONE;
  const iso3 = FIPS_TO_ISO3.get(c);
  return iso3 ? { iso3, rule: "fips" } : { iso3: null, rule: "unknown" };
}

/** Actor code schemes a generic CSV column may use. */
export type ActorScheme = "cameo" | "iso3" | "name" | "fips";

export function mapActor(scheme: ActorScheme, raw: string | null | undefined): Mapped {
  switch (scheme) {
    case "cameo":
    case "iso3":
      return cameoCountry(raw);
    case "name":
      return countryName(raw);
    case "fips":
      return fipsCountry(raw);
  }
}
