import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { contiguous } from "../../../src/data/panel/contiguous.ts";
import { isMajorPower, majorPowers } from "../../../src/data/panel/major-powers.ts";
import { statesInSystem } from "../../../src/data/panel/states-in-system.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords } from "../../util/shared-data.ts";

const fixture = (f: string) => fileURLToPath(new URL(f, import.meta.url));

describe("state system, major powers and contiguity", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
  });
  after(() => store.close());

  test("statesInSystem(year) equals the COW state-years of that year", async () => {
    const { rows } = readCsvRecords(fixture("state_years_1816_2016_2024.csv"));
    for (const y of [1816, 2016, 2024]) {
      const want = rows.filter((r) => Number(r[1]) === y).map((r) => Number(r[0]));
      const got = (await statesInSystem(store, y)).map((s) => s.ccode);
      assert.deepEqual(got, want.sort((a, b) => a - b), String(y));
    }
    const s2024 = await statesInSystem(store, 2024);
    assert.ok(s2024.some((s) => s.iso3 === "AZE"));
    await assert.rejects(() => statesInSystem(store, 2030), /2030 is outside it/);
  });

  test("isMajorPower follows COW's spells and carries 2016 forward", async () => {
    assert.equal(await isMajorPower(store, "RUS", 2015), true);
    assert.equal(await isMajorPower(store, "AZE", 2015), false);
    assert.equal(await isMajorPower(store, "CHN", 1949), false);
    assert.equal(await isMajorPower(store, "CHN", 1950), true);
    assert.equal(await isMajorPower(store, 255, 1960), false);
    assert.equal(await isMajorPower(store, "DEU", 1995), true);
    const m = await majorPowers(store, 2024);
    assert.equal(m.carriedForward, true);
    assert.equal(m.dataYear, 2016);
    assert.deepEqual(m.powers.map((p) => p.iso3).sort(), ["CHN", "DEU", "FRA", "GBR", "JPN", "RUS", "USA"]);
  });

  test("contiguous(AZE) gives ARM, GEO, IRN, RUS, TUR by land and KAZ, TKM across the Caspian (type 4)", async () => {
    const got = await contiguous(store, "AZE", 2015);
    assert.deepEqual(
      got.map((c) => `${c.iso3}:${c.conttype}`).sort(),
      ["ARM:1", "GEO:1", "IRN:1", "KAZ:4", "RUS:1", "TKM:4", "TUR:1"],
    );
    assert.equal(got[0].carriedForward, false);
    const later = await contiguous(store, "AZE", 2024);
    assert.equal(later.length, 7);
    assert.ok(later.every((c) => c.carriedForward));
    assert.deepEqual((await contiguous(store, "AZE", 2015, 1)).length, 5);
  });

  test("contiguous() matches the raw COW spells, never counting type 0 (no contiguity)", async () => {
    const { rows } = readCsvRecords(fixture("contdir_373_345.csv"));
    const cow: Record<string, string> = { "373": "AZE", "345": "SRB" };
    for (const [ccode, iso3] of Object.entries(cow))
      for (const y of [1995, 2000, 2010, 2016]) {
        const want = new Set(
          rows
            .filter(
              (r) =>
                r[0] === ccode &&
                Number(r[2]) >= 1 &&
                Number(r[3].slice(0, 4)) <= y &&
                Number(r[4].slice(0, 4)) >= y,
            )
            .map((r) => Number(r[1])),
        );
        const got = await contiguous(store, iso3, y);
        assert.deepEqual(new Set(got.map((c) => c.ccode)), want, `${iso3} ${y}`);
      }
    const srb = await contiguous(store, "SRB", 2015);
    assert.ok(!srb.some((c) => c.iso3 === "ALB"), "Serbia borders Albania only until Kosovo (2008)");
    await assert.rejects(() => contiguous(store, "PSE", 2015), /not a COW state/);
  });
});
