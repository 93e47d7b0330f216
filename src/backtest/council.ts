/**
 * Council of the EU voting regimes (qualified majority with weighted votes) by period, with the
 * member states' codes as the DEU datasets spell them. Sources (treaty texts):
 * - EU-15 (1 Jan 1995 – 30 Apr 2004): Art. 205(2) TEC as amended by the 1994 Act of Accession —
 *   DE, FR, IT, UK 10; ES 8; BE, EL, NL, PT 5; AT, SE 4; DK, IE, FI 3; LU 2; 62 of 87 votes.
 * - EU-25 (from 1 May 2004; the Nice weights from 1 Nov 2004): Art. 205(2) TEC as amended by the
 *   Protocol on the enlargement of the EU (Treaty of Nice) and the 2003 Act of Accession —
 *   DE, FR, IT, UK 29; ES, PL 27; NL 13; BE, CZ, EL, HU, PT 12; AT, SE 10; DK, IE, LT, SK, FI 7;
 *   CY, EE, LV, LU, SI 4; MT 3; 232 of 321 votes cast by a majority of the members.
 * - EU-27 (from 1 Jan 2007, 2005 Act of Accession): + RO 14, BG 10; 255 of 345, majority of members.
 * - EU-28 (from 1 Jul 2013, 2012 Act of Accession; Protocol No 36 on transitional provisions,
 *   Art. 3): + HR 7; 260 of 352, majority of members.
 * Approximations, said wherever they are used: May–Oct 2004 (transitional weights) is treated
 * with the Nice weights; from 1 Nov 2014 the Council votes by double majority (55 % of members,
 * 65 % of the population, Art. 16(4) TEU; Nice weights on request until 31 Mar 2017): ANA ships
 * no population figures for it, so such issues keep the EU-28 Nice weights and say so; the 62 %
 * population check of the Nice rule is not modelled.
 */

/** DEU actor code → Council member code used here (DEU III writes bu, cr, el, uk). */
export const DEU_STATE_CODES: Readonly<Record<string, string>> = Object.freeze({
  at: "at",
  be: "be",
  bu: "bg",
  bg: "bg",
  cr: "hr",
  hr: "hr",
  cy: "cy",
  cz: "cz",
  dk: "dk",
  ee: "ee",
  fi: "fi",
  fr: "fr",
  de: "de",
  el: "el",
  gr: "el",
  hu: "hu",
  ie: "ie",
  it: "it",
  lv: "lv",
  lt: "lt",
  lu: "lu",
  mt: "mt",
  nl: "nl",
  pl: "pl",
  pt: "pt",
  ro: "ro",
  si: "si",
  sk: "sk",
  es: "es",
  se: "se",
  uk: "uk",
  gb: "uk",
});

export interface CouncilRegime {
  id: string;
  /** First day (ISO date) the regime applies. */
  from: string;
  weights: Readonly<Record<string, number>>;
  /** Votes needed for a qualified majority. */
  quota: number;
  /** Members needed beside the votes (0: none). */
  minMembers: number;
  source: string;
}

const EU15 = {
  de: 10,
  fr: 10,
  it: 10,
  uk: 10,
  es: 8,
  be: 5,
  el: 5,
  nl: 5,
  pt: 5,
  at: 4,
  se: 4,
  dk: 3,
  ie: 3,
  fi: 3,
  lu: 2,
};
const NICE25 = {
  de: 29,
  fr: 29,
  it: 29,
  uk: 29,
  es: 27,
  pl: 27,
  nl: 13,
  be: 12,
  cz: 12,
  el: 12,
  hu: 12,
  pt: 12,
  at: 10,
  se: 10,
  dk: 7,
  ie: 7,
  lt: 7,
  sk: 7,
  fi: 7,
  cy: 4,
  ee: 4,
  lv: 4,
  lu: 4,
  si: 4,
  mt: 3,
};
const NICE27 = { ...NICE25, ro: 14, bg: 10 };
const NICE28 = { ...NICE27, hr: 7 };

export const COUNCIL_REGIMES: readonly CouncilRegime[] = Object.freeze([
  {
    id: "EU-15 (Amsterdam weights)",
    from: "1995-01-01",
    weights: EU15,
    quota: 62,
    minMembers: 0,
    source: "Art. 205(2) TEC (1994 Act of Accession)",
  },
  {
    id: "EU-25 (Nice weights)",
    from: "2004-05-01",
    weights: NICE25,
    quota: 232,
    minMembers: 13,
    source: "Art. 205(2) TEC as amended by the Treaty of Nice and the 2003 Act of Accession",
  },
  {
    id: "EU-27 (Nice weights)",
    from: "2007-01-01",
    weights: NICE27,
    quota: 255,
    minMembers: 14,
    source: "2005 Act of Accession",
  },
  {
    id: "EU-28 (Nice weights)",
    from: "2013-07-01",
    weights: NICE28,
    quota: 260,
    minMembers: 15,
    source:
      "Protocol No 36 on transitional provisions, Art. 3, as amended by the 2012 Act of Accession",
  },
]);

/** The day the double-majority rule replaced the Nice weights (Art. 16(4) TEU). */
export const DOUBLE_MAJORITY_FROM = "2014-11-01";

/**
 * The regime for an issue: the one in force on `date` (ISO), moved to a later one when states
 * state positions that were not yet members (proposals introduced before an enlargement and
 * decided after it); without a date, the earliest regime that has every such state.
 */
export function councilRegime(
  date: string | null,
  statesWithPositions: readonly string[],
): { regime: CouncilRegime; notes: string[] } {
  const notes: string[] = [];
  let k = 0;
  if (date !== null) {
    if (date < COUNCIL_REGIMES[0].from)
      notes.push(`introduced ${date}, before the EU-15 regime: EU-15 weights used`);
    for (let i = 0; i < COUNCIL_REGIMES.length; i++) if (COUNCIL_REGIMES[i].from <= date) k = i;
  }
  const fits = (r: CouncilRegime) => statesWithPositions.every((s) => s in r.weights);
  const start = k;
  while (k < COUNCIL_REGIMES.length - 1 && !fits(COUNCIL_REGIMES[k])) k++;
  if (k !== start && date !== null)
    notes.push(
      `states that joined later state positions: ${COUNCIL_REGIMES[k].id} used (decided after the enlargement)`,
    );
  if (date === null)
    notes.push(
      `no introduction date: ${COUNCIL_REGIMES[k].id} inferred from the states with positions`,
    );
  if (date !== null && date >= DOUBLE_MAJORITY_FROM)
    notes.push(
      "introduced after 1 Nov 2014 (double-majority QMV): approximated with the EU-28 Nice weights (no population figures shipped)",
    );
  return { regime: COUNCIL_REGIMES[k], notes };
}
