import assert from "node:assert/strict";
import { test } from "node:test";
import { ICEWS, importInto, memoryStore, readTable, tsvRows } from "./helpers.ts";

test("the ICEWS sample imports whole, and its Azerbaijan rows match an independent count", async () => {
  const store = await memoryStore();
  const s = await importInto(store, { format: "icews", files: [ICEWS] });
  const [header, ...rows] = tsvRows(ICEWS);
  const col = (name: string) => header.indexOf(name);
  assert.equal(rows.length, 3705);
  assert.equal(s.rowsImported, 3705);
  assert.equal(s.goldsteinTable, "icews");
  const sc = col("Source Country");
  const tc = col("Target Country");
  const azeRows = rows.filter((r) => r[sc] === "Azerbaijan" || r[tc] === "Azerbaijan");
  assert.equal(azeRows.length, 28, "the MANIFEST's 28 rows involving Azerbaijan");
  const [{ n }] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM event_rows WHERE source_iso3 = 'AZE' OR target_iso3 = 'AZE'",
  );
  assert.equal(n, 28);
  // Directed Azerbaijani dyads with another state, by partner, counted from the raw file.
  const expected = new Map<string, number>();
  for (const r of azeRows) {
    const [a, b] = [r[sc], r[tc]];
    if (a === "NA" || b === "NA" || a === b) continue;
    const k = `${a}>${b}`;
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  const got = await store.all<{ k: string; n: number }>(
    `SELECT source_raw || '>' || target_raw AS k, count(*)::INTEGER AS n FROM event_rows
     WHERE (source_iso3 = 'AZE' OR target_iso3 = 'AZE') AND source_iso3 IS NOT NULL
       AND target_iso3 IS NOT NULL AND source_iso3 <> target_iso3 GROUP BY 1`,
  );
  assert.deepEqual(new Map(got.map((g) => [g.k, g.n])), expected);
  // Intensity is the ICEWS Goldstein mapping on every row (3,705/3,705), which differs from GDELT's.
  const icews = readTable("goldstein-icews.tsv");
  const ic = col("Intensity");
  const cc = col("CAMEO Code");
  assert.ok(rows.every((r) => icews.get(r[cc]) === Number(r[ic])));
  assert.equal(s.files[0].warnings["goldstein-differs-from-table"], undefined);
  // Every country name in the sample maps to ISO3 ("Russian Federation" → RUS …); NA stays NULL.
  const unmapped = await store.all<{ raw: string }>(
    "SELECT DISTINCT raw FROM event_actor_map WHERE rule = 'unknown'",
  );
  assert.deepEqual(unmapped, []);
  const [rus] = await store.all<{ iso3: string }>(
    "SELECT DISTINCT iso3 FROM event_actor_map WHERE raw = 'Russian Federation'",
  );
  assert.equal(rus.iso3, "RUS");
  // The key is (Event ID, Event Date).
  const [k] = await store.all<{ source_key: string }>(
    "SELECT source_key FROM event_rows WHERE line = 2",
  );
  assert.equal(k.source_key, `${rows[0][0]}|${rows[0][1]}`);
  store.close();
});

test("re-importing the same ICEWS file is detected by content hash and adds nothing", async () => {
  const store = await memoryStore();
  await importInto(store, { format: "icews", files: [ICEWS] });
  const again = await importInto(store, { format: "icews", files: [ICEWS, ICEWS] });
  assert.equal(again.files[0].status, "already-imported");
  assert.equal(again.files[1].status, "already-imported");
  assert.equal(again.importId, null);
  assert.equal(again.rowsImported, 0);
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
  assert.equal(n, 3705);
  store.close();
});
