import assert from "node:assert/strict";
import { test } from "node:test";
import {
  cameoActorPrefix,
  cameoCountry,
  countryName,
  fipsCountry,
} from "../../src/ingest/actor-normalise.ts";
import { isoDate } from "../../src/ingest/parse-context.ts";
import { splitDelimited } from "../../src/ingest/parse-csv-mapped.ts";
import { ploverType } from "../../src/ingest/plover-types.ts";
import { quadOf } from "../../src/ingest/quad-schemes.ts";

test("cameoCountry maps ISO3, padded, legacy and territory codes and refuses regions", () => {
  assert.deepEqual(cameoCountry("AZE"), { iso3: "AZE", rule: "iso3" });
  assert.deepEqual(cameoCountry(" AZE "), { iso3: "AZE", rule: "iso3" });
  assert.deepEqual(cameoCountry("ROM"), { iso3: "ROU", rule: "cameo-legacy" });
  assert.deepEqual(cameoCountry("MTN"), { iso3: "MNE", rule: "cameo-legacy" });
  assert.deepEqual(cameoCountry("TMP"), { iso3: "TLS", rule: "cameo-legacy" });
  assert.deepEqual(cameoCountry("WSB"), { iso3: "PSE", rule: "cameo-territory" });
  assert.deepEqual(
    cameoCountry("EUR"),
    { iso3: null, rule: "region" },
    "EUR is Europe in CAMEO, not the EU",
  );
  assert.deepEqual(cameoCountry("CAU"), { iso3: null, rule: "region" });
  assert.deepEqual(cameoCountry("NAT"), { iso3: null, rule: "group" });
  assert.deepEqual(cameoCountry("XYZ"), { iso3: null, rule: "unknown" });
  assert.deepEqual(cameoCountry("NA"), { iso3: null, rule: null });
  assert.deepEqual(cameoCountry(""), { iso3: null, rule: null });
});

test("an empty country slot falls back to a country block at the start of the actor code", () => {
  assert.deepEqual(cameoActorPrefix("ROUGOV"), { iso3: "ROU", rule: "actor-prefix" });
  assert.deepEqual(cameoActorPrefix(" AZE"), { iso3: "AZE", rule: "actor-prefix" });
  assert.deepEqual(cameoActorPrefix("GOV"), { iso3: null, rule: null });
  assert.deepEqual(cameoActorPrefix("CHRMLN020"), { iso3: null, rule: null });
});

test("FIPS 10-4 location codes differ from ISO2 and map to ISO3", () => {
  assert.equal(fipsCountry("AJ").iso3, "AZE");
  assert.equal(fipsCountry("AM").iso3, "ARM");
  assert.equal(fipsCountry("GG").iso3, "GEO");
  assert.equal(fipsCountry("TU").iso3, "TUR");
  assert.equal(fipsCountry("RS").iso3, "RUS");
  assert.equal(fipsCountry("IS").iso3, "ISR");
  assert.equal(fipsCountry("CH").iso3, "CHN");
  assert.equal(fipsCountry("UK").iso3, "GBR");
  assert.equal(fipsCountry("GZ").iso3, "PSE");
  assert.equal(fipsCountry("OS").rule, "unknown");
});

test("country names from ICEWS and POLECAT map to ISO3", () => {
  assert.equal(countryName("Russian Federation").iso3, "RUS");
  assert.equal(countryName("Azerbaijan").iso3, "AZE");
  assert.equal(countryName("Occupied Palestinian Territory").iso3, "PSE");
  assert.equal(countryName("Moldova, Republic of").iso3, "MDA");
  assert.equal(countryName("Democratic Republic of Congo").iso3, "COD");
  assert.equal(countryName("Congo").iso3, "COG");
  assert.equal(countryName("Turkey").iso3, "TUR");
  assert.equal(countryName("USA").iso3, "USA");
  assert.equal(countryName("NA").iso3, null);
  assert.equal(countryName("Atlantis").rule, "unknown");
});

test("quad schemes disagree on roots 09, 14 and 16 exactly as documented", () => {
  assert.equal(quadOf("gdelt", "09"), 2);
  assert.equal(quadOf("icews", "09"), 3);
  assert.equal(quadOf("gdelt", "14"), 3);
  assert.equal(quadOf("icews", "14"), 4);
  assert.equal(quadOf("phoenix", "16"), 3);
  assert.equal(quadOf("phoenix", "01"), null);
  assert.equal(quadOf("gdelt", "21"), null);
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, "0");
    assert.equal(quadOf("gdelt", root), r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4);
  }
});

test("PLOVER types take the mode's score when there is one, else the category's", () => {
  assert.deepEqual(ploverType("CONSULT", "visit"), {
    type: "CONSULT",
    mode: "visit",
    quad: 1,
    score: 4,
  });
  assert.equal(ploverType("REQUEST", "meet")?.score, 0);
  assert.equal(ploverType("DEMAND")?.type, "REQUEST");
  assert.deepEqual(ploverType("INVESTIGATE"), {
    type: "ACCUSE",
    mode: "investigate",
    quad: 3,
    score: -3.5,
  });
  assert.equal(ploverType("DOCUMENT"), undefined);
});

test("isoDate accepts YYYYMMDD and YYYY-MM-DD calendar dates only", () => {
  assert.equal(isoDate("20110602"), "2011-06-02");
  assert.equal(isoDate("2018-06-01"), "2018-06-01");
  assert.equal(isoDate("20240819130000"), "2024-08-19");
  assert.equal(isoDate("2023-02-29"), null);
  assert.equal(isoDate("2024-02-29"), "2024-02-29");
  assert.equal(isoDate("20231341"), null);
  assert.equal(isoDate("NA"), null);
});

test("splitDelimited handles quotes, doubled quotes and empty fields", () => {
  assert.deepEqual(splitDelimited('1,"a, b","say ""hi""",,NA', ","), [
    "1",
    "a, b",
    'say "hi"',
    "",
    "NA",
  ]);
  assert.deepEqual(splitDelimited("a,", ","), ["a", ""]);
  assert.deepEqual(splitDelimited('"x",', ","), ["x", ""]);
  assert.equal(splitDelimited('"open', ","), undefined);
});
