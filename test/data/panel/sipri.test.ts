import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { armsImports } from "../../../src/data/panel/arms-imports.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords } from "../../util/shared-data.ts";

describe("SIPRI arms transfers in the panel", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  test("Azerbaijan has the MANIFEST's 85 recipient rows with the raw years and TIV values", async () => {
    const { header, rows } = readCsvRecords(
      fileURLToPath(new URL("sipri_AZE_KAZ.csv", import.meta.url)),
    );
    const [iRec, iYear, iVal] = ["recipient", "year", "value"].map((c) => header.indexOf(c));
    const raw = rows.filter((r) => r[iRec] === "Azerbaijan");
    assert.equal(raw.length, 85);
    const [got] = await store.all<{ n: number; y0: number; y1: number; tiv: number }>(
      "SELECT count(*)::INTEGER AS n, min(year)::INTEGER AS y0, max(year)::INTEGER AS y1, sum(tiv) AS tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE'",
    );
    const years = raw.map((r) => Number(r[iYear]));
    // The raw rows run 1993–2020 (the MANIFEST's "1993–2021" is the file's span, not Azerbaijan's).
    assert.deepEqual([got.n, got.y0, got.y1], [85, Math.min(...years), Math.max(...years)]);
    assert.equal(
      got.tiv,
      raw.reduce((s, r) => s + Number(r[iVal]), 0),
    );
    assert.equal(got.y0, 1993);
  });

  test("armed groups and organisations get no state code, so they never count as a state's imports", async () => {
    const [r] = await store.all<{ bad: number; groups: number }>(
      `SELECT count(*) FILTER (WHERE recipient LIKE '%*' AND (recipient_iso3 IS NOT NULL OR recipient_ccode IS NOT NULL))::INTEGER AS bad,
              count(*) FILTER (WHERE recipient LIKE '%*' AND recipient_cown_source IS NOT NULL)::INTEGER AS groups FROM ref_sipri`,
    );
    assert.equal(r.bad, 0);
    assert.ok(r.groups > 0, "the source file does code some armed groups with a state's ccode");
    const leb = await armsImports(store, "LBN");
    const hez = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_sipri WHERE recipient = 'Hezbollah (Lebanon)*'",
    );
    assert.ok(hez[0].n > 0);
    assert.ok(leb.every((a) => a.supplier_iso3 !== null));
    const [fromRaw] = await store.all<{ tiv: number }>(
      "SELECT sum(tiv) AS tiv FROM ref_sipri WHERE recipient = 'Lebanon' AND supplier_kind = 'state' AND supplier_iso3 IS NOT NULL",
    );
    assert.equal(
      leb.reduce((s, a) => s + a.tiv, 0),
      fromRaw.tiv,
    );
  });
});
