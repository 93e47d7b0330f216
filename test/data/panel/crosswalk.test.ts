import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { cowToIso3, iso3ToCow, stateName } from "../../../src/data/panel/crosswalk.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords } from "../../util/shared-data.ts";

const fixture = (f: string) => fileURLToPath(new URL(f, import.meta.url));

describe("COW ↔ ISO3 crosswalk", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  test("cowToIso3 maps current states and historic ones by the documented rule", async () => {
    assert.equal(await cowToIso3(store, 373), "AZE");
    assert.equal(await cowToIso3(store, 365, 1980), "RUS");
    assert.equal(await cowToIso3(store, 345, 1995), "YUG");
    assert.equal(await cowToIso3(store, 345, 2006), "SRB");
    assert.equal(await cowToIso3(store, 345), "SRB");
    assert.equal(await cowToIso3(store, 260, 1980), "DEU");
    assert.equal(await cowToIso3(store, 265), "DDR");
    assert.equal(await cowToIso3(store, 315), "CSK");
    assert.equal(await cowToIso3(store, 680), "YMD");
    assert.equal(await cowToIso3(store, 713, 2020), "TWN");
    assert.equal(await cowToIso3(store, 347), "XKX");
    assert.equal(await cowToIso3(store, 245), undefined, "Bavaria has no ISO3");
    assert.equal(await cowToIso3(store, 9999), undefined);
  });

  test("iso3ToCow picks the state of the year, and the successor in a transition year", async () => {
    assert.equal(await iso3ToCow(store, "AZE"), 373);
    assert.equal(await iso3ToCow(store, "aze"), 373);
    assert.equal(await iso3ToCow(store, "DEU", 1980), 260);
    assert.equal(await iso3ToCow(store, "DEU", 1990), 255);
    assert.equal(await iso3ToCow(store, "DEU", 2020), 255);
    assert.equal(await iso3ToCow(store, "SRB", 2000), 345);
    assert.equal(await iso3ToCow(store, "NAM"), 565);
    assert.equal(await iso3ToCow(store, "XXX"), undefined);
    assert.equal(await stateName(store, "SRB"), "Serbia");
  });

  test("UN votes keep Namibia's ISO2 'NA' and match the raw rows for AZ and NA exactly", async () => {
    // Slice of un_votes.csv (rows with country_code AZ or NA) and the roll-call years.
    const { rows } = readCsvRecords(fixture("un_votes_AZ_NA.csv"));
    const code: Record<string, number> = { yes: 1, abstain: 2, no: 3 };
    const iso: Record<string, string | null> = {
      Azerbaijan: "AZE",
      Namibia: "NAM",
      "Federal Republic of Germany": "DEU",
      "Yemen Arab Republic": "YAR",
      Zanzibar: null,
    };
    const expected = new Map<string, number>();
    for (const [rcid, country, , vote] of rows) {
      const i = iso[country];
      assert.ok(i !== undefined, `unexpected country ${country} in the slice`);
      if (i) expected.set(`${rcid}|${i}`, code[vote]);
    }
    const got = await store.all<{ rcid: number; iso3: string; vote: number }>(
      // rcid < 75000: the rows from un_votes.csv (sessions 75–78 come from the update file, resid ≥ 75001).
      "SELECT rcid, iso3, vote::INTEGER AS vote FROM ref_unvotes WHERE rcid < 75000 AND (iso3 IN ('AZE','NAM','YAR') OR (iso3 = 'DEU' AND ccode = 260))",
    );
    assert.equal(got.length, expected.size);
    for (const g of got) assert.equal(g.vote, expected.get(`${g.rcid}|${g.iso3}`));
    const nam = got.filter((g) => g.iso3 === "NAM").length;
    assert.equal(nam, rows.filter((r) => r[1] === "Namibia").length);
    assert.equal(nam, 2455);
    const [z] = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_unvotes WHERE iso3 IS NULL",
    );
    assert.equal(z.n, rows.filter((r) => r[1] === "Zanzibar").length, "only Zanzibar is unmapped");
  });

  test("each (roll call, state) votes once and vote codes are 1, 2 or 3", async () => {
    const [r] = await store.all<{ dup: number; bad: number }>(
      `SELECT (SELECT count(*) FROM (SELECT rcid, iso3 FROM ref_unvotes WHERE iso3 IS NOT NULL GROUP BY ALL HAVING count(*) > 1))::INTEGER AS dup,
              (SELECT count(*) FROM ref_unvotes WHERE vote NOT IN (1, 2, 3) OR vote IS NULL)::INTEGER AS bad`,
    );
    assert.deepEqual(r, { dup: 0, bad: 0 });
  });
});
