import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";
import { iso3ToCow } from "./crosswalk.ts";

export interface Nearby {
  ccode: number;
  iso3: string | null;
  capital: string;
  /** Great-circle distance between the two capitals, km (sphere of radius 6,371 km). */
  km: number;
}

/** Great-circle distance in km between two points (haversine, mean Earth radius 6,371 km). */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * States in the COW system in `year` whose capital lies within `radiusKm` of the focal state's
 * capital (peacesciencer capitals, the spell covering the year or else the latest). Years after
 * the state-year data (2024) use 2024's system.
 */
export async function statesNearby(
  store: Store,
  iso3: string,
  year: number,
  radiusKm: number,
): Promise<Nearby[]> {
  await requirePanel(store, "capitals");
  await requirePanel(store, "state_years");
  const ccode = await iso3ToCow(store, iso3, year);
  if (ccode === undefined) throw new Error(`panel: "${iso3}" is not a COW state (no COW code)`);
  const [span] = await store.all<{ y1: number }>(
    "SELECT max(year)::INTEGER AS y1 FROM ref_state_years",
  );
  const y = Math.min(year, span.y1);
  const caps = await store.all<{
    ccode: number;
    iso3: string | null;
    capital: string;
    lat: number;
    lng: number;
  }>(
    `SELECT s.ccode, s.iso3, arg_max(c.capital, c.enddate) AS capital, arg_max(c.lat, c.enddate) AS lat, arg_max(c.lng, c.enddate) AS lng
     FROM ref_state_years s JOIN ref_capitals c ON c.ccode = s.ccode AND year(c.stdate) <= ?
     WHERE s.year = ? GROUP BY ALL`,
    [y, y],
  );
  const me = caps.find((c) => c.ccode === ccode);
  if (!me) throw new Error(`panel: no capital for ${iso3} (COW ${ccode}) in ${y}`);
  return caps
    .filter((c) => c.ccode !== ccode)
    .map((c) => ({
      ccode: c.ccode,
      iso3: c.iso3,
      capital: c.capital,
      km: haversineKm(me.lat, me.lng, c.lat, c.lng),
    }))
    .filter((c) => c.km <= radiusKm)
    .sort((a, b) => a.km - b.km);
}
