import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { initScenario } from "../../src/data/init-scenario.ts";
import { readScenario } from "../../src/data/load-scenario.ts";
import { Store } from "../../src/store/store.ts";
import { readCsvRecords } from "../util/shared-data.ts";

describe("ana scenario init", () => {
  let store: Store;
  let tmp: string;
  before(async () => {
    store = await Store.open(":memory:");
    tmp = mkdtempSync(join(tmpdir(), "ana-init-"));
  });
  after(() => {
    store.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const iso3 of ["KAZ", "SRB", "VNM"])
    test(`initScenario(${iso3}) writes a folder that \`ana data check\` accepts`, async () => {
      const dir = join(tmp, iso3.toLowerCase());
      const r = await initScenario(store, iso3, dir, { year: 2020, today: "2026-01-01" });
      const loaded = readScenario(dir);
      assert.deepEqual(loaded.problems, []);
      const s = loaded.scenario!;
      assert.equal(s.meta.focal, iso3);
      assert.equal(s.meta.from, "2007");
      assert.equal(s.meta.to, "2021");
      assert.equal(s.actors.length, r.counts.actors);
      assert.ok(s.levels.every((l) => l.basis === "rule"));
      assert.ok(s.levels.some((l) => l.level === "neighbourhood"));
      assert.ok(s.levels.some((l) => l.partner === "USA" && l.level === "systemic"));
      assert.ok(s.poles.some((p) => p.pole === "West" && p.actor === "USA"));
      assert.ok(s.events.length === 0 && s.projects.length === 0, "nothing it cannot source");
      for (const a of s.actors.filter((x) => x.kind === "state" && x.cow !== undefined))
        assert.ok(a.cow! > 0);
    });

  test("KAZ's arms imports equal the SIPRI rows for Kazakhstan, summed by supplier and year", async () => {
    const s = readScenario(join(tmp, "kaz")).scenario!;
    const { header, rows } = readCsvRecords(
      fileURLToPath(new URL("panel/sipri_AZE_KAZ.csv", import.meta.url)),
    );
    const [iRec, iSup, iYear, iVal] = ["recipient", "supplier", "year", "value"].map((c) =>
      header.indexOf(c),
    );
    const iso: Record<string, string> = {
      Russia: "RUS",
      "Soviet Union": "RUS",
      Germany: "DEU",
      Ukraine: "UKR",
      China: "CHN",
      Israel: "ISR",
      Spain: "ESP",
      France: "FRA",
      Turkey: "TUR",
      "United States": "USA",
      Belarus: "BLR",
      "South Africa": "ZAF",
      Italy: "ITA",
      Netherlands: "NLD",
      "United Kingdom": "GBR",
      Canada: "CAN",
      "South Korea": "KOR",
      Czechia: "CZE",
      "Czech Republic": "CZE",
      Austria: "AUT",
      Switzerland: "CHE",
      Poland: "POL",
      Serbia: "SRB",
      Bulgaria: "BGR",
      Sweden: "SWE",
      Jordan: "JOR",
      "United Arab Emirates": "ARE",
      Slovakia: "SVK",
      Finland: "FIN",
      Norway: "NOR",
      Pakistan: "PAK",
      Brazil: "BRA",
      Georgia: "GEO",
      Kyrgyzstan: "KGZ",
      Uzbekistan: "UZB",
    };
    const want = new Map<string, number>();
    for (const r of rows) {
      const y = Number(r[iYear]);
      if (r[iRec] !== "Kazakhstan" || y < 2007 || y > 2021) continue;
      if (r[iSup].startsWith("Unknown")) continue;
      const sup = iso[r[iSup]];
      assert.ok(sup, `supplier ${r[iSup]} needs an ISO3 in this test`);
      const k = `${y}|${sup}`;
      want.set(k, (want.get(k) ?? 0) + Number(r[iVal]));
    }
    const got = new Map(s.flows.map((f) => [`${f.year}|${f.from}`, f.value]));
    assert.deepEqual(got, want);
    assert.ok(s.flows.every((f) => f.to === "KAZ" && f.domain === "arms" && f.unit === "TIV million"));
  });

  test("rivalries come from the rivalry files and include the focal state's neighbours", () => {
    const s = readScenario(join(tmp, "kaz")).scenario!;
    assert.ok(s.rivalries.length > 0);
    assert.ok(s.rivalries.every((r) => /Thompson/.test(r.source)));
    assert.ok(s.rivalries.some((r) => [r.a, r.b].includes("CHN")));
  });

  test("a 19th-century start is accepted: pre-1800 rivalry starts go to notes, historic powers without ISO3 are left out", async () => {
    const dir = join(tmp, "gbr1850");
    await initScenario(store, "GBR", dir, { year: 1850, from: 1840, to: 1860 });
    const loaded = readScenario(dir);
    assert.deepEqual(loaded.problems, []);
    const s = loaded.scenario!;
    const bf = s.rivalries.find((r) => /Britain-France 2/.test(r.notes ?? ""));
    assert.ok(bf, "TSS Britain-France 2 (1731-1904) overlaps 1840-1860");
    assert.equal(bf.from, undefined);
    assert.match(bf.notes ?? "", /began 1731/);
    assert.ok(!s.levels.some((l) => l.partner === "AUH" || !l.partner));
    assert.deepEqual(s.flows, [], "SIPRI starts in 1950: no arms flows, not zeros");
  });

  test("it refuses a non-empty folder and leaves it untouched", async () => {
    const dir = join(tmp, "busy");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    await assert.rejects(() => initScenario(store, "KAZ", dir), /not empty/);
    assert.equal(readFileSync(join(dir, "notes.txt"), "utf8"), "mine");
  });

  test("it rejects a code that is not a COW state", async () => {
    await assert.rejects(() => initScenario(store, "PSE", join(tmp, "pse")), /not a state in the COW/);
  });
});
