import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { type ImportFormat, RejectedFileError } from "../../src/ingest/import-events.ts";
import { GDELT_CSV_PRESET } from "../../src/ingest/parse-csv-mapped.ts";
import {
  GDELT_CSV,
  GDELT1,
  GDELT2,
  ICEWS,
  importInto,
  memoryStore,
  PLOVER_GSR,
  readTable,
  tempDir,
} from "./helpers.ts";
import { mulberry32 } from "./prng.ts";

/** Damage real lines in every way the issue names, reproducibly. */
function mutate(rand: () => number, line: Buffer): Buffer {
  const pick = rand();
  const pos = Math.floor(rand() * (line.length + 1));
  if (pick < 0.3) return line; // intact
  if (pick < 0.42) return line.subarray(0, pos); // truncated
  if (pick < 0.5) {
    const tab = line.indexOf(9, pos);
    return tab === -1
      ? Buffer.concat([line, Buffer.from("\textra")])
      : Buffer.concat([line.subarray(0, tab), line.subarray(tab + 1)]);
  }
  if (pick < 0.58)
    return Buffer.from(
      line.toString("latin1").replace(/\t(\d{8}|\d{4}-\d\d-\d\d)\t/, "\t20231341\t"),
      "latin1",
    ); // bad date
  if (pick < 0.66)
    return Buffer.from(line.toString("latin1").replace(/\t0?\d{2,3}\t/, "\t999\t"), "latin1"); // unknown code
  if (pick < 0.74)
    return Buffer.concat([
      line.subarray(0, pos),
      Buffer.from([0xc3, 0x28, 0xff]),
      line.subarray(pos),
    ]); // invalid UTF-8
  if (pick < 0.8)
    return Buffer.concat([line.subarray(0, pos), Buffer.from([0]), line.subarray(pos)]); // NUL
  const n = Math.floor(rand() * 400);
  const junk = Buffer.alloc(n);
  for (let i = 0; i < n; i++) junk[i] = Math.floor(rand() * 256); // binary garbage (may hold newlines)
  return junk;
}

/** Non-empty lines after splitting on \n and dropping one trailing \r: an independent count. */
function countLines(buf: Buffer): number {
  let n = 0;
  let s = 0;
  while (s <= buf.length) {
    let e = buf.indexOf(10, s);
    if (e === -1) e = buf.length;
    let le = e;
    if (le > s && buf[le - 1] === 13) le--;
    if (le > s) n++;
    s = e + 1;
  }
  return n;
}

// PLOVER records as JSON Lines, one per line.
const JSONL = join(tempDir(), "gsr.jsonl");
writeFileSync(
  JSONL,
  (JSON.parse(readFileSync(PLOVER_GSR, "utf8")) as unknown[])
    .map((r) => JSON.stringify(r))
    .join("\n"),
);

const CASES: { format: ImportFormat; file: string; header: boolean; seed: number }[] = [
  { format: "plover", file: JSONL, header: false, seed: 5 },
  { format: "gdelt", file: GDELT1, header: false, seed: 1 },
  { format: "gdelt", file: GDELT2, header: false, seed: 2 },
  { format: "icews", file: ICEWS, header: true, seed: 3 },
  { format: "csv", file: GDELT_CSV, header: true, seed: 4 },
];

for (const c of CASES) {
  test(`fuzz (${c.format}, seed ${c.seed}): damaged lines are counted and rejected, never crash or corrupt the store`, async () => {
    const rand = mulberry32(c.seed);
    const lines = readFileSync(c.file)
      .toString("latin1")
      .split("\n")
      .filter(Boolean)
      .map((l) => Buffer.from(l, "latin1"));
    const head = c.header ? [lines.shift()!] : [];
    const out: Buffer[] = [...head];
    for (let i = 0; i < 600; i++) out.push(mutate(rand, lines[Math.floor(rand() * lines.length)]));
    const buf = Buffer.concat(out.flatMap((b) => [b, Buffer.from("\n")]));
    const dir = tempDir();
    const f = join(dir, `fuzz.${c.format}`);
    writeFileSync(f, buf);
    const store = await memoryStore();
    const mapping = c.format === "csv" ? GDELT_CSV_PRESET : undefined;
    let s: Awaited<ReturnType<typeof importInto>>;
    try {
      s = await importInto(store, { format: c.format, files: [f], mapping, dedup: "none" });
    } catch (e) {
      // A header damaged beyond recognition is a file-level error; the store must be untouched.
      assert.match((e as Error).message, /not a|header/);
      const [{ n }] = await store.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM event_rows",
      );
      assert.equal(n, 0);
      store.close();
      return;
    }
    const expected = countLines(buf) - head.length;
    assert.equal(s.rowsRead, expected);
    assert.equal(s.rowsImported + s.rowsRejected, s.rowsRead);
    assert.ok(s.rowsRejected > 0 && s.rowsImported > 0);
    for (const b of s.files[0].firstBadLines)
      assert.ok(b.line >= 1 && b.line <= countLines(buf) + 50);
    const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
    assert.equal(n, s.rowsImported);
    const table = readTable(c.format === "icews" ? "goldstein-icews.tsv" : "goldstein-gdelt.tsv");
    const rows = await store.all<{ code: string; g: number; d: string | null }>(
      "SELECT event_code AS code, goldstein AS g, date::VARCHAR AS d FROM event_rows",
    );
    for (const r of rows) {
      if (c.format !== "plover") assert.equal(r.g, table.get(r.code));
      assert.match(r.d ?? "", /^\d{4}-\d\d-\d\d$/);
    }
    // The same bytes gzip-compressed give the same counts.
    const gz = join(dir, `fuzz.${c.format}.gz`);
    writeFileSync(gz, gzipSync(buf));
    const store2 = await memoryStore();
    const s2 = await importInto(store2, { format: c.format, files: [gz], mapping });
    assert.equal(s2.rowsRead, s.rowsRead);
    assert.equal(s2.rowsImported, s.rowsImported);
    store.close();
    store2.close();
  });
}

test("fuzz: pure random bytes never crash the GDELT importer: every row is rejected, the call fails and records nothing", async () => {
  const rand = mulberry32(99);
  const dir = tempDir();
  const store = await memoryStore();
  for (let k = 0; k < 5; k++) {
    const buf = Buffer.alloc(20000);
    for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(rand() * 256);
    const f = join(dir, `random-${k}.bin`);
    writeFileSync(f, buf);
    await assert.rejects(importInto(store, { format: "gdelt", files: [f] }), (e) => {
      assert.ok(e instanceof RejectedFileError, String(e));
      assert.equal(e.files[0].status, "rejected");
      assert.equal(e.files[0].rowsRead, countLines(buf));
      assert.equal(e.files[0].rowsImported, 0);
      assert.match(e.message, /binary data/);
      return true;
    });
  }
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
  assert.equal(n, 0);
  const [{ f }] = await store.all<{ f: number }>("SELECT count(*)::INTEGER AS f FROM event_files");
  assert.equal(f, 0, "no file is recorded as imported");
  store.close();
});

test("a gzip file cut short imports the complete lines and reports the truncation", async () => {
  const dir = tempDir();
  const raw = readFileSync(GDELT1);
  const gz = gzipSync(raw);
  const f = join(dir, "cut.tsv.gz");
  writeFileSync(f, gz.subarray(0, Math.floor(gz.length * 0.6)));
  const store = await memoryStore();
  const s = await importInto(store, { format: "gdelt", files: [f] });
  assert.equal(s.rejects["truncated-file"], 1);
  assert.ok(s.rowsImported > 100 && s.rowsImported < 710);
  store.close();
});
