/**
 * CAMEO country-slot codes that are not current ISO 3166-1 alpha-3 codes.
 * Sources: the GDELT/CAMEO country lookup (CAMEO.country.txt, mirrored in public code) as
 * summarised in the project's event-data notes §2.3; PLOVER manual for KOS.
 */

/** Legacy CAMEO codes with an ISO3 successor. */
export const CAMEO_LEGACY: ReadonlyMap<string, string> = new Map([
  ["ROM", "ROU"], // Romania
  ["MTN", "MNE"], // Montenegro
  ["TMP", "TLS"], // East Timor
  ["IMY", "IMN"], // Isle of Man
  ["KOS", "XKX"], // Kosovo (PLOVER; XKX is the user-assigned code in common use)
]);

/** Territories and cities coded in the country slot, folded into the state that contains them. */
export const CAMEO_TERRITORIES: ReadonlyMap<string, string> = new Map([
  ["WSB", "PSE"], // West Bank
  ["GZS", "PSE"], // Gaza Strip
  ["BAG", "IRQ"], // Baghdad
]);

/** Codes with no state successor: dissolved entities. */
export const CAMEO_DISSOLVED: ReadonlySet<string> = new Set(["ANT"]); // Netherlands Antilles

/** Regional pseudo-countries: never a state, never ISO3 (EUR = Europe, not the EU, in CAMEO). */
export const CAMEO_REGIONS: ReadonlySet<string> = new Set(
  "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST".split(
    " ",
  ),
);

/** International organisations and other non-state actor codes that appear in the country slot. */
export const CAMEO_GROUPS: ReadonlySet<string> = new Set(
  "IGO NGO NGM IMG MNC UNO NAT EEC CIS SCE GCC ARL OIC OPC IMF WBK WTO COE IAE ISM".split(" "),
);
