import assert from "node:assert/strict";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { PanelImportError } from "../../../src/data/panel/import-error.ts";
import { parseSipri } from "../../../src/data/panel/import-sipri.ts";
import { parseUnvotes } from "../../../src/data/panel/import-unvotes.ts";
import { importPanelFile } from "../../../src/data/panel/panel-import.ts";
import { userPanelStatus } from "../../../src/data/panel/user-panel.ts";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords, sharedReference } from "../../util/shared-data.ts";

function shared(...p: string[]): string {
  const s = sharedReference();
  const f = s ? join(s, "..", "update-2020-2025", ...p) : undefined;
  if (!f || !existsSync(f)) throw new Error(`panel import test: needs ../shared/data/update-2020-2025/${p.join("/")}`);
  return f;
}
const TIV2024 = () => shared("sipri", "sipri_tiv_2024_supplier_recipient_long.csv");
const REGISTER = () => shared("sipri", "sipri_transfers_2000-2023_south_caucasus_extract.csv");
const VOTES = () => shared("unvotes", "voeten_unga_votes_sessions66-78_via_fpsim.csv");

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "ana-panel-test-"));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Open a store that reads the user panel at `dir` (the loader's override). */
async function withPanel<T>(dir: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const old = process.env.ANA_PANEL_DIR;
  process.env.ANA_PANEL_DIR = dir;
  const s = await Store.open(":memory:");
  try {
    return await fn(s);
  } finally {
    s.close();
    if (old === undefined) delete process.env.ANA_PANEL_DIR;
    else process.env.ANA_PANEL_DIR = old;
  }
}

describe("ana panel import (the user panel)", () => {
  test("a SIPRI register import replaces the complete recipients' years, and the loader reads it", async () => {
    const dir = tmp();
    const r = await importPanelFile("sipri", REGISTER(), {
      panelDir: dir,
      completeFor: ["AZE", "ARM", "GEO"],
    });
    assert.equal(r.summary.layout, "register");
    // Independent sum of the register's deliveries to Azerbaijan by supplier and year.
    const { rows } = readCsvRecords(REGISTER());
    const all = rows.filter((x) => !x[0].startsWith("#"));
    const h = all[0];
    const [iS, iR, iY, iT] = ["Supplier", "Recipient", "Delivery year", "TIV delivery values"].map(
      (c) => h.indexOf(c),
    );
    const want = new Map<string, number>();
    for (const x of all.slice(1))
      if (x[iR] === "Azerbaijan" && x[iT] !== "")
        want.set(`${x[iY]}|${x[iS]}`, (want.get(`${x[iY]}|${x[iS]}`) ?? 0) + Number(x[iT]));
    await withPanel(dir, async (s) => {
      const got = await s.all<{ year: number; supplier: string; tiv: number }>(
        "SELECT year::INTEGER AS year, supplier, tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND year BETWEEN 2000 AND 2023",
      );
      assert.equal(got.length, want.size);
      for (const g of got)
        assert.ok(Math.abs(g.tiv - (want.get(`${g.year}|${g.supplier}`) ?? Number.NaN)) < 1e-9);
      // Other recipients' shipped rows are kept; 2024 still comes from the shipped extract.
      const [kaz] = await s.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM ref_sipri WHERE recipient_iso3 = 'KAZ' AND source = 'tiv-2022'",
      );
      assert.equal(kaz.n, 79);
      const [c] = await s.all<{ n: number; ok: number }>(
        "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE complete)::INTEGER AS ok FROM ref_sipri_coverage WHERE recipient_iso3 = 'AZE' AND from_year = to_year AND from_year BETWEEN 2000 AND 2023",
      );
      assert.deepEqual([c.n, c.ok], [24, 24]);
    });
    // Without the override the shipped panel is read.
    await withPanel(tmp(), async (s) => {
      const [n] = await s.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM ref_sipri WHERE source LIKE 'user import%'",
      );
      assert.equal(n.n, 0);
    });
  });

  test("a failed import leaves the user panel exactly as it was, and the error names file:line: field", async () => {
    const dir = tmp();
    await importPanelFile("sipri", TIV2024(), { panelDir: dir });
    const before = readlinkSync(join(dir, "current"));
    const gens = readdirSync(dir).sort();
    const lines = readFileSync(TIV2024(), "utf8").split("\n");
    lines[9] = lines[9].replace(/,(\d+),0,/, ",lots,0,");
    const bad = join(tmp(), "bad.csv");
    writeFileSync(bad, lines.join("\n"));
    await assert.rejects(
      importPanelFile("sipri", bad, { panelDir: dir }),
      (e: unknown) =>
        e instanceof PanelImportError &&
        e.message.startsWith(`${bad}:10: tiv_mn: `) &&
        e.line === 10 &&
        e.field === "tiv_mn",
    );
    assert.equal(readlinkSync(join(dir, "current")), before);
    assert.deepEqual(readdirSync(dir).sort(), gens);
    const st = userPanelStatus(dir);
    assert.deepEqual(st.tables, ["ref_coverage", "ref_sipri", "ref_sipri_coverage"]);
    assert.equal(st.imports.length, 1);
    assert.equal(st.imports[0].file, TIV2024());
  });

  test("parseSipri: unknown state names, a wide TIV table, SIPRI totals and empty cells", () => {
    assert.throws(
      () => parseSipri("supplier,recipient,year,tiv_mn\nAtlantis,Azerbaijan,2024,3\n", "x.csv"),
      /^PanelImportError: x\.csv:2: supplier: unknown state name "Atlantis"/,
    );
    const wide = parseSipri(
      "TIV of arms imports to Azerbaijan, 2022-2024\nGenerated: 2025-04-24\n\n,2022,2023,2024,Total\nTurkiye,19,9,9,37\nIsrael,,,0,0\nUnknown supplier(s),1,,,1\nTotal,20,9,9,38\n",
      "w.csv",
    );
    assert.equal(wide.layout, "tiv-wide");
    assert.deepEqual(
      wide.rows.map((r) => [r.supplier, r.supplier_iso3, r.recipient_iso3, r.year, r.tiv]),
      [
        ["Israel", "ISR", "AZE", 2024, 0],
        ["Turkiye", "TUR", "AZE", 2022, 19],
        ["Turkiye", "TUR", "AZE", 2023, 9],
        ["Turkiye", "TUR", "AZE", 2024, 9],
        ["Unknown supplier(s)", null, "AZE", 2022, 1],
      ],
    );
    assert.throws(
      () => parseSipri(",2022\nTurkiye,19\n", "w2.csv"),
      /w2\.csv:1: header: a wide TIV table needs one recipient/,
    );
    const long = parseSipri(readFileSync(TIV2024(), "utf8"), "t.csv");
    const raw = readCsvRecords(TIV2024()).rows.filter((r) => r[1] !== "TOTAL_STATED_BY_SIPRI");
    assert.equal(long.rows.length, raw.length);
    assert.equal(
      long.rows.reduce((a, r) => a + r.tiv, 0),
      raw.reduce((a, r) => a + Number(r[3]), 0),
    );
  });

  test("an unvotes import replaces its sessions; bad votes and unknown states name file:line: field", async () => {
    // Session 77 of the shared file as a small vote file.
    const { header, rows } = readCsvRecords(VOTES());
    const iSes = header.indexOf("session");
    const s77 = rows.filter((r) => r[iSes] === "77");
    const file = join(tmp(), "s77.csv");
    writeFileSync(file, [header, ...s77].map((r) => r.join(",")).join("\n"));
    const dir = tmp();
    const res = await importPanelFile("unvotes", file, { panelDir: dir });
    const rcs = new Set(s77.map((r) => r[header.indexOf("resid")]));
    assert.equal(res.summary.rollCalls, rcs.size);
    await withPanel(dir, async (s) => {
      const [a] = await s.all<{ rc: number; v: number; other: number }>(
        `SELECT (SELECT count(*) FROM ref_roll_calls WHERE session = 77)::INTEGER AS rc,
                (SELECT count(*) FROM ref_unvotes WHERE rcid IN (SELECT rcid FROM ref_roll_calls WHERE session = 77))::INTEGER AS v,
                (SELECT count(*) FROM ref_roll_calls WHERE session <> 77)::INTEGER AS other`,
      );
      assert.equal(a.rc, rcs.size);
      assert.equal(a.v, s77.length);
      assert.equal(a.other, 6551 - 88);
    });
    const iso = (c: number) => (c === 373 ? "AZE" : c === 365 ? "RUS" : undefined);
    const hdr = "resid,session,date,year,ccode,vote,vote_label";
    assert.throws(
      () => parseUnvotes(`${hdr}\n77001,77,2022-11-03,2022,373,7,x\n`, "v.csv", iso),
      /^PanelImportError: v\.csv:2: vote: vote must be 1 yes/,
    );
    assert.throws(
      () => parseUnvotes(`${hdr}\n77001,77,2022-11-03,2022,373,1,yes\n77001,77,2022-11-03,2022,999,1,yes\n`, "v.csv", iso),
      /^PanelImportError: v\.csv:3: ccode: unknown COW code 999/,
    );
    assert.throws(
      () => parseUnvotes(`${hdr}\n77001,77,3 Nov 2022,2022,373,1,yes\n`, "v.csv", iso),
      /v\.csv:2: date: expected YYYY-MM-DD/,
    );
    const ok = parseUnvotes(
      `${hdr}\n77001,77,2022-11-03,2022,373,1,yes\n77001,77,2022-11-03,2022,365,8,absent\n77001,77,2022-11-09,2022,365,3,no\n`,
      "v.csv",
      iso,
    );
    assert.deepEqual([ok.votes.length, ok.skipped, ok.offDay], [1, 1, 1]);
  });
});
