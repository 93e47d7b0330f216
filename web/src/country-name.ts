// English names of states by ISO3, for a focal state that is not one of the scenario's actors
// (any state in the panel can be the focal state). Loaded only when such a state is chosen.
let loaded: Promise<(iso3: string) => string | undefined> | undefined;

export function countryNames(): Promise<(iso3: string) => string | undefined> {
  loaded ??= (async () => {
    const [{ default: countries }, { default: en }] = await Promise.all([
      import("i18n-iso-countries"),
      import("i18n-iso-countries/langs/en.json"),
    ]);
    countries.registerLocale(en);
    return (iso3: string) => {
      const n = countries.getName(iso3, "en", { select: "official" });
      return n || undefined;
    };
  })();
  return loaded;
}
