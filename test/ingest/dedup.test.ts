import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { countDuplicates } from "../../src/store/duckdb/dedup.ts";
import { dyads } from "../../src/store/duckdb/dyads.ts";
import { ICEWS, importInto, memoryStore, tempDir, tsvRows } from "./helpers.ts";

test("exact and daily deduplication remove what an independent count says, and keep the raw rows", async () => {
  // The same events again in a different file (an overlapping weekly release, say).
  const dir = tempDir();
  const overlap = join(dir, "overlap.tab");
  writeFileSync(overlap, `${readFileSync(ICEWS, "utf8").trimEnd()}\n`.replace(/\n$/, "\n\n"));
  const store = await memoryStore();
  await importInto(store, { format: "icews", files: [ICEWS, overlap] });
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
  assert.equal(n, 2 * 3705, "raw rows are kept");
  const [header, ...rows] = tsvRows(ICEWS);
  const c = (name: string) => header.indexOf(name);
  const exactKeys = new Set(rows.map((r) => `${r[c("Event ID")]}|${r[c("Event Date")]}`));
  assert.equal(await countDuplicates(store, "exact"), 2 * 3705 - exactKeys.size);
  const side = (country: string, name: string) => (country === "NA" ? name : country);
  const dailyKeys = new Set(
    rows.map((r) =>
      [
        r[c("Event Date")],
        side(r[c("Source Country")], r[c("Source Name")]),
        side(r[c("Target Country")], r[c("Target Name")]),
        r[c("CAMEO Code")],
      ].join("|"),
    ),
  );
  assert.equal(await countDuplicates(store, "daily"), 2 * 3705 - dailyKeys.size);
  const none = await dyads(store, { by: "year", dedup: "none" });
  const exact = await dyads(store, { by: "year", dedup: "exact", actor: "AZE" });
  const once = await memoryStore();
  await importInto(once, { format: "icews", files: [ICEWS] });
  assert.deepEqual(
    exact.rows,
    (await dyads(once, { by: "year", dedup: "none", actor: "AZE" })).rows,
  );
  const total = (rs: { events: number }[]) => rs.reduce((a, r) => a + r.events, 0);
  assert.equal(
    total(none.rows),
    2 * total((await dyads(once, { by: "year", dedup: "none" })).rows),
  );
  store.close();
  once.close();
});
