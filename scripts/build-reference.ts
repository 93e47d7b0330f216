// Build the shipped reference panel: data/reference/*.parquet and data/SOURCES.md from the
// shared raw data (`../shared/data/reference/` beside the repo, or --src DIR).
//
//   node --import tsx scripts/build-reference.ts [--src /path/to/shared/data]
//
// Every CSV is read with all columns as text and cast explicitly, so that R's "NA" becomes NULL
// in numeric columns but Namibia's ISO2 code "NA" survives in un_votes.csv.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  ISO2_HISTORIC,
  ISO3_OVERRIDES,
  SIPRI_BY_NAME,
  SPLITS,
  UNVOTES_CCODE_BY_NAME,
  UNVOTES_NA_BY_NAME,
} from "./reference/crosswalk.ts";
import { SOURCE_META } from "./reference/sources.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(REPO, "data", "reference");

function sharedData(): string {
  const i = process.argv.indexOf("--src");
  const candidates =
    i >= 0 ? [process.argv[i + 1]] : [join(REPO, "..", "shared", "data"), "/work/shared/data"];
  for (const c of candidates) if (c && existsSync(join(c, "reference"))) return resolve(c);
  throw new Error(
    `build-reference: no shared data folder found (tried ${candidates.join(", ")}); pass --src DIR`,
  );
}

const DATA = sharedData();
const REF = join(DATA, "reference");
const PS = join(REF, "peacesciencer");
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
async function run(sql: string) {
  try {
    await con.run(sql);
  } catch (e) {
    throw new Error(`${(e as Error).message}\nin: ${sql}`);
  }
}
async function all<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjects().map((o) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = typeof v === "bigint" ? Number(v) : v;
    return out as T;
  });
}

/** Read a CSV as text columns; `na` adds R's "NA" to the null strings. */
const csv = (path: string, na = true) =>
  `read_csv(${q(path)}, header=true, all_varchar=true, nullstr=${na ? "['NA','']" : "['']"})`;
const int = (c: string) => `TRY_CAST(${c} AS INTEGER)`;
/** COW writes -9 (and sometimes other negatives) for missing; R writes NA. Both → NULL. */
const cowNum = (c: string, t = "DOUBLE") =>
  `CASE WHEN TRY_CAST(${c} AS DOUBLE) < 0 THEN NULL ELSE TRY_CAST(${c} AS ${t}) END`;

// ---- crosswalk ---------------------------------------------------------------------------
await run(
  `CREATE TABLE voeten_xw AS SELECT ${int("ccode")} AS ccode, iso3c, countryname, ${int("first_year")} AS first_year, ${int("last_year")} AS last_year FROM ${csv(join(REF, "cow_iso3_crosswalk_from_voeten.csv"))}`,
);
await run(
  `CREATE TABLE state_years AS SELECT ${int("ccode")} AS ccode, ${int("year")} AS year FROM ${csv(join(REF, "cow_state_years_from_cow_ddy.csv"))}`,
);
await run(
  `CREATE TABLE cow_states AS SELECT stateabb, ${int("ccode")} AS ccode, statenme, ${int("styear")} AS styear, ${int("stmonth")} AS stmonth, ${int("stday")} AS stday, ${int("endyear")} AS endyear, ${int("endmonth")} AS endmonth, ${int("endday")} AS endday, ${int("version")} AS version FROM ${csv(join(PS, "cow_states.csv"))}`,
);

const voeten = await all<{ ccode: number; iso3c: string }>(
  "SELECT ccode, iso3c FROM voeten_xw WHERE iso3c IS NOT NULL GROUP BY ALL",
);
const voetenIso = new Map<number, string>();
for (const r of voeten) voetenIso.set(r.ccode, r.iso3c);
const ccodes = await all<{ ccode: number; name: string; abb: string }>(
  `SELECT ccode, arg_max(statenme, styear) AS name, arg_max(stateabb, styear) AS abb FROM cow_states GROUP BY ccode
   UNION ALL SELECT DISTINCT ccode, NULL, NULL FROM state_years WHERE ccode NOT IN (SELECT ccode FROM cow_states) ORDER BY 1`,
);
const lookup: [number, string | null, number, number, string][] = [];
for (const c of ccodes) {
  if (SPLITS[c.ccode]) {
    for (const s of SPLITS[c.ccode]) lookup.push([c.ccode, s.iso3, s.from, s.to, "split by year"]);
    continue;
  }
  const over = Object.hasOwn(ISO3_OVERRIDES, c.ccode);
  const iso = over ? ISO3_OVERRIDES[c.ccode] : (voetenIso.get(c.ccode) ?? null);
  lookup.push([c.ccode, iso, -9999, 9999, over ? "override" : iso ? "voeten" : "none"]);
}
await run(
  "CREATE TABLE xw_lookup (ccode INTEGER, iso3 VARCHAR, y0 INTEGER, y1 INTEGER, rule VARCHAR)",
);
await run(
  `INSERT INTO xw_lookup VALUES ${lookup.map((r) => `(${r[0]}, ${r[1] ? q(r[1]) : "NULL"}, ${r[2]}, ${r[3]}, ${q(r[4])})`).join(", ")}`,
);
const missing = ccodes.filter((c) => !lookup.some((l) => l[0] === c.ccode && l[1]));
// iso3 of a COW code in a year (NULL when the state has no ISO3 code).
await run(
  "CREATE MACRO cow_iso3(c, y) AS (SELECT any_value(iso3) FROM xw_lookup x WHERE x.ccode = c AND coalesce(y, 9999) BETWEEN x.y0 AND x.y1)",
);
const splitNames: Record<string, string> = { YUG: "Yugoslavia", SRB: "Serbia" };
await run(`CREATE TABLE crosswalk AS
  SELECT x.ccode, x.iso3, coalesce(${
    Object.entries(splitNames).length
      ? `CASE x.iso3 ${Object.entries(splitNames)
          .map(([k, v]) => `WHEN ${q(k)} THEN ${q(v)}`)
          .join(" ")} END, `
      : ""
  }s.name) AS name,
    s.abb stateabb, min(y.year) AS first_year, max(y.year) AS last_year, x.rule
  FROM xw_lookup x
  JOIN (SELECT ccode, arg_max(statenme, styear) AS name, arg_max(stateabb, styear) AS abb FROM cow_states GROUP BY ccode) s USING (ccode)
  LEFT JOIN state_years y ON y.ccode = x.ccode AND y.year BETWEEN x.y0 AND x.y1
  GROUP BY ALL ORDER BY x.ccode, first_year`);

// ---- states, state-years, majors, capitals, powers -----------------------------------------
await run(`CREATE TABLE states AS SELECT s.*, cow_iso3(ccode, endyear) AS iso3,
  make_date(styear, stmonth, stday) AS stdate, make_date(endyear, endmonth, endday) AS enddate FROM cow_states s`);
await run(
  `CREATE TABLE state_years_out AS SELECT ccode, cow_iso3(ccode, year) AS iso3, year FROM state_years`,
);
await run(
  `CREATE TABLE majors AS SELECT ${int("ccode")} AS ccode, ${int("styear")} AS styear, ${int("stmonth")} AS stmonth, ${int("stday")} AS stday, ${int("endyear")} AS endyear, ${int("endmonth")} AS endmonth, ${int("endday")} AS endday, ${int("version")} AS version FROM ${csv(join(PS, "cow_majors.csv"))}`,
);
await run(`CREATE OR REPLACE TABLE majors AS SELECT ccode, cow_iso3(ccode, endyear) AS iso3, styear, stmonth, stday, endyear, endmonth, endday,
  make_date(styear, stmonth, stday) AS stdate, make_date(endyear, endmonth, endday) AS enddate, version FROM majors`);
await run(`CREATE TABLE maoz_powers AS SELECT ${int("ccode")} AS ccode, cow_iso3(${int("ccode")}, NULL) AS iso3,
  TRY_CAST(regstdate AS DATE) AS regstdate, TRY_CAST(regenddate AS DATE) AS regenddate, TRY_CAST(globstdate AS DATE) AS globstdate, TRY_CAST(globenddate AS DATE) AS globenddate
  FROM ${csv(join(PS, "maoz_powers.csv"))}`);
await run(`CREATE TABLE capitals AS SELECT ${int("ccode")} AS ccode, cow_iso3(${int("ccode")}, year(TRY_CAST(enddate AS DATE))) AS iso3, statenme, capital,
  TRY_CAST(stdate AS DATE) AS stdate, TRY_CAST(enddate AS DATE) AS enddate, TRY_CAST(lat AS DOUBLE) AS lat, TRY_CAST(lng AS DOUBLE) AS lng
  FROM ${csv(join(PS, "cow_capitals.csv"))}`);
await run(`CREATE TABLE gw_states AS SELECT ${int("gwcode")} AS gwcode, stateabb, statename, TRY_CAST(startdate AS DATE) AS startdate, TRY_CAST(enddate AS DATE) AS enddate
  FROM ${csv(join(PS, "gw_states.csv"))}`);

// ---- UN votes --------------------------------------------------------------------------------
const countries = JSON.parse(readFileSync(join(DATA, "geo", "mledoze_countries.json"), "utf8")) as {
  cca2: string;
  cca3: string;
}[];
const iso2 = new Map<string, string>(countries.map((c) => [c.cca2, c.cca3]));
for (const [k, v] of Object.entries(ISO2_HISTORIC)) iso2.set(k, v);
iso2.delete("NA"); // ambiguous in un_votes.csv: decided by name
await run("CREATE TABLE iso2map (iso2 VARCHAR, iso3 VARCHAR)");
await run(
  `INSERT INTO iso2map VALUES ${[...iso2].map(([a, b]) => `(${q(a)}, ${q(b)})`).join(", ")}`,
);
await run("CREATE TABLE na_names (country VARCHAR, iso3 VARCHAR)");
await run(
  `INSERT INTO na_names VALUES ${Object.entries(UNVOTES_NA_BY_NAME)
    .map(([a, b]) => `(${q(a)}, ${b ? q(b) : "NULL"})`)
    .join(", ")}`,
);
await run("CREATE TABLE ccode_names (country VARCHAR, ccode INTEGER)");
await run(
  `INSERT INTO ccode_names VALUES ${Object.entries(UNVOTES_CCODE_BY_NAME)
    .map(([a, b]) => `(${q(a)}, ${b})`)
    .join(", ")}`,
);

await run(`CREATE TABLE roll_calls AS SELECT ${int("rcid")} AS rcid, ${int("session")} AS session, TRY_CAST(date AS DATE) AS date,
  year(TRY_CAST(date AS DATE)) AS year, ${int("importantvote")}::TINYINT AS importantvote, unres, ${int("amend")}::TINYINT AS amend, ${int("para")}::TINYINT AS para, short, descr
  FROM ${csv(join(REF, "unvotes", "un_roll_calls.csv"))}`);
await run(
  `CREATE TABLE roll_call_issues AS SELECT ${int("rcid")} AS rcid, short_name, issue FROM ${csv(join(REF, "unvotes", "un_roll_call_issues.csv"))}`,
);
// un_votes.csv: no "NA" null string, so Namibia's code stays "NA".
await run(
  `CREATE TABLE votes_raw AS SELECT ${int("rcid")} AS rcid, country, country_code, vote FROM ${csv(join(REF, "unvotes", "un_votes.csv"), false)}`,
);
await run(`CREATE TABLE unvotes AS
  WITH v AS (
    SELECT v.rcid, rc.year, v.country, v.country_code,
      CASE WHEN v.country_code = 'NA' THEN n.iso3
           WHEN v.country_code = 'YU' THEN CASE WHEN rc.year < 2006 THEN 'YUG' ELSE 'SRB' END
           ELSE m.iso3 END iso3,
      CASE v.vote WHEN 'yes' THEN 1 WHEN 'abstain' THEN 2 WHEN 'no' THEN 3 END::TINYINT vote
    FROM votes_raw v
    LEFT JOIN roll_calls rc USING (rcid)
    LEFT JOIN iso2map m ON m.iso2 = v.country_code
    LEFT JOIN na_names n ON n.country = v.country
  )
  SELECT v.rcid, v.year, v.iso3, coalesce(cn.ccode,
      (SELECT any_value(x.ccode) FROM xw_lookup x WHERE x.iso3 = v.iso3 AND v.year BETWEEN x.y0 AND x.y1)) AS ccode,
    v.vote, v.country
  FROM v LEFT JOIN ccode_names cn ON cn.country = v.country`);
// Sessions 75–78 (to June 2024) from Voeten's Dataverse vote file as prepared in svmiller/fpsim
// (update-2020-2025/unvotes/): the 1946–2019 copy above is kept to session 74, this file from
// session 75 on. Roll-call ids are Voeten's `resid` (75001…), disjoint from the unvotes `rcid`s
// (at most 9147). A vote's year is the year of its date (the file's `year` says 2022 for sessions
// 77 and 78). Absences and non-members are not rows in either copy.
const UPDATE_VOTES = join(
  DATA,
  "update-2020-2025",
  "unvotes",
  "voeten_unga_votes_sessions66-78_via_fpsim.csv",
);
const FIRST_UPDATE_SESSION = 75;
await run(
  `CREATE TABLE votes_update_raw AS SELECT ${int("resid")} AS rcid, ${int("session")} AS session, TRY_CAST(date AS DATE) AS date, ${int("ccode")} AS ccode, ${int("vote")}::TINYINT AS vote
   FROM ${csv(UPDATE_VOTES)} WHERE ${int("session")} >= ${FIRST_UPDATE_SESSION}`,
);
// In session 78, 23 roll calls carry a few votes (42 rows, 1–3 per roll call) dated on another day
// than the rest (3 of them repeat a state already voting on the modal day). A roll call is held on
// one day: its date is the day of most of its votes, and the off-day rows are left out (not guessed
// to belong to another roll call). They are counted in data/SOURCES.md.
await run(`CREATE TABLE update_rc_date AS SELECT rcid, arg_max(date, n) AS date FROM
  (SELECT rcid, date, count(*) n FROM votes_update_raw GROUP BY ALL) GROUP BY rcid`);
await run(`CREATE TABLE votes_update AS SELECT v.* FROM votes_update_raw v JOIN update_rc_date d
  ON d.rcid = v.rcid AND d.date = v.date`);
const offDay = await all<{ rows: number; rcs: number }>(
  "SELECT count(*)::INTEGER AS rows, count(DISTINCT rcid)::INTEGER AS rcs FROM votes_update_raw v WHERE NOT EXISTS (SELECT 1 FROM votes_update u WHERE u.rcid = v.rcid AND u.ccode = v.ccode AND u.date = v.date)",
);
const [updDup] = await all<{ n: number }>(
  "SELECT count(*)::INTEGER n FROM (SELECT rcid, ccode FROM votes_update GROUP BY ALL HAVING count(*) > 1)",
);
if (updDup.n > 0) throw new Error(`unvotes update: ${updDup.n} (resid, ccode) pairs occur twice`);
const [oldMax] = await all<{ s: number; r: number }>(
  "SELECT max(session)::INTEGER s, max(rcid)::INTEGER r FROM roll_calls",
);
if (oldMax.s >= FIRST_UPDATE_SESSION)
  throw new Error(`unvotes: the 1946–2019 copy reaches session ${oldMax.s}`);
const [updMin] = await all<{ r: number; bad: number }>(
  "SELECT min(rcid)::INTEGER r, count(*) FILTER (WHERE vote NOT BETWEEN 1 AND 3 OR date IS NULL OR ccode IS NULL OR rcid IS NULL)::INTEGER bad FROM votes_update",
);
if (updMin.r <= oldMax.r) throw new Error("unvotes: update resid overlaps the unvotes rcid range");
if (updMin.bad > 0)
  throw new Error(`unvotes update: ${updMin.bad} rows without id, date, ccode or vote 1–3`);
await run(`INSERT INTO roll_calls SELECT rcid, any_value(session), any_value(date), year(any_value(date)),
  NULL, NULL, NULL, NULL, NULL, NULL FROM votes_update GROUP BY rcid`);
const [multiDate] = await all<{ n: number }>(
  "SELECT count(*)::INTEGER n FROM (SELECT rcid FROM votes_update GROUP BY rcid HAVING count(DISTINCT date) > 1 OR count(DISTINCT session) > 1)",
);
if (multiDate.n > 0) throw new Error(`unvotes update: ${multiDate.n} roll calls with two dates`);
await run(
  `INSERT INTO unvotes SELECT rcid, year(date), cow_iso3(ccode, year(date)), ccode, vote, NULL FROM votes_update`,
);
// Türkiye (COW 640) votes on almost every roll call of sessions 75–77 but on 2 of session 78 in
// this file: stated in data/SOURCES.md, since its 2023–2024 alignment rows are then "no data".
const turkey = await all<{ session: number; n: number; rc: number }>(
  "SELECT session, count(*) FILTER (WHERE ccode = 640)::INTEGER n, count(DISTINCT rcid)::INTEGER rc FROM votes_update GROUP BY 1 ORDER BY 1",
);
const unmappedUpdate = await all<{ ccode: number; n: number }>(
  "SELECT ccode, count(*)::INTEGER n FROM unvotes WHERE rcid >= 75000 AND iso3 IS NULL GROUP BY ALL",
);
if (unmappedUpdate.length > 0)
  throw new Error(`unvotes update: COW codes without ISO3: ${JSON.stringify(unmappedUpdate)}`);

const unmappedVotes = await all<{ country: string; country_code: string; n: number }>(
  "SELECT v.country, r.country_code, count(*)::INTEGER n FROM unvotes v JOIN (SELECT DISTINCT country, country_code FROM votes_raw) r USING (country) WHERE v.iso3 IS NULL GROUP BY ALL",
);
const badVote = await all<{ n: number }>(
  "SELECT count(*)::INTEGER n FROM unvotes WHERE vote IS NULL OR year IS NULL",
);
if (badVote[0].n > 0)
  throw new Error(`unvotes: ${badVote[0].n} rows without a vote code or a roll-call date`);
const dupVotes = await all<{ n: number }>(
  "SELECT count(*)::INTEGER n FROM (SELECT rcid, iso3 FROM unvotes WHERE iso3 IS NOT NULL GROUP BY ALL HAVING count(*) > 1)",
);
if (dupVotes[0].n > 0) throw new Error(`unvotes: ${dupVotes[0].n} (rcid, iso3) pairs occur twice`);

// ---- ideal points ---------------------------------------------------------------------------
const ipCols = [
  "idealpointfp",
  "idealpointall",
  "idealpointlegacy",
  "qofp",
  "q5fp",
  "q10fp",
  "q50fp",
  "q90fp",
  "q95fp",
  "q100fp",
  "qoall",
  "q5all",
  "q10all",
  "q50all",
  "q90all",
  "q95all",
  "q100all",
];
await run(`CREATE TABLE idealpoints AS SELECT cow_iso3(${int("ccode")}, ${int("year")}) AS iso3, ${int("ccode")} AS ccode, ${int("year")} AS year,
  ${ipCols.map((c) => `TRY_CAST(${c} AS DOUBLE) ${c}`).join(", ")},
  ${int("nvotesfp")} AS nvotesfp, ${int("nvotesall")} AS nvotesall, ${int("nvotesLegacy")} AS nvoteslegacy, iso3c iso3_voeten, countryname
  FROM ${csv(join(REF, "voeten", "IdealpointsJuly2025.csv"))}`);

// ---- peacesciencer tables ---------------------------------------------------------------------
await run(`CREATE TABLE atop AS SELECT ${int("ccode1")} AS ccode1, ${int("ccode2")} AS ccode2, cow_iso3(${int("ccode1")}, ${int("year")}) iso3_1, cow_iso3(${int("ccode2")}, ${int("year")}) iso3_2,
  ${int("year")} AS year, ${["defense", "offense", "neutral", "nonagg", "consul"].map((c) => `${int(`atop_${c}`)}::TINYINT AS ${c}`).join(", ")}
  FROM ${csv(join(PS, "atop_alliance.csv"))}`);
await run(`CREATE TABLE contiguity AS SELECT ${int("ccode1")} AS ccode1, ${int("ccode2")} AS ccode2,
  cow_iso3(${int("ccode1")}, year(TRY_CAST(enddate AS DATE))) iso3_1, cow_iso3(${int("ccode2")}, year(TRY_CAST(enddate AS DATE))) iso3_2,
  ${int("conttype")}::TINYINT AS conttype, TRY_CAST(stdate AS DATE) AS stdate, TRY_CAST(enddate AS DATE) AS enddate,
  year(TRY_CAST(stdate AS DATE)) AS styear, year(TRY_CAST(enddate AS DATE)) AS endyear
  FROM ${csv(join(PS, "cow_contdir.csv"))}`);
await run(`CREATE TABLE nmc AS SELECT ${int("ccode")} AS ccode, cow_iso3(${int("ccode")}, ${int("year")}) AS iso3, ${int("year")} AS year,
  ${cowNum("milex")} AS milex, ${cowNum("milper")} AS milper, ${cowNum("irst")} AS irst, ${cowNum("pec")} AS pec, ${cowNum("tpop")} AS tpop, ${cowNum("upop")} AS upop, ${cowNum("cinc")} AS cinc
  FROM ${csv(join(PS, "cow_nmc.csv"))}`);
await run(`CREATE TABLE igo_sy AS SELECT ${int("ccode")} AS ccode, cow_iso3(${int("ccode")}, ${int("year")}) AS iso3, ${int("year")} AS year,
  ${["full", "associate", "observer", "anytype"].map((c) => `${cowNum(`sum_igo_${c}`, "SMALLINT")} sum_igo_${c}`).join(", ")}
  FROM ${csv(join(PS, "cow_igo_sy.csv"))}`);
await run(`CREATE TABLE igo_ndy AS SELECT ${int("ccode1")} AS ccode1, ${int("ccode2")} AS ccode2, ${int("year")} AS year, ${cowNum("dyadigos", "SMALLINT")} AS dyadigos
  FROM ${csv(join(PS, "cow_igo_ndy.csv"))}`);
await run(`CREATE TABLE trade_sy AS SELECT ${int("ccode")} AS ccode, cow_iso3(${int("ccode")}, ${int("year")}) AS iso3, ${int("year")} AS year,
  ${cowNum("imports")} AS imports, ${cowNum("exports")} AS exports FROM ${csv(join(PS, "cow_trade_sy.csv"))}`);
await run(`CREATE TABLE rivalries_td AS SELECT ${int("rivalryno")} AS rivalryno, rivalryname, ${int("ccode1")} AS ccode1, ${int("ccode2")} AS ccode2,
  cow_iso3(${int("ccode1")}, ${int("endyear")}) iso3_1, cow_iso3(${int("ccode2")}, ${int("endyear")}) iso3_2,
  ${int("styear")} AS styear, ${int("endyear")} AS endyear, region, type1, type2, type3 FROM ${csv(join(PS, "td_rivalries.csv"))}`);
await run(`CREATE TABLE rivalries_tss AS SELECT ${int("tssr_id")} AS tssr_id, rivalry, ${int("ccode1")} AS ccode1, ${int("ccode2")} AS ccode2,
  cow_iso3(${int("ccode1")}, ${int('"end"')}) iso3_1, cow_iso3(${int("ccode2")}, ${int('"end"')}) iso3_2,
  ${int('"start"')} AS "start", ${int('"end"')} AS "end", ${["positional", "spatial", "ideological", "interventionary", "principal", "aprin"].map((c) => `${int(`"${c}"`)}::TINYINT AS "${c}"`).join(", ")}
  FROM ${csv(join(PS, "tss_rivalries.csv"))}`);

// ---- SIPRI ---------------------------------------------------------------------------------
await run("CREATE TABLE sipri_names (name VARCHAR, ccode INTEGER, iso3 VARCHAR)");
await run(
  `INSERT INTO sipri_names VALUES ${Object.entries(SIPRI_BY_NAME)
    .map(([n, v]) => `(${q(n)}, ${v.ccode ?? "NULL"}, ${v.iso3 ? q(v.iso3) : "NULL"})`)
    .join(", ")}`,
);
await run(`CREATE MACRO sipri_kind(n) AS CASE WHEN n LIKE '%**' THEN 'organisation' WHEN n LIKE '%*' THEN 'non-state'
  WHEN n LIKE 'Unknown%' THEN 'unknown' WHEN n IN ('Northern Cyprus', 'Biafra', 'Katanga') THEN 'non-state' ELSE 'state' END`);
// The whole 360info copy (every supplier and recipient, 1950–2021) is read here but not shipped:
// SIPRI's terms allow fair use of under 10 % of the data set. The panel keeps an extract: deliveries
// TO the Azerbaijan scenario's focal state and its neighbourhood by ANA's level rule (COW direct
// contiguity types 1–5 with Azerbaijan, open at the end of 2016: ARM, GEO, IRN, KAZ, RUS, TKM, TUR).
await run(`CREATE TABLE sipri_all AS
  WITH s AS (SELECT supplier, recipient, ${int("year")} AS year, TRY_CAST(value AS DOUBLE) AS tiv,
      ${int("supplier_cown")} AS supplier_cown, ${int("recipient_cown")} AS recipient_cown FROM ${csv(join(REF, "sipri", "sipri-exports-processed.csv"))})
  SELECT s.supplier, s.recipient,
    CASE WHEN sipri_kind(s.supplier) = 'state' THEN coalesce(sn.ccode, s.supplier_cown) END AS supplier_ccode,
    CASE WHEN sipri_kind(s.recipient) = 'state' THEN coalesce(rn.ccode, s.recipient_cown) END AS recipient_ccode,
    CASE WHEN sipri_kind(s.supplier) = 'state' THEN coalesce(sn.iso3, cow_iso3(s.supplier_cown, s.year)) END AS supplier_iso3,
    CASE WHEN sipri_kind(s.recipient) = 'state' THEN coalesce(rn.iso3, cow_iso3(s.recipient_cown, s.year)) END AS recipient_iso3,
    s.year, s.tiv, sipri_kind(s.supplier) AS supplier_kind, sipri_kind(s.recipient) AS recipient_kind,
    s.supplier_cown AS supplier_cown_source, s.recipient_cown AS recipient_cown_source
  FROM s LEFT JOIN sipri_names sn ON sn.name = s.supplier LEFT JOIN sipri_names rn ON rn.name = s.recipient`);
const SIPRI_FOCAL = 373;
await run(`CREATE TABLE sipri_scope AS SELECT DISTINCT iso3 FROM (
  SELECT cow_iso3(${SIPRI_FOCAL}, 2016) AS iso3
  UNION ALL SELECT iso3_2 FROM contiguity WHERE ccode1 = ${SIPRI_FOCAL} AND conttype BETWEEN 1 AND 5 AND endyear >= 2016)`);
// SIPRI names of the newer files → codes, from the 360info file's own coding (SIPRI renamed Turkey).
await run(`CREATE TABLE sipri_codes AS
  SELECT name, min(ccode) AS ccode, min(iso3) AS iso3 FROM (
    SELECT supplier AS name, supplier_ccode AS ccode, supplier_iso3 AS iso3 FROM sipri_all WHERE supplier_iso3 IS NOT NULL AND year >= 1992
    UNION ALL SELECT recipient, recipient_ccode, recipient_iso3 FROM sipri_all WHERE recipient_iso3 IS NOT NULL AND year >= 1992
  ) GROUP BY name
  UNION ALL SELECT 'Turkiye', 640, 'TUR'`);
const SIPRI_UPD = join(DATA, "update-2020-2025", "sipri");
const REGISTER = join(SIPRI_UPD, "sipri_transfers_2000-2023_south_caucasus_extract.csv");
const TIV2024 = join(SIPRI_UPD, "sipri_tiv_2024_supplier_recipient_long.csv");
// The register extract: one row per deal and delivery year; an empty TIV means no delivery.
await run(`CREATE TABLE sipri_register AS
  SELECT "Supplier" AS supplier, "Recipient" AS recipient, ${int('"Delivery year"')} AS year,
    sum(TRY_CAST("TIV delivery values" AS DOUBLE)) AS tiv, count(*)::INTEGER AS deals
  FROM read_csv(${q(REGISTER)}, skip=12, header=true, all_varchar=true, nullstr=[''])
  WHERE TRY_CAST("TIV delivery values" AS DOUBLE) IS NOT NULL GROUP BY ALL`);
// Recipients whose every delivery is in the register extract (it selects rows by recipient or
// supplier in these states), and the years it covers for them.
const REGISTER_YEARS = { from: 2021, to: 2023 };
await run(`CREATE TABLE sipri_register_recipients AS SELECT DISTINCT c.iso3 FROM sipri_register r
  JOIN sipri_codes c ON c.name = r.recipient WHERE c.iso3 IN ('AZE', 'ARM', 'GEO')`);
await run(`CREATE TABLE sipri_tiv2024 AS SELECT supplier, recipient, ${int("year")} AS year, TRY_CAST(tiv_mn AS DOUBLE) AS tiv
  FROM ${csv(TIV2024)} WHERE recipient <> 'TOTAL_STATED_BY_SIPRI'`);
const [tiv2024Suppliers] = await all<{ n: number }>(
  `SELECT count(DISTINCT supplier)::INTEGER n FROM ${csv(TIV2024)} WHERE recipient = 'TOTAL_STATED_BY_SIPRI'`,
);
await run(`CREATE MACRO sipri_kind2(n) AS CASE WHEN n LIKE '%**' THEN 'organisation' WHEN n LIKE '%*' THEN 'non-state'
  WHEN lower(n) LIKE 'unknown%' THEN 'unknown' ELSE 'state' END`);
const newRows = (table: string, source: string, where: string) => `
  SELECT r.supplier, r.recipient,
    CASE WHEN sipri_kind2(r.supplier) = 'state' THEN sc.ccode END, CASE WHEN sipri_kind2(r.recipient) = 'state' THEN rc.ccode END,
    CASE WHEN sipri_kind2(r.supplier) = 'state' THEN sc.iso3 END, CASE WHEN sipri_kind2(r.recipient) = 'state' THEN rc.iso3 END,
    r.year, r.tiv, sipri_kind2(r.supplier), sipri_kind2(r.recipient), NULL::INTEGER, NULL::INTEGER, ${q(source)}
  FROM ${table} r LEFT JOIN sipri_codes sc ON sc.name = r.supplier LEFT JOIN sipri_codes rc ON rc.name = r.recipient
  WHERE ${where}`;
await run(`CREATE TABLE sipri AS
  SELECT *, 'tiv-2022' AS source FROM sipri_all
  WHERE recipient_iso3 IN (SELECT iso3 FROM sipri_scope)
    AND NOT (recipient_iso3 IN (SELECT iso3 FROM sipri_register_recipients) AND year >= ${REGISTER_YEARS.from})
  UNION ALL ${newRows("sipri_register", "register-2025", `rc.iso3 IN (SELECT iso3 FROM sipri_register_recipients) AND r.year BETWEEN ${REGISTER_YEARS.from} AND ${REGISTER_YEARS.to}`)}
  UNION ALL ${newRows("sipri_tiv2024", "tiv-2024", "rc.iso3 IN (SELECT iso3 FROM sipri_scope)")}`);
const [badSipri] = await all<{ n: number }>(
  "SELECT count(*)::INTEGER n FROM sipri WHERE (supplier_kind = 'state' AND supplier_iso3 IS NULL) OR recipient_iso3 IS NULL OR tiv IS NULL",
);
if (badSipri.n > 0) throw new Error(`sipri: ${badSipri.n} extract rows without codes or TIV`);
// Which recipient-years the extract covers: a year inside a span with no row is a true zero
// (SIPRI lists every transfer); outside every span it is unknown.
await run(`CREATE TABLE sipri_coverage AS
  SELECT iso3 AS recipient_iso3, 1950 AS from_year,
    CASE WHEN iso3 IN (SELECT iso3 FROM sipri_register_recipients) THEN ${REGISTER_YEARS.from - 1} ELSE 2021 END AS to_year,
    'tiv-2022' AS source, true AS complete,
    'SIPRI TIV tables (downloaded 2022-07-28 by 360info): every supplier' AS note
  FROM sipri_scope
  UNION ALL SELECT iso3, ${REGISTER_YEARS.from}, ${REGISTER_YEARS.to}, 'register-2025', true,
    'SIPRI trade register (generated 3 Jan 2025), deliveries summed by supplier and year: every supplier'
  FROM sipri_register_recipients
  UNION ALL SELECT iso3, 2024, 2024, 'tiv-2024', false,
    'SIPRI TIV table for 2024 (generated 24 Apr 2025) as extracted for ${tiv2024Suppliers.n} suppliers: deliveries from other suppliers (and unknown suppliers) are not in it'
  FROM sipri_scope`);
const sipriStats = await all<{ source: string; rows: number; of: number }>(`
  SELECT 'tiv-2022' AS source, (SELECT count(*) FROM sipri WHERE source = 'tiv-2022')::INTEGER AS rows, (SELECT count(*) FROM sipri_all)::INTEGER AS "of"
  UNION ALL SELECT 'register-2025', (SELECT count(*) FROM sipri WHERE source = 'register-2025')::INTEGER, (SELECT count(*) FROM sipri_register)::INTEGER
  UNION ALL SELECT 'tiv-2024', (SELECT count(*) FROM sipri WHERE source = 'tiv-2024')::INTEGER, (SELECT count(*) FROM sipri_tiv2024)::INTEGER`);
const [sipriTivShare] = await all<{ share: number }>(
  "SELECT (SELECT sum(tiv) FROM sipri WHERE source = 'tiv-2022') / (SELECT sum(tiv) FROM sipri_all) AS share",
);
for (const st of sipriStats)
  if (st.source !== "register-2025" && st.rows >= 0.1 * st.of)
    throw new Error(`sipri: ${st.rows} of ${st.of} ${st.source} rows is not under 10 %`);
const sipriScope = (await all<{ iso3: string }>("SELECT iso3 FROM sipri_scope ORDER BY 1")).map(
  (r) => r.iso3,
);
const unmappedSipri = await all<{ side: string; name: string; kind: string; n: number }>(`
  SELECT 'supplier' AS side, supplier AS name, supplier_kind AS kind, count(*)::INTEGER n FROM sipri WHERE supplier_iso3 IS NULL GROUP BY ALL
  UNION ALL SELECT 'recipient', recipient, recipient_kind, count(*)::INTEGER FROM sipri WHERE recipient_iso3 IS NULL GROUP BY ALL ORDER BY 1, 4 DESC, 2`);

// ---- write -----------------------------------------------------------------------------------
const TABLES: { name: string; table: string; order: string }[] = [
  { name: "crosswalk", table: "crosswalk", order: "ccode, first_year" },
  { name: "states", table: "states", order: "ccode, styear" },
  { name: "state_years", table: "state_years_out", order: "year, ccode" },
  { name: "majors", table: "majors", order: "ccode, styear" },
  { name: "maoz_powers", table: "maoz_powers", order: "ccode" },
  { name: "capitals", table: "capitals", order: "ccode, stdate" },
  { name: "gw_states", table: "gw_states", order: "gwcode, startdate" },
  { name: "unvotes", table: "unvotes", order: "rcid, iso3" },
  { name: "roll_calls", table: "roll_calls", order: "rcid" },
  { name: "roll_call_issues", table: "roll_call_issues", order: "rcid, short_name" },
  { name: "idealpoints", table: "idealpoints", order: "ccode, year" },
  { name: "atop", table: "atop", order: "ccode1, ccode2, year" },
  { name: "contiguity", table: "contiguity", order: "ccode1, ccode2, stdate" },
  { name: "nmc", table: "nmc", order: "ccode, year" },
  { name: "igo_sy", table: "igo_sy", order: "ccode, year" },
  { name: "igo_ndy", table: "igo_ndy", order: "ccode1, ccode2, year" },
  { name: "trade_sy", table: "trade_sy", order: "ccode, year" },
  { name: "rivalries_td", table: "rivalries_td", order: "rivalryno" },
  { name: "rivalries_tss", table: "rivalries_tss", order: "tssr_id" },
  { name: "sipri", table: "sipri", order: "recipient, supplier, year, source" },
  { name: "sipri_coverage", table: "sipri_coverage", order: "recipient_iso3, from_year" },
];

// Coverage: years from the data itself; metadata from scripts/reference/sources.ts.
const coverage: Record<string, unknown>[] = [];
const counts = new Map<string, number>();
for (const t of TABLES) {
  const m = SOURCE_META[t.name];
  if (!m) throw new Error(`no source metadata for ${t.name}`);
  const [r] = await all<{ n: number; y0: number | null; y1: number | null }>(
    `SELECT count(*)::INTEGER n, ${m.years ? `min(${m.years.from})::INTEGER y0, max(${m.years.to})::INTEGER y1` : "NULL y0, NULL y1"} FROM ${t.table}`,
  );
  counts.set(t.name, r.n);
  coverage.push({
    source: m.source,
    dataset: m.dataset,
    table: `ref_${t.name}`,
    from_year: m.fromYear ?? r.y0,
    to_year: m.toYear ?? r.y1,
    unit: m.unit,
    rows: r.n,
    licence: m.licence,
    citation: m.citation,
    url: m.url,
    file: m.file,
  });
}
await run(
  `CREATE TABLE coverage (source VARCHAR, dataset VARCHAR, "table" VARCHAR, from_year INTEGER, to_year INTEGER, unit VARCHAR, "rows" INTEGER, licence VARCHAR, citation VARCHAR, url VARCHAR, file VARCHAR)`,
);
await run(
  `INSERT INTO coverage VALUES ${coverage
    .map(
      (c) =>
        `(${[c.source, c.dataset, c.table].map((x) => q(String(x))).join(", ")}, ${c.from_year ?? "NULL"}, ${c.to_year ?? "NULL"}, ${[c.unit, c.rows, c.licence, c.citation, c.url, c.file].map((x) => (typeof x === "number" ? x : q(String(x)))).join(", ")})`,
    )
    .join(", ")}`,
);
TABLES.push({ name: "coverage", table: "coverage", order: '"table"' });
counts.set("coverage", coverage.length);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sizes = new Map<string, number>();
for (const t of TABLES) {
  const file = join(OUT, `${t.name}.parquet`);
  await run(
    `COPY (SELECT * EXCLUDE (${t.name === "unvotes" ? "country" : "__none__"}) FROM ${t.table} ORDER BY ${t.order}) TO ${q(file)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19, ROW_GROUP_SIZE 1000000)`.replace(
      " EXCLUDE (__none__)",
      "",
    ),
  );
  sizes.set(t.name, statSync(file).size);
}

// ---- SOURCES.md --------------------------------------------------------------------------------
const kb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const noIso = await all<{ ccode: number; name: string; first_year: number; last_year: number }>(
  "SELECT ccode, name, first_year, last_year FROM crosswalk WHERE iso3 IS NULL ORDER BY ccode",
);
const lines: string[] = [];
lines.push(
  "# Sources of the shipped reference panel",
  "",
  "Written by `node --import tsx scripts/build-reference.ts` from the raw files in `../shared/data/reference/`",
  "(each listed with its origin commit in that folder's MANIFEST.md). Do not edit by hand: change the script and rebuild.",
  "Every file is Parquet (ZSTD) written by DuckDB and is exposed in the store as a view `ref_<name>`",
  "(`src/store/attach-panel.ts`). `ana sources` prints the coverage table (`ref_coverage`).",
  "",
  "**Missing is missing.** After a source's last year (`to_year`) a value is unknown, never zero; COW's `-9`",
  "and R's `NA` are NULL. Contiguity, major-power status and COW state spells end in 2016; ANA functions that",
  "need them later say so (see `docs/reference-panel.md`, level rule).",
  "",
  "Years are calendar years. UN votes and roll calls carry the year of the roll call's date (never the",
  "source's `year` column, which says 2022 for sessions 77 and 78). Sessions to 74 (last vote 14 Jan 2020) come",
  "from the unvotes package's copy of Voeten's data; sessions 75–78 (5 Nov 2020 – 4 Jun 2024) from Voeten's",
  "Dataverse vote file as prepared in fpsim (`update-2020-2025/unvotes/`). Where both copies hold a roll call",
  "(sessions 66–74) they agree; `test/data/panel/unvotes-update.test.ts` checks it, matching roll calls by date",
  "and vote pattern (the id systems differ: `rcid` vs `resid`, kept as `rcid` from 75001 on). Roll calls of",
  "sessions 75–78 have no resolution symbol, description or issue code (the update file has none). 2024 holds",
  "only the votes to 4 June 2024 (session 78); session 79 is not in the panel.",
  "SIPRI: see the SIPRI section below.",
  "",
  "## Tables",
  "",
  "| table | rows | file size | years | unit | source | licence |",
  "|---|---:|---:|---|---|---|---|",
);
for (const c of coverage) {
  const name = String(c.table).slice(4);
  lines.push(
    `| \`${c.table}\` | ${Number(c.rows).toLocaleString("en-US")} | ${kb(sizes.get(name)!)} | ${c.from_year ?? "—"}–${c.to_year ?? "—"} | ${c.unit} | ${c.dataset} | ${c.licence} |`,
  );
}
lines.push(
  `| \`ref_coverage\` | ${coverage.length} | ${kb(sizes.get("coverage")!)} | — | — | this file | — |`,
  "",
  `Total: ${kb(total)} in ${sizes.size} files.`,
  "",
);
lines.push("## Citations and origin", "");
const seen = new Set<string>();
for (const c of coverage) {
  const key = `${c.dataset}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const tables = coverage
    .filter((d) => d.dataset === c.dataset)
    .map((d) => `\`${d.table}\``)
    .join(", ");
  lines.push(
    `- **${c.dataset}** (${tables}; raw file ${c.file}): ${c.citation} Origin: ${c.url}. Licence: ${c.licence}.`,
  );
}
lines.push(
  "",
  "## Keys: ISO3 and the COW crosswalk (`ref_crosswalk`)",
  "",
  "Every table keyed by COW code also carries ISO3 (`iso3`, `iso3_1`, `iso3_2`, `supplier_iso3`, …) computed",
  "from `ref_crosswalk`. The rule: a COW state gets the ISO 3166-1 alpha-3 code of the state COW treats as the same",
  "state, as in Voeten's ideal-point file (`rule = voeten`), except (`rule = override`, `split by year`):",
  "",
  "- 255 Germany and 260 German Federal Republic → DEU (ISO gave DEU to the Federal Republic); 265 GDR → DDR; 315 Czechoslovakia → CSK.",
  "- 365 Russia/USSR → RUS for all years (continuator of the USSR's UN seat and COW code; ISO's SUN is not used).",
  "- 345 Serbia/Yugoslavia (one COW state since 1878) → YUG until 2005, SRB from 2006.",
  "- 678 Yemen Arab Republic → YAR (not ISO; as in Voeten, so that YEM is 679 alone); 680 Yemen People's Republic → YMD (ISO 3166-1; Voeten's file repeats YAR).",
  "- 713 Taiwan → TWN for all years (Voeten's file stops in 1971); 347 Kosovo → XKX (user-assigned code used by the EU and IMF); 816 Vietnam → VNM.",
  "- No ISO3 (NULL; join these by ccode only):",
  ...noIso.map((r) => `  - ${r.ccode} ${r.name} (${r.first_year}–${r.last_year})`),
  "",
  "In a transition year two COW codes can share an ISO3 (DEU in 1990: 260 and 255; YAR/YEM do not). `iso3ToCow` picks",
  "the state that lasts longer (the successor: 255 in 1990).",
  "",
  "## SIPRI: an extract within SIPRI's fair-use terms (`ref_sipri`, `ref_sipri_coverage`)",
  "",
  "SIPRI's terms: free non-commercial use with the credit line **\"Information from the SIPRI Arms Transfers",
  'Database"**; fair use is under 10 % of a data set; calculations must not be attributed to SIPRI. Earlier',
  "panels redistributed the whole TIV register (360info's copy, 21,324 rows); this one ships an extract:",
  `deliveries **to** Azerbaijan and its neighbourhood by ANA's level rule (COW direct contiguity 1–5, open in 2016): ${sipriScope.join(", ")}.`,
  "The Azerbaijan scenario names 61 states; deliveries to all of them are 11,043 of the 21,324 rows (52 %), not fair use,",
  "so the extract keeps the focal state and its neighbours. For any other state, import your own SIPRI download",
  "(`ana panel import sipri <file>`, docs/reference-panel.md).",
  "",
  "| part | source file | years | rows kept | of rows in the source (supplier × recipient × year) | note |",
  "|---|---|---|---:|---:|---|",
  ...sipriStats.map(
    (st) =>
      `| ${st.source} | ${
        {
          "tiv-2022":
            "reference/sipri/sipri-exports-processed.csv (SIPRI TIV tables, downloaded 2022-07-28 by 360info; CC BY 4.0 processing)",
          "register-2025":
            "update-2020-2025/sipri/sipri_transfers_2000-2023_south_caucasus_extract.csv (SIPRI trade register, generated 3 Jan 2025)",
          "tiv-2024":
            "update-2020-2025/sipri/sipri_tiv_2024_supplier_recipient_long.csv (SIPRI TIV table 2024, generated 24 Apr 2025)",
        }[st.source]
      } | ${{ "tiv-2022": "1950–2021 (2020 for AZE, ARM, GEO)", "register-2025": "2021–2023", "tiv-2024": "2024" }[st.source]} | ${st.rows} | ${st.of} (${((100 * st.rows) / st.of).toFixed(1)} %) | ${
        {
          "tiv-2022": `${(100 * sipriTivShare.share).toFixed(1)} % of the file's TIV`,
          "register-2025":
            "deliveries to AZE, ARM, GEO summed by supplier and year (deal rows of an extract already limited to those states)",
          "tiv-2024": `the table lists ${tiv2024Suppliers.n} suppliers: 2024 is incomplete (\`complete = false\` in ref_sipri_coverage)`,
        }[st.source]
      } |`,
  ),
  "",
  "Column `source` says which part a row comes from. For AZE, ARM and GEO the 2021–2023 deliveries come from the",
  "2025 register (newer than the 2022 TIV tables, which SIPRI revises), earlier years from the TIV tables. SIPRI",
  "renamed Turkey 'Turkiye': both map to TUR. `ref_sipri_coverage` lists, per recipient, the years each part covers",
  "(`complete`: whether every supplier is in it). Inside a complete span a year without rows is a true zero",
  "(SIPRI lists every transfer); outside every span — IRN, KAZ, RUS, TKM, TUR in 2022–2023, any state not in the",
  "extract — deliveries are unknown, never zero. In 2024 deliveries by suppliers outside the table are unknown.",
  "",
  "## Ideal points: provenance (`ref_idealpoints`)",
  "",
  "Bailey, Strezhnev & Voeten's estimates as released by Voeten on the Harvard Dataverse (doi:10.7910/DVN/LEJUQZ,",
  "file `IdealpointsJuly2025.tab`, CC0). The shipped file is not a direct Dataverse download: it was converted from",
  "the Stata copy `IdealpointsJuly2025.dta` (11,440 rows × 24 variables) held in github.com/lucasbuildsapps/Masterthesis",
  "(commit 5298218d), together with Voeten's codebook (../shared/data/reference/MANIFEST.md §4). The Dataverse could",
  "not be reached from this build, so the copy was not compared byte for byte with the original; its columns and",
  "coverage agree with Voeten's codebook (version of 28 July 2025, stored beside it). Coverage: `idealpointfp` (final-passage",
  "votes) 1946–2024, `idealpointall` (all votes) to 2023; 2024 has 191 states. ANA does not re-estimate ideal",
  "points (the published dynamic IRT method is not implemented): years after 2024 are missing.",
  "",
  "## Unmapped codes",
  "",
  `UN votes (\`un_votes.csv\`, ISO2 → ISO3 via mledoze/countries \`cca2\`/\`cca3\`, ODbL, plus ISO 3166-3 codes CS → CSK, DD → DDR, YD → YMD;`,
  `"YU" → YUG before 2006, SRB from 2006). The R data write R's missing value as the string "NA", which is also Namibia's ISO2 code:`,
  `those rows are told apart by country name (Namibia → NAM, Federal Republic of Germany → DEU, Yemen Arab Republic → YAR).`,
  "Rows kept with iso3 NULL (their ccode is kept):",
  ...(unmappedVotes.length
    ? unmappedVotes.map((u) => `- ${u.country} (code "${u.country_code}"): ${u.n} votes`)
    : ["- none"]),
  "",
  `UN votes of sessions 75–78 (\`voeten_unga_votes_sessions66-78_via_fpsim.csv\`, keyed by COW code): every code maps to ISO3.`,
  `A roll call's date is the day of most of its votes; ${offDay[0].rows} vote rows in ${offDay[0].rcs} roll calls of session 78 carry another`,
  "day (1–3 rows each, some repeating a state's vote) and are left out rather than assigned to a guessed roll call.",
  `Türkiye (COW 640) has ${turkey.map((t) => `${t.n} votes of ${t.rc} roll calls in session ${t.session}`).join(", ")} in that file:`,
  "the file cannot tell an upstream gap from absence (absences are not rows); either way Türkiye's alignment in",
  '2023–2024 rests on 2–3 roll calls and is "no data" under the 40-roll-call minimum.',
  "",
  "SIPRI: names ending in `*` are non-state armed groups and `**` international organisations",
  "(SIPRI's convention). The 360info file gives many of them the COW code of the state they operate in; ANA gives them",
  "no state code (`supplier_ccode`/`recipient_ccode`/`*_iso3` NULL, the file's code kept in `*_cown_source`), so a state's",
  "arms imports never include deliveries to rebels on its soil. Serbia and Micronesia lack a code in the file and get",
  "345/SRB and 987/FSM; Palestine, Western Sahara and Aruba get ISO3 PSE, ESH, ABW without a COW code. Rows without",
  "a state ISO3 (kept, with `*_kind`):",
  "",
  "| side | name | kind | rows |",
  "|---|---|---|---:|",
  ...unmappedSipri.map((u) => `| ${u.side} | ${u.name} | ${u.kind} | ${u.n} |`),
  "",
  "COW codes without an ISO3 in any table are the historic states listed above.",
  "",
);
// Only the reference-panel part of data/SOURCES.md is generated: text after the end marker (other
// datasets' sections, edited by hand) is kept as it is.
const BEGIN = "<!-- BEGIN reference panel: generated by scripts/build-reference.ts -->";
const END = "<!-- END reference panel -->";
const LEGACY_END = "COW codes without an ISO3 in any table are the historic states listed above.\n";
const sourcesMd = join(REPO, "data", "SOURCES.md");
let rest = "";
let head = "";
if (existsSync(sourcesMd)) {
  const old = readFileSync(sourcesMd, "utf8");
  const b = old.indexOf(BEGIN);
  if (b > 0) head = old.slice(0, b);
  const e = old.indexOf(END);
  const l = old.indexOf(LEGACY_END);
  if (e >= 0) rest = old.slice(e + END.length).replace(/^\n/, "");
  else if (l >= 0) rest = old.slice(l + LEGACY_END.length);
}
writeFileSync(sourcesMd, `${head}${BEGIN}\n${lines.join("\n")}${END}\n${rest}`);

process.stdout.write(`wrote ${sizes.size} files (${kb(total)}) to ${OUT}\n`);
for (const t of TABLES)
  process.stdout.write(
    `  ${t.name.padEnd(18)} ${String(counts.get(t.name)).padStart(8)} rows  ${kb(sizes.get(t.name)!)}\n`,
  );
if (missing.length)
  process.stdout.write(`COW codes without ISO3: ${missing.map((m) => m.ccode).join(", ")}\n`);
process.stdout.write(`unmapped UN votes: ${JSON.stringify(unmappedVotes)}\n`);
if (readdirSync(OUT).length !== TABLES.length)
  throw new Error("unexpected files in data/reference");
