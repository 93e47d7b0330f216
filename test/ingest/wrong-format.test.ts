import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { detectFormat } from "../../src/ingest/detect-format.ts";
import { RejectedFileError } from "../../src/ingest/import-events.ts";
import type { Store } from "../../src/store/store.ts";
import {
  GDELT_CSV,
  GDELT1,
  GDELT2,
  ICEWS,
  importInto,
  memoryStore,
  PLOVER_GSR,
  tempDir,
  tsvRows,
} from "./helpers.ts";
import { mulberry32 } from "./prng.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const ICEWS_ROWS = tsvRows(ICEWS).length - 1; // data rows under the header, counted independently

async function recordedFiles(store: Store): Promise<number> {
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_files");
  return n;
}

test("importing an ICEWS file as GDELT fails, names ICEWS, records nothing; the ICEWS import then lands every row", async () => {
  const store = await memoryStore();
  await assert.rejects(importInto(store, { format: "gdelt", files: [ICEWS] }), (e) => {
    assert.ok(e instanceof RejectedFileError, String(e));
    assert.equal(e.files[0].status, "rejected");
    assert.equal(e.files[0].looksLike, "icews");
    assert.equal(e.files[0].rowsRejected, ICEWS_ROWS + 1, "the header line is rejected too");
    assert.match(e.message, /looks like ICEWS data: try `ana import icews /);
    assert.match(e.message, /nothing was imported/);
    return true;
  });
  assert.equal(await recordedFiles(store), 0, "the file's sha256 is not recorded");
  const s = await importInto(store, { format: "icews", files: [ICEWS] });
  assert.equal(s.files[0].status, "imported");
  assert.equal(s.rowsImported, ICEWS_ROWS);
  store.close();
});

test("a call with a good file and a wrong-format file lands nothing (the import is atomic)", async () => {
  const store = await memoryStore();
  await assert.rejects(
    importInto(store, { format: "gdelt", files: [GDELT2, ICEWS] }),
    RejectedFileError,
  );
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
  assert.equal(n, 0);
  assert.equal(await recordedFiles(store), 0);
  store.close();
});

test("re-importing a file reports the format it was imported as, and skipped rows are not counted as imported", async () => {
  const store = await memoryStore();
  await importInto(store, { format: "icews", files: [ICEWS] });
  const again = await importInto(store, { format: "icews", files: [ICEWS] });
  assert.equal(again.files[0].status, "already-imported");
  assert.equal(again.files[0].previous?.format, "icews");
  assert.equal(again.files[0].rowsImported, 0);
  assert.equal(again.rowsImported, 0);
  store.close();
});

test("a 0-row record left by an earlier version does not block the real import of the same file", async () => {
  const store = await memoryStore();
  await importInto(store, { format: "gdelt", files: [GDELT2] }); // creates the tables
  const sha = createHash("sha256").update(readFileSync(ICEWS)).digest("hex");
  await store.run(
    "INSERT INTO event_files VALUES (999, 998, ?, ?, 1, false, 3706, 0, 3706, '{}', '{}')",
    [ICEWS, sha],
  );
  const s = await importInto(store, { format: "icews", files: [ICEWS] });
  assert.equal(s.files[0].status, "imported");
  assert.equal(s.rowsImported, ICEWS_ROWS);
  const rows = await store.all<{ rows_imported: number }>(
    "SELECT rows_imported::INTEGER AS rows_imported FROM event_files WHERE sha256 = ?",
    [sha],
  );
  assert.deepEqual(rows, [{ rows_imported: ICEWS_ROWS }]);
  store.close();
});

test("an empty file is reported as empty and not recorded", async () => {
  const dir = tempDir();
  const f = join(dir, "empty.tsv");
  writeFileSync(f, "");
  const store = await memoryStore();
  const s = await importInto(store, { format: "gdelt", files: [f] });
  assert.equal(s.files[0].status, "empty");
  assert.equal(s.importId, null);
  assert.equal(await recordedFiles(store), 0);
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

test("detectFormat recognises each shipped sample by running the formats' own parsers", () => {
  assert.equal(detectFormat(GDELT1).format, "gdelt");
  assert.equal(detectFormat(GDELT2).format, "gdelt");
  assert.equal(detectFormat(ICEWS).format, "icews");
  assert.equal(detectFormat(PLOVER_GSR).format, "plover");
  const csv = detectFormat(GDELT_CSV);
  assert.equal(csv.format, null);
  assert.equal(csv.csvHeader, true);
  const dir = tempDir();
  const rand = mulberry32(7);
  const buf = Buffer.alloc(100_000);
  for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(rand() * 256);
  writeFileSync(join(dir, "r.bin"), buf);
  const g = detectFormat(join(dir, "r.bin"));
  assert.equal(g.format, null);
  assert.equal(g.binary, true);
  rmSync(dir, { recursive: true, force: true });
});

test("`ana import gdelt <ICEWS file>` exits non-zero and suggests icews; `ana import icews` then imports it", () => {
  const dir = tempDir();
  const db = join(dir, "s.duckdb");
  const bad = spawnSync(process.execPath, [BIN, "import", "gdelt", ICEWS, "--db", db], {
    encoding: "utf8",
  });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /try `ana import icews /);
  const good = spawnSync(process.execPath, [BIN, "import", "icews", ICEWS, "--db", db, "--json"], {
    encoding: "utf8",
  });
  assert.equal(good.status, 0, good.stderr);
  const s = JSON.parse(good.stdout);
  assert.equal(s.files[0].status, "imported");
  assert.equal(s.rowsImported, ICEWS_ROWS);
  rmSync(dir, { recursive: true, force: true });
});
