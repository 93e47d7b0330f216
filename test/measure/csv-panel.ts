// Test and benchmark helper: the reference panel's `ref_*` views built straight from the shared
// CSVs (/work/shared/data/reference), for use until (or where) the shipped Parquet panel is not
// attached. Same view names and columns as the panel contract; nothing here is shipped.
import { existsSync, readFileSync } from "node:fs";
import type { Store } from "../../src/store/store.ts";

export const SHARED = process.env.ANA_SHARED_DATA ?? "/work/shared/data";
const REF = `${SHARED}/reference`;

async function hasView(store: Store, name: string): Promise<boolean> {
  const r = await store.all<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_views() WHERE view_name = ? UNION ALL SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
    [name, name],
  );
  return r.some((x) => x.n > 0);
}

/** Whether the shared CSVs are on this machine. */
export function sharedPanelAvailable(): boolean {
  return existsSync(`${REF}/unvotes/un_votes.csv`);
}

/** Create any missing `ref_*` view from the shared CSVs (the attached Parquet panel wins). */
export async function ensurePanel(store: Store): Promise<void> {
  // The shipped Parquet panel is attached by Store.open: use it as it is.
  if (await hasView(store, "ref_unvotes")) return;
  if (!(await hasView(store, "csv_iso2"))) {
    const countries = JSON.parse(readFileSync(`${SHARED}/geo/mledoze_countries.json`, "utf8")) as {
      cca2: string;
      cca3: string;
    }[];
    const pairs = countries.map((c) => [c.cca2, c.cca3]);
    // Historical UN members without a current ISO code.
    pairs.push(["CS", "CSK"], ["YU", "YUG"], ["DD", "DDR"], ["YD", "YMD"]);
    await store.run("CREATE TEMP TABLE csv_iso2 (iso2 VARCHAR, iso3 VARCHAR)");
    await store.run(
      `INSERT INTO csv_iso2 VALUES ${pairs.map(() => "(?, ?)").join(", ")}`,
      pairs.flat(),
    );
  }
  // One ISO3 per COW code (the crosswalk also lists some codes again with an empty ISO3).
  const cw = `(SELECT ccode, any_value(iso3c) AS iso3c FROM read_csv('${REF}/cow_iso3_crosswalk_from_voeten.csv', header=true, nullstr='NA', all_varchar=true) WHERE iso3c IS NOT NULL AND iso3c <> '' GROUP BY ccode)`;
  const views: Record<string, string> = {
    // One vote per (rcid, state): the CSV lists Namibia twice on some 1970s–80s roll calls.
    ref_unvotes: `SELECT DISTINCT ON (rcid, iso3) * FROM (SELECT v.rcid::INTEGER AS rcid, year(rc.date::DATE)::INTEGER AS year,
        coalesce(m.iso3, CASE v.country WHEN 'Federal Republic of Germany' THEN 'DEU' WHEN 'Namibia' THEN 'NAM'
          WHEN 'Yemen Arab Republic' THEN 'YEM' ELSE v.country END) AS iso3,
        CASE v.vote WHEN 'yes' THEN 1 WHEN 'abstain' THEN 2 WHEN 'no' THEN 3 END::TINYINT AS vote
      FROM read_csv('${REF}/unvotes/un_votes.csv', header=true, nullstr='', all_varchar=true) v
      JOIN read_csv('${REF}/unvotes/un_roll_calls.csv', header=true, all_varchar=true) rc ON rc.rcid = v.rcid
      LEFT JOIN csv_iso2 m ON m.iso2 = v.country_code) ORDER BY rcid, iso3`,
    ref_idealpoints: `SELECT ccode::INTEGER AS ccode, iso3c AS iso3, year::INTEGER AS year, idealpointfp::DOUBLE AS idealpointfp,
        idealpointall::DOUBLE AS idealpointall, countryname FROM read_csv('${REF}/voeten/IdealpointsJuly2025.csv', header=true, nullstr='', all_varchar=true)`,
    ref_state_years: `SELECT s.ccode::INTEGER AS ccode, c.iso3c AS iso3, s.year::INTEGER AS year
      FROM read_csv('${REF}/cow_state_years_from_cow_ddy.csv', header=true) s LEFT JOIN ${cw} c ON c.ccode::INTEGER = s.ccode`,
    ref_atop: `SELECT a.ccode1::INTEGER AS ccode1, a.ccode2::INTEGER AS ccode2, c1.iso3c AS iso3_1, c2.iso3c AS iso3_2, a.year::INTEGER AS year,
        atop_defense AS defense, atop_offense AS offense, atop_neutral AS neutral, atop_nonagg AS nonagg, atop_consul AS consul
      FROM read_csv('${REF}/peacesciencer/atop_alliance.csv', header=true, nullstr='NA') a
      LEFT JOIN ${cw} c1 ON c1.ccode::INTEGER = a.ccode1 LEFT JOIN ${cw} c2 ON c2.ccode::INTEGER = a.ccode2`,
    ref_nmc: `SELECT n.ccode::INTEGER AS ccode, c.iso3c AS iso3, n.year::INTEGER AS year, n.milex, n.milper, n.irst, n.pec, n.tpop, n.upop, n.cinc::DOUBLE AS cinc
      FROM read_csv('${REF}/peacesciencer/cow_nmc.csv', header=true, nullstr='NA') n LEFT JOIN ${cw} c ON c.ccode::INTEGER = n.ccode`,
    ref_sipri: `SELECT cs.iso3c AS supplier_iso3, cr.iso3c AS recipient_iso3, s.year::INTEGER AS year, s.value::DOUBLE AS tiv, s.supplier, s.recipient
      FROM read_csv('${REF}/sipri/sipri-exports-processed.csv', header=true, nullstr='NA') s
      LEFT JOIN ${cw} cs ON cs.ccode::INTEGER = s.supplier_cown LEFT JOIN ${cw} cr ON cr.ccode::INTEGER = s.recipient_cown`,
    ref_trade_sy: `SELECT c.iso3c AS iso3, t.ccode::INTEGER AS ccode, t.year::INTEGER AS year, t.imports::DOUBLE AS imports, t.exports::DOUBLE AS exports
      FROM read_csv('${REF}/peacesciencer/cow_trade_sy.csv', header=true, nullstr='NA') t LEFT JOIN ${cw} c ON c.ccode::INTEGER = t.ccode`,
    ref_igo_sy: `SELECT c.iso3c AS iso3, t.ccode::INTEGER AS ccode, t.year::INTEGER AS year, t.sum_igo_full, t.sum_igo_associate, t.sum_igo_observer, t.sum_igo_anytype
      FROM read_csv('${REF}/peacesciencer/cow_igo_sy.csv', header=true, nullstr='NA') t LEFT JOIN ${cw} c ON c.ccode::INTEGER = t.ccode`,
    ref_coverage: `SELECT * FROM (VALUES ('unvotes','ref_unvotes',1946,2019), ('voeten','ref_idealpoints',1946,2024),
        ('atop','ref_atop',1815,2018), ('cow-nmc','ref_nmc',1816,2022), ('sipri','ref_sipri',1950,2021),
        ('cow-trade','ref_trade_sy',1870,2014), ('cow-igo','ref_igo_sy',1816,2014)) t(source, "table", from_year, to_year), (SELECT NULL::VARCHAR AS citation)`,
  };
  for (const [name, sql] of Object.entries(views)) {
    if (await hasView(store, name)) continue;
    // Tables, not views: re-reading a 20 MB CSV on every query would dominate the tests.
    await store.run(`CREATE TEMP TABLE ${name} AS ${sql}`);
  }
}

/** Materialise the vote view as a table (what the Parquet view costs to scan is a table scan too). */
export async function materialiseVotes(store: Store): Promise<void> {
  await ensurePanel(store);
  if (await hasView(store, "csv_votes")) return;
  await store.run("CREATE TEMP TABLE csv_votes AS SELECT * FROM ref_unvotes");
}
