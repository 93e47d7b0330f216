import assert from "node:assert/strict";
import { test } from "node:test";
import { GDELT1, GDELT2, importInto, memoryStore, readTable, tsvRows } from "./helpers.ts";

// GDELT's quad mapping as observed in its own data (01–05→1, 06–09→2, 10–14→3, 15–20→4).
const gdeltQuad = (root: number) => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);

test("GDELT 2.0 raw rows import with the table's Goldstein weight and the recomputed quad", async () => {
  const store = await memoryStore();
  const s = await importInto(store, { format: "gdelt", files: [GDELT2] });
  const raw = tsvRows(GDELT2);
  assert.equal(raw.length, 18);
  assert.ok(raw.every((r) => r.length === 61));
  assert.equal(s.rowsRead, 18);
  assert.equal(s.rowsImported, 18);
  assert.equal(s.rowsRejected, 0);
  const table = readTable("goldstein-gdelt.tsv");
  const rows = await store.all<{
    source_key: string;
    event_code: string;
    goldstein: number;
    source_goldstein: number;
    quad: number;
    source_quad: number;
    dataset: string;
    date: string;
    url: string;
  }>("SELECT * EXCLUDE (date), strftime(date, '%Y%m%d') AS date FROM event_rows ORDER BY line");
  assert.equal(rows.length, 18);
  for (const [i, r] of rows.entries()) {
    const f = raw[i];
    assert.equal(r.dataset, "gdelt2");
    assert.equal(r.source_key, f[0]);
    assert.equal(r.date, f[1]);
    assert.equal(r.event_code, f[26]);
    assert.equal(r.goldstein, table.get(f[26]));
    assert.equal(r.source_goldstein, Number(f[30]));
    assert.equal(r.source_quad, Number(f[29]));
    assert.equal(r.quad, gdeltQuad(Number(f[26].slice(0, 2))));
    assert.equal(r.quad, Number(f[29]), `GDELT stores the empirical quad (line ${i + 1})`);
    assert.equal(r.url, f[60]);
  }
  const e0874 = rows.find((r) => r.event_code === "0874");
  assert.ok(e0874, "the 4-digit code 0874 keeps its leading zero");
  assert.equal(e0874.goldstein, 10);
  assert.equal(e0874.quad, 2);
  assert.deepEqual(s.files[0].warnings, {});
  store.close();
});

test("GDELT 1.0 files mixing 58- and 57-column rows are read line by line", async () => {
  const store = await memoryStore();
  const s = await importInto(store, { format: "gdelt", files: [GDELT1] });
  const raw = tsvRows(GDELT1);
  const widths = raw.map((r) => r.length);
  assert.equal(widths.filter((w) => w === 58).length, 509);
  assert.equal(widths.filter((w) => w === 57).length, 201);
  assert.equal(s.rowsImported, 710);
  const r = await store.all<{ w: string; n: number; urls: number; added: string }>(
    `SELECT CASE WHEN line <= 509 THEN '58' ELSE '57' END AS w, count(*)::INTEGER AS n,
            count(url)::INTEGER AS urls, min(date_added) AS added
     FROM event_rows GROUP BY 1 ORDER BY 1`,
  );
  assert.deepEqual(
    r.map((x) => [x.w, x.n]),
    [
      ["57", 201],
      ["58", 509],
    ],
  );
  // SOURCEURL exists only in the 58-column daily layout.
  assert.equal(r.find((x) => x.w === "57")!.urls, 0);
  assert.ok(r.find((x) => x.w === "58")!.urls > 0);
  // Goldstein equals the GDELT table on every row (0 mismatches, notes §0.3).
  assert.equal(s.files[0].warnings["goldstein-differs-from-table"], undefined);
  assert.equal(s.files[0].warnings["quad-differs-from-scheme"], undefined);
  // The two rows with an Azerbaijani actor.
  const aze = raw.filter((f) => f[7].trim() === "AZE" || f[17].trim() === "AZE").length;
  const [{ n }] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM event_rows WHERE source_iso3 = 'AZE' OR target_iso3 = 'AZE'",
  );
  assert.equal(aze, 2);
  assert.equal(n, aze);
  store.close();
});

test("the ICEWS Goldstein table can be applied to GDELT rows and is recorded per row", async () => {
  const store = await memoryStore();
  await importInto(store, { format: "gdelt", files: [GDELT1], goldsteinTable: "icews" });
  const icews = readTable("goldstein-icews.tsv");
  const rows = await store.all<{ event_code: string; goldstein: number; goldstein_table: string }>(
    "SELECT event_code, goldstein, goldstein_table FROM event_rows",
  );
  for (const r of rows) {
    assert.equal(r.goldstein, icews.get(r.event_code));
    assert.equal(r.goldstein_table, "icews");
  }
  store.close();
});
