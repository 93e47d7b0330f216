import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { armsImports } from "../../../src/data/panel/arms-imports.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords, sharedReference } from "../../util/shared-data.ts";

// SIPRI names of the extract's recipients (Azerbaijan and its COW-contiguous neighbours).
const SCOPE_NAMES = new Set([
  "Azerbaijan",
  "Armenia",
  "Georgia",
  "Iran",
  "Russia",
  "Soviet Union",
  "Turkey",
  "Kazakhstan",
  "Turkmenistan",
]);
const SCOPE = ["ARM", "AZE", "GEO", "IRN", "KAZ", "RUS", "TKM", "TUR"];

function updateFile(name: string): string {
  const shared = sharedReference();
  const f = shared ? join(shared, "..", "update-2020-2025", "sipri", name) : undefined;
  if (!f || !existsSync(f))
    throw new Error(`sipri test: needs ../shared/data/update-2020-2025/sipri/${name}`);
  return f;
}

/** The register extract without its '#' preamble, read with the tests' own CSV reader. */
function register(): { header: string[]; rows: string[][] } {
  const { header, rows } = readCsvRecords(
    updateFile("sipri_transfers_2000-2023_south_caucasus_extract.csv"),
  );
  // readCsvRecords takes the first line as the header: skip the preamble lines.
  const all = [header, ...rows].filter((r) => !r[0].startsWith("#"));
  return { header: all[0], rows: all.slice(1) };
}

describe("SIPRI arms transfers in the panel (an extract within SIPRI's fair use)", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  test("Azerbaijan has the MANIFEST's 85 recipient rows of the TIV tables with the raw years and TIV values", async () => {
    const { header, rows } = readCsvRecords(
      fileURLToPath(new URL("sipri_AZE_KAZ.csv", import.meta.url)),
    );
    const [iRec, iYear, iVal] = ["recipient", "year", "value"].map((c) => header.indexOf(c));
    const raw = rows.filter((r) => r[iRec] === "Azerbaijan");
    assert.equal(raw.length, 85);
    const [got] = await store.all<{ n: number; y0: number; y1: number; tiv: number }>(
      "SELECT count(*)::INTEGER AS n, min(year)::INTEGER AS y0, max(year)::INTEGER AS y1, sum(tiv) AS tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND source = 'tiv-2022'",
    );
    const years = raw.map((r) => Number(r[iYear]));
    assert.deepEqual([got.n, got.y0, got.y1], [85, Math.min(...years), Math.max(...years)]);
    assert.equal(
      got.tiv,
      raw.reduce((s, r) => s + Number(r[iVal]), 0),
    );
  });

  test("the shipped TIV-table rows are exactly the deliveries to the eight states, under 10 % of the register", async () => {
    const shared = sharedReference();
    assert.ok(shared, "needs ../shared/data/reference");
    const { header, rows } = readCsvRecords(join(shared, "sipri", "sipri-exports-processed.csv"));
    const [iRec, iYear] = ["recipient", "year"].map((c) => header.indexOf(c));
    // AZE, ARM and GEO take 2021 on from the 2025 register instead.
    const kept = rows.filter(
      (r) =>
        SCOPE_NAMES.has(r[iRec]) &&
        !(["Azerbaijan", "Armenia", "Georgia"].includes(r[iRec]) && Number(r[iYear]) >= 2021),
    );
    const [got] = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_sipri WHERE source = 'tiv-2022'",
    );
    assert.equal(got.n, kept.length);
    assert.ok(got.n < 0.1 * rows.length, `${got.n} of ${rows.length}`);
    const recips = await store.all<{ r: string }>(
      "SELECT DISTINCT recipient_iso3 AS r FROM ref_sipri ORDER BY 1",
    );
    assert.deepEqual(
      recips.map((r) => r.r),
      SCOPE,
    );
    const [t] = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_sipri WHERE source = 'tiv-2024'",
    );
    const tiv = readCsvRecords(updateFile("sipri_tiv_2024_supplier_recipient_long.csv"));
    const body = tiv.rows.filter((r) => r[1] !== "TOTAL_STATED_BY_SIPRI");
    assert.ok(t.n < 0.1 * body.length, `${t.n} of ${body.length} rows of the 2024 table`);
  });

  test("Azerbaijan's 2021–2023 deliveries equal the register extract summed by supplier and year; 2021 had none", async () => {
    const { header, rows } = register();
    const col = (c: string) => header.indexOf(c);
    const [iS, iR, iY, iT] = [
      "Supplier",
      "Recipient",
      "Delivery year",
      "TIV delivery values",
    ].map(col);
    const expected = new Map<string, number>();
    for (const r of rows) {
      const y = Number(r[iY]);
      if (r[iR] !== "Azerbaijan" || y < 2021 || y > 2023 || r[iT] === "") continue;
      const k = `${y}|${r[iS]}`;
      expected.set(k, (expected.get(k) ?? 0) + Number(r[iT]));
    }
    const got = await store.all<{ year: number; supplier: string; tiv: number }>(
      "SELECT year::INTEGER AS year, supplier, tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND year BETWEEN 2021 AND 2023 ORDER BY 1, 2",
    );
    assert.equal(got.length, expected.size);
    for (const g of got)
      assert.ok(Math.abs(g.tiv - (expected.get(`${g.year}|${g.supplier}`) ?? Number.NaN)) < 1e-9);
    assert.ok(!got.some((g) => g.year === 2021));
    const imports = await armsImports(store, "AZE", 2021, 2024);
    assert.deepEqual(
      imports.filter((i) => i.year === 2022).map((i) => i.supplier_iso3),
      ["TUR"],
    );
  });

  test("Azerbaijan's 2024 deliveries are the 2024 TIV table's rows, and 2024 is marked incomplete", async () => {
    const { rows } = readCsvRecords(updateFile("sipri_tiv_2024_supplier_recipient_long.csv"));
    const raw = rows
      .filter((r) => r[1] === "Azerbaijan")
      .map((r) => [r[0], Number(r[3])] as const)
      .sort();
    const got = await store.all<{ supplier: string; tiv: number }>(
      "SELECT supplier, tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND year = 2024 ORDER BY 1",
    );
    assert.deepEqual(
      got.map((g) => [g.supplier, g.tiv]),
      raw,
    );
    const cov = await store.all<{ from_year: number; to_year: number; complete: boolean }>(
      "SELECT from_year, to_year, complete FROM ref_sipri_coverage WHERE recipient_iso3 = 'AZE' ORDER BY from_year",
    );
    assert.deepEqual(
      cov.map((c) => [c.from_year, c.to_year, c.complete]),
      [
        [1950, 2020, true],
        [2021, 2023, true],
        [2024, 2024, false],
      ],
    );
  });

  test("non-state and unknown suppliers get no state code, so they never count as a state's supplier", async () => {
    const [r] = await store.all<{ bad: number }>(
      `SELECT count(*) FILTER (WHERE supplier_kind <> 'state' AND (supplier_iso3 IS NOT NULL OR supplier_ccode IS NOT NULL))::INTEGER AS bad FROM ref_sipri`,
    );
    assert.equal(r.bad, 0);
    const irn = await armsImports(store, "IRN");
    assert.ok(irn.length > 0 && irn.every((a) => a.supplier_iso3 !== null));
    const [fromRaw] = await store.all<{ tiv: number }>(
      "SELECT sum(tiv) AS tiv FROM ref_sipri WHERE recipient_iso3 = 'IRN' AND supplier_kind = 'state' AND supplier_iso3 IS NOT NULL",
    );
    assert.equal(
      irn.reduce((s, a) => s + a.tiv, 0),
      fromRaw.tiv,
    );
  });
});
