import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { applyLevelOverrides, levelsByRule, levelsFor } from "../../src/data/level-rule.ts";
import type { LevelAssignment } from "../../src/model/level.ts";
import { Store } from "../../src/store/store.ts";

/** Great-circle km, written here independently of src/data/panel/nearby.ts. */
function km(a: [number, number], b: [number, number]): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const [p1, p2] = [rad(a[0]), rad(b[0])];
  const c =
    Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(rad(b[1] - a[1]));
  return 6371 * Math.acos(Math.min(1, c));
}

describe("level rule", () => {
  let store: Store;
  let aze: LevelAssignment[];
  before(async () => {
    store = await Store.open(":memory:");
    aze = await levelsByRule(store, "AZE", 2015);
  });
  after(() => store.close());
  const at = (rows: LevelAssignment[], level: string) =>
    rows
      .filter((r) => r.level === level)
      .map((r) => r.partner)
      .sort();

  test("Azerbaijan's neighbourhood is its COW-contiguous states, Caspian ones included", () => {
    assert.deepEqual(at(aze, "neighbourhood"), ["ARM", "GEO", "IRN", "KAZ", "RUS", "TKM", "TUR"]);
    assert.ok(aze.every((r) => r.basis === "rule" && r.focal === "AZE" && r.source.length > 3));
  });

  test("the systemic level is the COW major powers and the EU; Russia holds two levels", () => {
    assert.deepEqual(at(aze, "systemic"), ["CHN", "DEU", "EU", "FRA", "GBR", "JPN", "RUS", "USA"]);
    const rus = aze.filter((r) => r.partner === "RUS").map((r) => r.level);
    assert.deepEqual(rus.sort(), ["neighbourhood", "systemic"]);
  });

  test("the regional level is other states with capitals within 2,500 km of Baku", async () => {
    const reg = at(aze, "regional");
    // Capitals from the panel, distance computed here.
    const caps = await store.all<{ iso3: string; lat: number; lng: number }>(
      `SELECT c.iso3, arg_max(c.lat, c.enddate) AS lat, arg_max(c.lng, c.enddate) AS lng FROM ref_capitals c
       JOIN ref_state_years s ON s.ccode = c.ccode AND s.year = 2015 WHERE c.iso3 IS NOT NULL GROUP BY ALL`,
    );
    const baku = caps.find((c) => c.iso3 === "AZE")!;
    const other = new Set([...at(aze, "neighbourhood"), ...at(aze, "systemic"), "AZE"]);
    const want = caps
      .filter((c) => !other.has(c.iso3) && km([baku.lat, baku.lng], [c.lat, c.lng]) <= 2500)
      .map((c) => c.iso3)
      .sort();
    assert.deepEqual(reg, want);
    for (const s of ["ISR", "SAU", "UZB", "PAK", "QAT"]) assert.ok(reg.includes(s), s);
    assert.ok(!reg.includes("TUR"), "a neighbour is not also regional");
  });

  test("levels after 2016 say that contiguity and major-power status are carried forward", async () => {
    const later = await levelsByRule(store, "AZE", 2024);
    assert.deepEqual(at(later, "neighbourhood"), at(aze, "neighbourhood"));
    assert.ok(
      later.filter((r) => r.level !== "regional" && r.partner !== "EU").every((r) => /carried forward/.test(r.notes ?? "")),
    );
  });

  test("a year when the focal state is outside the state system is an error, not an empty answer", async () => {
    await assert.rejects(() => levelsByRule(store, "AZE", 1985), /not in the COW state system in 1985/);
  });

  test("a scenario override replaces the rule for that partner only, in the years it covers", async () => {
    const override: LevelAssignment = {
      focal: "AZE",
      partner: "RUS",
      level: "regional",
      from: "2020",
      basis: "override",
      source: "test override",
    };
    const in2021 = await levelsFor(store, "AZE", 2021, [override]);
    assert.deepEqual(
      in2021.filter((r) => r.partner === "RUS").map((r) => `${r.level}:${r.basis}`),
      ["regional:override"],
    );
    assert.deepEqual(
      in2021.filter((r) => r.partner === "TUR").map((r) => r.level),
      ["neighbourhood"],
    );
    const in2015 = applyLevelOverrides(aze, [override], "AZE", 2015);
    assert.deepEqual(in2015, aze);
    const otherFocal = applyLevelOverrides(aze, [{ ...override, focal: "ARM" }], "AZE", 2021);
    assert.deepEqual(otherFocal, aze);
  });
});
