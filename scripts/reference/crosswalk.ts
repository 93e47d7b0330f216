// COW ↔ ISO3 crosswalk used by scripts/build-reference.ts. Documented in data/SOURCES.md.
//
// Rule: every COW state gets the ISO 3166-1 alpha-3 code of the state COW treats as the same
// state (its continuator), as Voeten's ideal-point file assigns it; where Voeten has none or
// gets it wrong, the overrides below apply. Historic states that never had an ISO code (German
// and Italian states before unification, Austria-Hungary, the Korean Empire, Zanzibar, the
// Republic of Vietnam) get no ISO3 (NULL): they cannot be joined by ISO3, only by ccode.

/** ccode → iso3 where Voeten's crosswalk has none or a wrong one. `null`: no ISO3 exists. */
export const ISO3_OVERRIDES: Record<number, string | null> = {
  // Germany: ISO 3166-1 gave DEU to the Federal Republic before 1990 and to united Germany.
  255: "DEU",
  260: "DEU",
  265: "DDR",
  315: "CSK",
  // Russia continues the USSR's UN seat and COW code 365; ISO's SUN is not used so that one
  // code runs through 1816–2024.
  365: "RUS",
  // North Yemen: not an ISO code, as in Voeten's file; keeps (iso3, year) unique in 1990.
  678: "YAR",
  // South Yemen: ISO 3166-1 YMD (Voeten's file wrongly repeats YAR).
  680: "YMD",
  713: "TWN",
  // Kosovo: XKX is the user-assigned code used by the EU and the IMF (not ISO 3166-1).
  347: "XKX",
  816: "VNM",
  817: null,
  511: null,
  730: null,
  300: null,
  240: null,
  245: null,
  267: null,
  269: null,
  271: null,
  273: null,
  275: null,
  280: null,
  327: null,
  329: null,
  332: null,
  335: null,
  337: null,
};

/**
 * COW 345 is one state from 1878 to today (Serbia, Yugoslavia, Serbia and Montenegro, Serbia).
 * Its ISO3 is YUG until 2005 and SRB from 2006 (Montenegro's independence, ISO SRB assigned
 * 2006). Every other ccode has one ISO3 for all years.
 */
export const SPLITS: Record<number, { iso3: string; from: number; to: number }[]> = {
  345: [
    { iso3: "YUG", from: -9999, to: 2005 },
    { iso3: "SRB", from: 2006, to: 9999 },
  ],
};

/** UN votes: ISO2 codes that ISO no longer lists (ISO 3166-3) and the ISO3 they had. */
export const ISO2_HISTORIC: Record<string, string> = {
  CS: "CSK",
  DD: "DDR",
  YD: "YMD",
};

/**
 * UN votes rows whose `country_code` is the string "NA" in the R data: Namibia's real ISO2
 * code, and three states for which the package has no code (R's missing value, written NA).
 * They are told apart by `country`. `null`: no ISO3 exists (reported as unmapped).
 */
export const UNVOTES_NA_BY_NAME: Record<string, string | null> = {
  Namibia: "NAM",
  "Federal Republic of Germany": "DEU",
  "Yemen Arab Republic": "YAR",
  Zanzibar: null,
};

/** COW code of UN-vote country names where the ISO3 alone is ambiguous in a transition year. */
export const UNVOTES_CCODE_BY_NAME: Record<string, number> = {
  "Federal Republic of Germany": 260,
  Germany: 255,
  "German Democratic Republic": 265,
  "Yemen Arab Republic": 678,
  "Yemen People's Republic": 680,
  Yemen: 679,
  Czechoslovakia: 315,
  Czechia: 316,
  Yugoslavia: 345,
  Taiwan: 713,
};

/**
 * SIPRI recipients/suppliers without a COW code in the 360info file, and states whose code it
 * lacks. Names ending in "*" are non-state armed groups and "**" international organisations in
 * SIPRI's convention: they get no state code (their source ccode is kept apart), so that a
 * state's arms imports never include deliveries to rebels on its territory.
 */
export const SIPRI_BY_NAME: Record<string, { ccode: number | null; iso3: string | null }> = {
  Serbia: { ccode: 345, iso3: "SRB" },
  Micronesia: { ccode: 987, iso3: "FSM" },
  Palestine: { ccode: null, iso3: "PSE" },
  "Western Sahara": { ccode: null, iso3: "ESH" },
  Aruba: { ccode: null, iso3: "ABW" },
  // Unrecognised entities that SIPRI lists as recipients, coded with a state's ccode in the
  // 360info file: not that state.
  "Northern Cyprus": { ccode: null, iso3: null },
  Biafra: { ccode: null, iso3: null },
  Katanga: { ccode: null, iso3: null },
};
