import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  loadPeerGroups,
  PEER_GROUPS_DIR,
  type PeerSpec,
  parsePeerSpecs,
  resolvePeerGroup,
} from "../../src/atlas/peers.ts";
import { parseCsv } from "../../src/data/csv.ts";
import { ValidationError } from "../../src/data/problem.ts";
import { Store } from "../../src/store/store.ts";

let store: Store;
before(async () => {
  store = await Store.panel();
});
after(() => store.close());

const data = loadPeerGroups();
const org = (id: string): PeerSpec => ({ kind: "organisation", id });
const members = async (spec: PeerSpec, year: number, focal = "AZE") =>
  (await resolvePeerGroup(spec, year, { store, focal, data })).members;

test("every row of peer-groups.csv carries a source URL and names a group of peer-groups.yaml", () => {
  const csv = parseCsv(readFileSync(join(PEER_GROUPS_DIR, "peer-groups.csv"), "utf8"));
  assert.equal(csv.errors.length, 0);
  assert.ok(csv.records.length > 150);
  for (const r of csv.records) {
    assert.match(r.fields[4], /^https?:\/\//, `line ${r.line}`);
    assert.ok(data.groups.has(r.fields[0]), `line ${r.line}`);
  }
});

// Membership counts as published by the organisations (NATO: 30 allies after North Macedonia in
// 2020, 31 with Finland in 2023, 32 with Sweden in 2024; EU: 28 until the UK left in January 2020,
// 27 after; SCO: 6 founders, 8 from 2017, 9 with Iran in 2023, 10 with Belarus in 2024).
test("organisation groups have the published number of members in a year", async () => {
  const cases: [string, number, number][] = [
    ["NATO", 1995, 16],
    ["NATO", 2004, 26],
    ["NATO", 2020, 30],
    ["NATO", 2023, 31],
    ["NATO", 2024, 32],
    ["EU", 2012, 27],
    ["EU", 2013, 28],
    ["EU", 2020, 28],
    ["EU", 2021, 27],
    ["SCO", 2016, 6],
    ["SCO", 2017, 8],
    ["SCO", 2023, 9],
    ["SCO", 2024, 10],
    ["CSTO", 2013, 6],
    ["OTS", 2010, 4],
    ["OTS", 2019, 5],
    ["GUAM", 2003, 5],
    ["GUAM", 2006, 4],
    ["BRICS", 2024, 9],
    ["NONALIGNED", 2015, 120],
  ];
  for (const [g, y, n] of cases) assert.equal((await members(org(g), y)).length, n, `${g} ${y}`);
});

test("joins and departures are dated: Uzbekistan in the CSTO, the UK in the EU, Azerbaijan in NAM", async () => {
  const csto = async (y: number) => (await members(org("CSTO"), y)).includes("UZB");
  assert.deepEqual(await Promise.all([1995, 2000, 2006, 2012, 2013].map(csto)), [
    true,
    false,
    true,
    true,
    false,
  ]);
  assert.ok((await members(org("EU"), 2020)).includes("GBR"));
  assert.ok(!(await members(org("EU"), 2021)).includes("GBR"));
  assert.ok(!(await members(org("NONALIGNED"), 2010)).includes("AZE"));
  assert.ok((await members(org("NONALIGNED"), 2011)).includes("AZE"));
});

test("members without a sourced start are left out outside the listed years, and reported", async () => {
  const g = await resolvePeerGroup(org("NONALIGNED"), 2005, { store, focal: "AZE", data });
  assert.deepEqual(g.members, []);
  assert.equal(g.unsourced?.length, 119);
  assert.ok(g.unsourced?.includes("IND"));
});

test("a region is the states of the panel's state-year list within its COW code range", async () => {
  const eu = await members({ kind: "region", id: "EUROPE" }, 2010);
  for (const x of ["DEU", "AZE", "RUS", "GEO", "ARM"]) assert.ok(eu.includes(x), x);
  for (const x of ["USA", "TUR", "KAZ"]) assert.ok(!eu.includes(x), x);
  // The 33 states of the UN's Latin American and Caribbean Group; ASEAN's ten with East Asia's seven.
  assert.equal((await members({ kind: "region", id: "LATAM" }, 2010)).length, 33);
  const asean = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"];
  assert.deepEqual(
    await members({ kind: "region", id: "EASTASIA" }, 2010),
    [...asean, "CHN", "JPN", "KOR", "PRK", "MNG", "TWN", "TLS"].sort(),
  );
  const ps = await members({ kind: "region", id: "POSTSOVIET" }, 2010);
  assert.equal(ps.length, 15);
});

test("the CINC band holds the states whose CINC is within the factor of the focal state's (brute force)", async () => {
  const rows = await store.all<{ iso3: string; cinc: number }>(
    "SELECT iso3, cinc FROM ref_nmc WHERE year = 2010 AND iso3 IS NOT NULL",
  );
  const aze = rows.find((r) => r.iso3 === "AZE")!.cinc;
  const expected = rows
    .filter((r) => r.cinc > 0 && Math.abs(Math.log(r.cinc / aze)) <= Math.log(3) + 1e-12)
    .map((r) => r.iso3)
    .sort();
  const got = await members({ kind: "cinc", factor: 3 }, 2010);
  assert.deepEqual(got, expected);
  assert.ok(got.includes("AZE") && got.length > 10);
  // After the NMC's last year: no CINC, no band (missing stays missing).
  const late = await resolvePeerGroup({ kind: "cinc", factor: 2 }, 2024, {
    store,
    focal: "AZE",
    data,
  });
  assert.deepEqual(late.members, []);
  assert.match(late.how, /no CINC for AZE in 2024/);
});

test("parsePeerSpecs reads organisations, aliases, regions, CINC bands and custom lists", () => {
  assert.deepEqual(parsePeerSpecs("NAM,OTS,REGION:EUROPE,CINC,CINC:3,custom:ARM,GEO,KAZ", data), [
    { kind: "organisation", id: "NONALIGNED" },
    { kind: "organisation", id: "OTS" },
    { kind: "region", id: "EUROPE" },
    { kind: "cinc", factor: 2 },
    { kind: "cinc", factor: 3 },
    { kind: "custom", members: ["ARM", "GEO", "KAZ"] },
  ]);
  // A group name ends a custom list; + joins codes explicitly.
  assert.deepEqual(parsePeerSpecs("custom:ARM+GEO,SCO", data), [
    { kind: "custom", members: ["ARM", "GEO"] },
    { kind: "organisation", id: "SCO" },
  ]);
});

test("a bad peer group id is a clear error naming it and the accepted forms", () => {
  assert.throws(() => parsePeerSpecs("NONALIGNED,WARSAWPACT", data), /"WARSAWPACT".*NATO.*REGION:/);
  assert.throws(() => parsePeerSpecs("REGION:MARS", data), /no region "MARS"/);
  assert.throws(() => parsePeerSpecs("CINC:0.5", data), /above 1/);
  assert.throws(() => parsePeerSpecs("custom:", data), /at least one ISO3/);
  assert.throws(() => parsePeerSpecs("", data), /no peer group/);
});

test("a custom list with a code that is not a state of the panel is an error", async () => {
  await assert.rejects(
    resolvePeerGroup({ kind: "custom", members: ["ARM", "XYZ"] }, 2010, {
      store,
      focal: "AZE",
      data,
    }),
    /XYZ is not a state code/,
  );
});

test("a bad peer-groups file is rejected with file, line and field", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-peers-"));
  writeFileSync(
    join(dir, "peer-groups.yaml"),
    "groups:\n  NATO:\n    name: NATO\n    description: test\n",
  );
  writeFileSync(
    join(dir, "peer-groups.csv"),
    [
      "group,iso3,from,to,source,note",
      "NATO,USA,1949,,https://example.org,",
      "NATO,usa,1949,,https://example.org,",
      "NATO,CAN,1949,1940,https://example.org,",
      "XXX,FRA,1949,,https://example.org,",
      "NATO,GBR,1949,,,",
      "NATO,USA,1990,,https://example.org,",
    ].join("\n"),
  );
  try {
    loadPeerGroups({ dir });
    assert.fail("expected a ValidationError");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    const got = e.problems.map((p) => `${p.line}:${p.field}`);
    assert.deepEqual(got.sort(), ["3:iso3", "4:to", "5:group", "6:source", "7:from"].sort());
    assert.ok(e.problems.every((p) => p.file.endsWith("peer-groups.csv")));
  }
});
