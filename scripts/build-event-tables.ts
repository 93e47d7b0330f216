// Build the event-data lookup tables shipped in data/events/ from the shared research copies.
// Run: npx tsx scripts/build-event-tables.ts [/path/to/shared/data]
// Sources (see data/events/SOURCES.md): GDELT's CAMEO.goldsteinscale.txt lookup, the ICEWS
// Goldstein mapping in andybega/icews data-raw/cameo-codes.csv (cp1252), country names from
// mledoze/countries (ODbL 1.0).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/data/csv.ts";

const shared = process.argv[2] ?? "/work/shared/data";
const out = new URL("../data/events/", import.meta.url).pathname;

// GDELT Goldstein lookup: copied as is (CAMEOEVENTCODE<TAB>GOLDSTEINSCALE).
const gdelt = readFileSync(join(shared, "events/lookups/CAMEO.goldsteinscale.gdelt.txt"), "utf8");
writeFileSync(join(out, "goldstein-gdelt.tsv"), gdelt.replace(/\r/g, ""));

// ICEWS Goldstein mapping: code and goldstein columns of the andybega codebook (latin1 = cp1252
// for these columns, which are ASCII).
const icewsCsv = readFileSync(
  join(shared, "events/lookups/cameo_codes_with_goldstein_andybega_icews.csv"),
  "latin1",
);
const icews = parseCsv(icewsCsv);
const ci = icews.header.indexOf("code");
const gi = icews.header.indexOf("goldstein");
const icewsLines = ["CAMEOEVENTCODE\tGOLDSTEINSCALE"];
for (const r of icews.records) icewsLines.push(`${r.fields[ci]}\t${Number(r.fields[gi])}`);
writeFileSync(join(out, "goldstein-icews.tsv"), `${icewsLines.join("\n")}\n`);

// Countries: ISO3, ISO2, common name, other names (official, alternative spellings).
interface Country {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
}
const countries = JSON.parse(
  readFileSync(join(shared, "geo/mledoze_countries.json"), "utf8"),
) as Country[];
const lines = ["iso3\tiso2\tname\taliases"];
for (const c of countries.sort((a, b) => a.cca3.localeCompare(b.cca3))) {
  const aliases = [c.name.official, ...(c.altSpellings ?? [])]
    .filter((s) => s && s.length > 2 && s !== c.name.common && !/[\t|]/.test(s))
    .filter((s, i, a) => a.indexOf(s) === i);
  lines.push(`${c.cca3}\t${c.cca2}\t${c.name.common}\t${aliases.join("|")}`);
}
writeFileSync(join(out, "countries.tsv"), `${lines.join("\n")}\n`);
console.log(
  `goldstein-gdelt ${gdelt.split("\n").length - 2} codes, goldstein-icews ${icews.records.length} codes, ${countries.length} countries`,
);
