import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export type CountryFeature = Feature<Geometry, { name: string }> & { iso3: string | null };

let cached: CountryFeature[] | undefined;

/** Natural Earth 1:110m countries (world-atlas), keyed by ISO3 (numeric ids mapped with i18n-iso-countries). */
export function worldCountries(): CountryFeature[] {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  cached = fc.features.map((f) => {
    const iso3 = f.id !== undefined ? (countries.numericToAlpha3(String(f.id)) ?? null) : null;
    return Object.assign(f, { iso3 });
  });
  return cached;
}
