import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { FileRecord, RowStream } from "../../src/ingest/event-sink.ts";
import { importEvents, StrictImportError } from "../../src/ingest/import-events.ts";
import { DuckDbEventSink } from "../../src/store/duckdb/sink.ts";
import { Store } from "../../src/store/store.ts";
import { GDELT1, GDELT2, ICEWS, importInto, tempDir } from "./helpers.ts";

async function counts(store: Store) {
  const [r] = await store.all<{ rows: number; files: number; imports: number; map: number }>(
    `SELECT (SELECT count(*) FROM event_rows)::INTEGER AS rows, (SELECT count(*) FROM event_files)::INTEGER AS files,
            (SELECT count(*) FROM event_imports)::INTEGER AS imports, (SELECT count(*) FROM event_actor_map)::INTEGER AS map`,
  );
  return r;
}

const staging = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(".ana-import-"));

/** A sink whose store fails after the first file's rows are in: the second file's record clashes. */
class FailingSink extends DuckDbEventSink {
  private n = 0;
  override async finishFile(stream: RowStream, record: FileRecord, keep: boolean) {
    if (++this.n === 2) record = { ...record, sha256: this.firstSha };
    else this.firstSha = record.sha256;
    return super.finishFile(stream, record, keep);
  }
  firstSha = "";
}

test("an import that fails after rows were stored leaves the store exactly as it was", async () => {
  const dir = tempDir();
  const store = await Store.open(join(dir, "s.duckdb"));
  await importInto(store, { format: "icews", files: [ICEWS] });
  const before = await counts(store);
  await assert.rejects(
    importEvents(new FailingSink(store), { format: "gdelt", files: [GDELT2, GDELT1] }),
  );
  assert.deepEqual(await counts(store), before);
  assert.deepEqual(staging(dir), []);
  // …and the same files import fine afterwards (not recorded as seen).
  const s = await importInto(store, { format: "gdelt", files: [GDELT2, GDELT1] });
  assert.equal(s.rowsImported, 728);
  store.close();
});

test("a file that cannot be read as the format aborts the whole call", async () => {
  const dir = tempDir();
  const store = await Store.open(join(dir, "s.duckdb"));
  await assert.rejects(
    importInto(store, { format: "icews", files: [ICEWS, GDELT2] }),
    /not a ICEWS header|not an? ICEWS header|missing column/,
  );
  assert.deepEqual(await counts(store), { rows: 0, files: 0, imports: 0, map: 0 });
  assert.deepEqual(staging(dir), []);
  store.close();
});

test("--strict fails on one bad row and imports nothing", async () => {
  const dir = tempDir();
  const lines = readFileSync(GDELT2, "utf8").split("\n");
  const f5 = lines[4].split("\t");
  f5[26] = "9999"; // EventCode not in CAMEO
  lines[4] = f5.join("\t");
  const f = join(dir, "one-bad.tsv");
  writeFileSync(f, lines.join("\n"));
  const store = await Store.open(join(dir, "s.duckdb"));
  await assert.rejects(
    importInto(store, { format: "gdelt", files: [GDELT1, f], strict: true }),
    (e: unknown) =>
      e instanceof StrictImportError && /one-bad\.tsv:5: unknown-event-code/.test(e.message),
  );
  assert.deepEqual(await counts(store), { rows: 0, files: 0, imports: 0, map: 0 });
  const lax = await importInto(store, { format: "gdelt", files: [f] });
  assert.equal(lax.rowsRejected, 1);
  assert.deepEqual(
    lax.files[0].firstBadLines.map((b) => [b.line, b.reason]),
    [[5, "unknown-event-code"]],
  );
  store.close();
});

test("a killed import leaves the store openable and unchanged", async () => {
  const dir = tempDir();
  const big = join(dir, "big.tsv");
  const text = readFileSync(GDELT2, "utf8");
  writeFileSync(big, text.repeat(6000)); // 108,000 rows
  const db = join(dir, "s.duckdb");
  const bin = new URL("../../bin/ana.js", import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, "import", "gdelt", big, "--db", db], {
    stdio: "ignore",
  });
  // Kill it as soon as it is staging rows, i.e. in the middle of the import.
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (staging(dir).length > 0 || Date.now() - t0 > 60000) {
        clearInterval(poll);
        child.kill("SIGKILL");
        resolve();
      }
    }, 5);
    child.on("error", reject);
  });
  await new Promise((r) => child.on("exit", r));
  const store = await Store.open(db);
  const c = await counts(store);
  assert.ok(c.rows === 0 || c.rows === 108000, `rows ${c.rows}`);
  // The next import removes the dead process's staging file and imports normally.
  await importInto(store, { format: "gdelt", files: [GDELT2] });
  assert.deepEqual(staging(dir), []);
  assert.ok(existsSync(db));
  store.close();
});

test("rows staged in many segments all land, and the segments are removed", async () => {
  const dir = tempDir();
  const store = await Store.open(join(dir, "s.duckdb"));
  const s = await importEvents(new DuckDbEventSink(store, { segmentRows: 64 }), {
    format: "gdelt",
    files: [GDELT1, GDELT2],
  });
  assert.equal(s.rowsImported, 728);
  const [{ n, lines }] = await store.all<{ n: number; lines: number }>(
    "SELECT count(*)::INTEGER AS n, count(DISTINCT (file_id, line))::INTEGER AS lines FROM event_rows",
  );
  assert.equal(n, 728);
  assert.equal(lines, 728);
  assert.deepEqual(staging(dir), []);
  store.close();
});
