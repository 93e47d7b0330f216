import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { coverage } from "../../../src/data/panel/coverage.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords, sharedReference, sourcesMdCounts } from "../../util/shared-data.ts";

// Row counts as stated in ../shared/data/reference/MANIFEST.md. UN votes and roll calls also hold
// sessions 75–78 from update-2020-2025/ (whose MANIFEST counts sessions 65–78 together): they are
// checked by the recount below. SIPRI is an extract, recounted in sipri.test.ts.
const MANIFEST_ROWS: Record<string, number> = {
  roll_call_issues: 5745,
  atop: 273296,
  contiguity: 1874,
  igo_ndy: 917695,
  igo_sy: 15557,
  nmc: 17121,
  trade_sy: 14410,
  states: 243,
  majors: 14,
  capitals: 242,
  rivalries_td: 197,
  rivalries_tss: 264,
  idealpoints: 11440,
};
// Years as stated in the MANIFESTs (roll-call dates: session 74 reaches 2020, session 78 June 2024).
const MANIFEST_YEARS: Record<string, [number, number]> = {
  atop: [1815, 2018],
  igo_sy: [1816, 2014],
  igo_ndy: [1816, 2014],
  nmc: [1816, 2022],
  trade_sy: [1870, 2014],
  sipri: [1950, 2024], // the extract: TIV tables from 1950, the 2024 TIV table (update MANIFEST)
  idealpoints: [1946, 2024],
  roll_calls: [1946, 2024],
};

// Raw file and year column of each table, for the independent recount.
const RAW: Record<string, { file: string; year?: string; update?: "votes" | "rollCalls" }> = {
  unvotes: { file: "unvotes/un_votes.csv", update: "votes" },
  roll_calls: { file: "unvotes/un_roll_calls.csv", year: "date", update: "rollCalls" },
  roll_call_issues: { file: "unvotes/un_roll_call_issues.csv" },
  atop: { file: "peacesciencer/atop_alliance.csv", year: "year" },
  contiguity: { file: "peacesciencer/cow_contdir.csv" },
  igo_ndy: { file: "peacesciencer/cow_igo_ndy.csv", year: "year" },
  igo_sy: { file: "peacesciencer/cow_igo_sy.csv", year: "year" },
  nmc: { file: "peacesciencer/cow_nmc.csv", year: "year" },
  trade_sy: { file: "peacesciencer/cow_trade_sy.csv", year: "year" },
  states: { file: "peacesciencer/cow_states.csv" },
  majors: { file: "peacesciencer/cow_majors.csv" },
  capitals: { file: "peacesciencer/cow_capitals.csv" },
  gw_states: { file: "peacesciencer/gw_states.csv" },
  maoz_powers: { file: "peacesciencer/maoz_powers.csv" },
  rivalries_td: { file: "peacesciencer/td_rivalries.csv" },
  rivalries_tss: { file: "peacesciencer/tss_rivalries.csv" },
  idealpoints: { file: "voeten/IdealpointsJuly2025.csv", year: "year" },
  state_years: { file: "cow_state_years_from_cow_ddy.csv", year: "year" },
};

/**
 * Sessions 75–78 of the shared update file, counted as the build's rule says: a roll call's date is
 * the day of most of its votes; votes recorded on another day are not counted.
 */
function updateRecount(shared: string): { votes: number; rollCalls: number; years: number[] } {
  const { header, rows } = readCsvRecords(
    join(shared, "..", "update-2020-2025", "unvotes", "voeten_unga_votes_sessions66-78_via_fpsim.csv"),
  );
  const [iRes, iSes, iDate] = ["resid", "session", "date"].map((c) => header.indexOf(c));
  const byRc = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (Number(r[iSes]) < 75) continue;
    const d = byRc.get(r[iRes]) ?? new Map<string, number>();
    d.set(r[iDate], (d.get(r[iDate]) ?? 0) + 1);
    byRc.set(r[iRes], d);
  }
  let votes = 0;
  const years: number[] = [];
  for (const d of byRc.values()) {
    const [date, n] = [...d].sort((a, b) => b[1] - a[1])[0];
    votes += n;
    years.push(Number(date.slice(0, 4)));
  }
  return { votes, rollCalls: byRc.size, years };
}

describe("reference panel coverage", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  const count = async (name: string) =>
    (await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ref_${name}`))[0].n;

  test("every panel table has the row count stated in the shared MANIFEST", async () => {
    for (const [name, n] of Object.entries(MANIFEST_ROWS)) assert.equal(await count(name), n, name);
  });

  test("coverage(store) gives the MANIFEST's years and a row per table with licence and citation", async () => {
    const rows = await coverage(store);
    const by = new Map(rows.map((r) => [r.table, r]));
    for (const [name, [y0, y1]] of Object.entries(MANIFEST_YEARS)) {
      const r = by.get(`ref_${name}`);
      assert.ok(r, name);
      assert.deepEqual([r.from_year, r.to_year], [y0, y1], name);
    }
    assert.equal(by.get("ref_contiguity")?.to_year, 2016);
    for (const r of rows) {
      assert.ok(r.licence.length > 3 && r.citation.length > 10 && r.url.length > 5, r.table);
      assert.equal(r.rows, await count(r.table.slice(4)), r.table);
    }
  });

  test("row counts and years equal a recount of the raw CSVs (or data/SOURCES.md without them)", async () => {
    const shared = sharedReference();
    const recorded = sourcesMdCounts();
    const rows = new Map((await coverage(store)).map((r) => [r.table, r]));
    for (const [name, raw] of Object.entries(RAW)) {
      let expected: { rows: number; from?: number; to?: number };
      if (shared) {
        const { header, rows: recs } = readCsvRecords(join(shared, raw.file));
        expected = { rows: recs.length };
        const upd = raw.update ? updateRecount(shared) : undefined;
        if (upd) expected.rows += raw.update === "votes" ? upd.votes : upd.rollCalls;
        if (raw.year) {
          const i = header.indexOf(raw.year);
          const ys = recs.map((r) => Number(r[i].slice(0, 4))).filter(Number.isFinite);
          if (upd) ys.push(...upd.years);
          expected.from = ys.reduce((a, b) => Math.min(a, b));
          expected.to = ys.reduce((a, b) => Math.max(a, b));
        }
      } else {
        const r = recorded.get(`ref_${name}`);
        assert.ok(r, `data/SOURCES.md records ref_${name}`);
        expected = r;
        if (!raw.year) delete expected.from;
      }
      assert.equal(await count(name), expected.rows, name);
      if (raw.year) {
        const c = rows.get(`ref_${name}`)!;
        assert.deepEqual([c.from_year, c.to_year], [expected.from, expected.to], name);
      }
    }
  });

  test("COW's -9 and R's NA are NULL, never 0 or negative", async () => {
    const [r] = await store.all<{ neg: number; nulls: number }>(
      "SELECT count(*) FILTER (WHERE milex < 0 OR milper < 0 OR tpop < 0 OR cinc < 0)::INTEGER AS neg, count(*) FILTER (WHERE milex IS NULL)::INTEGER AS nulls FROM ref_nmc",
    );
    assert.equal(r.neg, 0);
    assert.ok(r.nulls > 0);
    const [t] = await store.all<{ neg: number }>(
      "SELECT count(*)::INTEGER AS neg FROM ref_trade_sy WHERE imports < 0 OR exports < 0",
    );
    assert.equal(t.neg, 0);
  });
});
