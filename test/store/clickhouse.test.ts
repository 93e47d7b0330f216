// The ClickHouse event store against a real two-shard cluster (Debian's clickhouse-server on
// loopback). The endpoint comes from ANA_CLICKHOUSE (exported by .ci/run after
// scripts/clickhouse-cluster.sh start); without it this file starts the cluster itself with that
// script and stops it at the end. Nothing is skipped: no server means a failing test that says why.
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { DedupMode } from "../../src/ingest/dedup.ts";
import { type ImportOptions, importEvents } from "../../src/ingest/import-events.ts";
import { GDELT_CSV_PRESET } from "../../src/ingest/parse-csv-mapped.ts";
import { parseStoreOption } from "../../src/store/clickhouse/config.ts";
import { ClickHouseEventSink } from "../../src/store/clickhouse/sink.ts";
import { ClickHouseEventStore } from "../../src/store/clickhouse/store.ts";
import type { DyadQuery } from "../../src/store/dyads.ts";
import {
  ClickHouseEventBackend,
  DuckDbEventBackend,
  type EventBackend,
} from "../../src/store/event-backend.ts";
import { Store } from "../../src/store/store.ts";
import { GDELT_CSV, GDELT1, GDELT2, ICEWS, PLOVER_GSR } from "../ingest/helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCRIPT = join(ROOT, "scripts/clickhouse-cluster.sh");
const BIN = join(ROOT, "bin/ana.js");
const TMP = mkdtempSync(join(tmpdir(), "ana-ch-test-"));
let endpoint = process.env.ANA_CLICKHOUSE ?? "";
let startedHere = false;
const chBase = join(TMP, "cluster");

before(() => {
  if (endpoint) return;
  const r = spawnSync(SCRIPT, ["start"], {
    encoding: "utf8",
    env: { ...process.env, ANA_CH_BASE: chBase },
  });
  if (r.status !== 0)
    throw new Error(
      `ClickHouse tests need a two-shard cluster: ANA_CLICKHOUSE is not set and \`scripts/clickhouse-cluster.sh start\` failed:\n${r.stderr}`,
    );
  endpoint = /ANA_CLICKHOUSE=(\S+)/.exec(r.stdout)![1];
  startedHere = true;
});
after(() => {
  if (startedHere)
    spawnSync(SCRIPT, ["stop"], { encoding: "utf8", env: { ...process.env, ANA_CH_BASE: chBase } });
  rmSync(TMP, { recursive: true, force: true });
});

let dbCounter = 0;
/** A fresh database on the cluster (or on the first node alone), dropped by `close`. */
async function clickhouse(single = false): Promise<ClickHouseEventBackend> {
  const db = `ana_test_${process.pid}_${++dbCounter}`;
  const cfg = parseStoreOption(endpoint);
  cfg.database = db;
  if (single) {
    cfg.nodes = cfg.nodes.slice(0, 1);
    cfg.cluster = undefined;
  }
  return new ClickHouseEventBackend(await ClickHouseEventStore.open(cfg));
}
async function dropDb(b: ClickHouseEventBackend): Promise<void> {
  await b.store.onEach(`DROP DATABASE IF EXISTS ${b.store.db}`);
  await b.close();
}

const IMPORTS: ImportOptions[] = [
  { format: "gdelt", files: [GDELT2, GDELT1] },
  { format: "csv", files: [GDELT_CSV], mapping: GDELT_CSV_PRESET, dedup: "daily" },
  { format: "icews", files: [ICEWS] },
  { format: "plover", files: [PLOVER_GSR] },
  { format: "icews", files: [ICEWS], goldsteinTable: "gdelt", quadScheme: "phoenix" },
];

async function importAll(b: EventBackend, imports: ImportOptions[]) {
  const out = [];
  for (const o of imports) out.push(await importEvents(b.sink(), o));
  return out;
}

const QUERIES: DyadQuery[] = [];
for (const dedup of ["none", "exact", "daily"] as DedupMode[])
  for (const by of ["month", "year"] as const) QUERIES.push({ by, dedup });
QUERIES.push({ by: "month" }, { by: "month", actor: "AZE", from: "2012-03", to: "2018-06" });
QUERIES.push({ by: "year", datasets: ["icews", "plover"], dedup: "exact" });

async function assertSameAnswers(duck: EventBackend, chs: EventBackend[], label: string) {
  for (const q of QUERIES) {
    const want = await duck.dyads(q);
    assert.ok(
      want.rows.length > 0 || q.datasets,
      `${label}: DuckDB has rows for ${JSON.stringify(q)}`,
    );
    for (const c of chs)
      assert.deepStrictEqual(await c.dyads(q), want, `${label}: ${JSON.stringify(q)}`);
  }
  for (const mode of ["none", "exact", "daily"] as DedupMode[]) {
    const want = await duck.countDuplicates(mode);
    for (const c of chs)
      assert.equal(await c.countDuplicates(mode), want, `${label}: duplicates ${mode}`);
  }
  for (const q of [
    { actor: "AZE" },
    { actor: "USA", partner: "RUS", dedup: "none" as const },
    {},
  ]) {
    const want = await duck.importedEvents(q);
    for (const c of chs)
      assert.deepStrictEqual(
        await c.importedEvents(q),
        want,
        `${label}: imported events ${JSON.stringify(q)}`,
      );
  }
}

test("real samples through the 2-shard cluster and one node: every dyad row equals DuckDB's", async () => {
  const duck = new DuckDbEventBackend(await Store.open(":memory:"));
  const cluster = await clickhouse();
  const single = await clickhouse(true);
  try {
    const sd = await importAll(duck, IMPORTS);
    const sc = await importAll(cluster, IMPORTS);
    const ss = await importAll(single, IMPORTS);
    const strip = (s: (typeof sd)[number]) => ({ ...s, seconds: 0, rowsPerSecond: 0 });
    assert.deepStrictEqual(
      sc.map(strip),
      sd.map(strip),
      "import summaries (re-import detection too)",
    );
    assert.deepStrictEqual(ss.map(strip), sd.map(strip));
    assert.equal(sd[4].files[0].status, "already-imported", "the second ICEWS import is detected");
    // Rows really are spread over both shards.
    const perShard = [];
    for (let i = 0; i < 2; i++)
      perShard.push(
        (
          await cluster.store.all<{ n: number }>(
            `SELECT count() AS n FROM ${cluster.store.db}.event_rows_local`,
            i,
          )
        )[0].n,
      );
    const total = sd.reduce((a, s) => a + s.rowsImported, 0);
    assert.equal(perShard[0] + perShard[1], total);
    assert.ok(perShard[0] > total * 0.3 && perShard[1] > total * 0.3, `shards ${perShard}`);
    await assertSameAnswers(duck, [cluster, single], "samples");
  } finally {
    await duck.close();
    await dropDb(cluster);
    await dropDb(single);
  }
});

test("a generated GDELT 2.0 file and an overlapping copy: dedup keeps the same first rows on every engine", async () => {
  const file = join(TMP, "gen.tsv");
  execFileSync(process.execPath, [
    "--import",
    "tsx",
    join(ROOT, "bench/gen-gdelt2.ts"),
    "12000",
    file,
  ]);
  const lines = readFileSync(file, "utf8").split("\n");
  // Same events (same GLOBALEVENTIDs) again in a second file, some with another date: exact
  // dedup must keep the first file's rows, whichever shard each copy landed on.
  const copy = lines
    .slice(0, 5000)
    .map((l, i) => (i % 3 === 0 ? l.replace(/\t2\d{7}\t/, "\t20200101\t") : l));
  const file2 = join(TMP, "gen-overlap.tsv");
  writeFileSync(file2, `${copy.filter(Boolean).join("\n")}\n`);
  const duck = new DuckDbEventBackend(await Store.open(":memory:"));
  const cluster = await clickhouse();
  try {
    const imp: ImportOptions[] = [{ format: "gdelt", files: [file, file2] }];
    const [a] = await importAll(duck, imp);
    const [b] = await importAll(cluster, imp);
    assert.equal(b.rowsImported, a.rowsImported);
    assert.ok((await duck.countDuplicates("exact")) >= 4500, "the copy's rows are duplicates");
    await assertSameAnswers(duck, [cluster], "generated");
  } finally {
    await duck.close();
    await dropDb(cluster);
  }
});

/** A sink that dies after its rows are attached on the shards, before the commit point. */
class DiesBeforeCommitPoint extends ClickHouseEventSink {
  protected override async writeRecords(): Promise<void> {
    throw new Error("simulated crash before the file records");
  }
}

test("failed, interrupted and killed imports leave no rows visible; staging is cleaned up", async () => {
  const cluster = await clickhouse();
  const s = cluster.store;
  const visible = async () => (await cluster.dyads({ by: "year", dedup: "none" })).rows;
  const localRows = async () => {
    let n = 0;
    for (let i = 0; i < 2; i++)
      n += (await s.all<{ n: number }>(`SELECT count() AS n FROM ${s.db}.event_rows_local`, i))[0]
        .n;
    return n;
  };
  const staging = async () => {
    let n = 0;
    for (let i = 0; i < 2; i++)
      n += (
        await s.all<{ n: number }>(
          `SELECT count() AS n FROM system.tables WHERE database = '${s.db}' AND startsWith(name, 'ana_stage_')`,
          i,
        )
      )[0].n;
    return n;
  };
  try {
    await importEvents(cluster.sink(), { format: "icews", files: [ICEWS] });
    const before1 = await visible();
    const rows1 = await localRows();
    // --strict with a bad row in the second file: the first file was already streamed.
    const bad = join(TMP, "bad.tsv");
    writeFileSync(bad, "not\ta\tgdelt\tline\n");
    await assert.rejects(
      importEvents(cluster.sink(), { format: "gdelt", files: [GDELT2, bad], strict: true }),
      /strict/,
    );
    assert.deepStrictEqual(await visible(), before1);
    assert.equal(
      await localRows(),
      rows1,
      "the streamed file's rows were dropped with its staging table",
    );
    assert.equal(await staging(), 0);
    // Death after the rows were attached, before the file records: rows exist but stay invisible.
    await assert.rejects(
      importEvents(new DiesBeforeCommitPoint(s), { format: "gdelt", files: [GDELT2] }),
      /simulated crash/,
    );
    assert.ok((await localRows()) > rows1, "the rows reached event_rows_local");
    assert.deepStrictEqual(await visible(), before1, "…but no query sees them");
    // A real process killed mid-import (SIGKILL: no cleanup runs).
    const big = join(TMP, "big.tsv");
    execFileSync(process.execPath, [
      "--import",
      "tsx",
      join(ROOT, "bench/gen-gdelt2.ts"),
      "200000",
      big,
    ]);
    const child = spawn(
      process.execPath,
      [BIN, "import", "gdelt", big, "--store", storeUrl(s.db)],
      {
        stdio: "ignore",
      },
    );
    const t0 = Date.now();
    while ((await staging()) === 0 && Date.now() - t0 < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok((await staging()) > 0, "the child import started staging");
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    assert.deepStrictEqual(await visible(), before1, "nothing of the killed import is visible");
    // The next import drops the dead import's staging tables, and lands whole.
    const ok = await importEvents(cluster.sink(), { format: "gdelt", files: [GDELT2] });
    assert.equal(ok.files[0].status, "imported", "the crashed imports never recorded the file");
    assert.equal(await staging(), 0);
    const duck = new DuckDbEventBackend(await Store.open(":memory:"));
    await importEvents(duck.sink(), { format: "icews", files: [ICEWS] });
    await importEvents(duck.sink(), { format: "gdelt", files: [GDELT2] });
    for (const mode of ["none", "exact"] as DedupMode[])
      assert.deepStrictEqual(
        await cluster.dyads({ by: "month", dedup: mode }),
        await duck.dyads({ by: "month", dedup: mode }),
      );
    await duck.close();
  } finally {
    await dropDb(cluster);
  }
});

function storeUrl(db: string): string {
  return `${endpoint}${endpoint.includes("?") ? "&" : "?"}database=${db}`;
}

test("ana import / ana dyads --store on the cluster print what --db prints", async () => {
  const db = `ana_test_${process.pid}_cli`;
  const url = storeUrl(db);
  const duckFile = join(TMP, "cli.duckdb");
  const ana = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  try {
    const a = JSON.parse(ana("import", "icews", ICEWS, "--store", url, "--json"));
    const b = JSON.parse(ana("import", "icews", ICEWS, "--db", duckFile, "--json"));
    for (const x of [a, b]) {
      x.seconds = 0;
      x.rowsPerSecond = 0;
    }
    assert.deepStrictEqual(a, b);
    const again = JSON.parse(ana("import", "icews", ICEWS, "--store", url, "--json"));
    assert.equal(again.files[0].status, "already-imported");
    assert.equal(
      ana("dyads", "--store", url, "--actor", "AZE", "--by", "year", "--json"),
      ana("dyads", "--db", duckFile, "--actor", "AZE", "--by", "year", "--json"),
    );
    const rel = (...where: string[]) =>
      ana("relations", "AZE", "--with", "PRT", "--evidence", "imported", "--json", ...where);
    const relCh = rel("--store", url);
    assert.equal(relCh, rel("--db", duckFile), "relation measures on imported events");
    assert.match(relCh, /imported:icews/);
    const both = spawnSync(process.execPath, [BIN, "dyads", "--store", url, "--db", duckFile], {
      encoding: "utf8",
    });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /give one/);
  } finally {
    const b = await clickhouse();
    await b.store.onEach(`DROP DATABASE IF EXISTS ${db}`);
    await dropDb(b);
  }
});
