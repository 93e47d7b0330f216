// `ana serve --store clickhouse://…`: the operations that read imported events (dyads, relations)
// answer from the cluster. The cluster comes from process.env.ANA_CLICKHOUSE, which
// scripts/run-tests.js starts (scripts/clickhouse-cluster.sh) when it is unset.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { createApp } from "../../src/server/index.ts";
import { parseStoreOption } from "../../src/store/clickhouse/config.ts";
import { ClickHouseEventStore } from "../../src/store/clickhouse/store.ts";
import { ICEWS } from "../ingest/helpers.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;

test("a server started with an event store answers /api/dyads and /api/relations from ClickHouse, as the CLI does", async () => {
  const endpoint = process.env.ANA_CLICKHOUSE;
  assert.ok(endpoint, "ANA_CLICKHOUSE is not set: run through npm test (scripts/run-tests.js)");
  const db = `ana_test_${process.pid}_serve`;
  const url = `${endpoint}${endpoint.includes("?") ? "&" : "?"}database=${db}`;
  const ana = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const { app, ctx } = await createApp({ db: ":memory:", eventStore: url });
  try {
    ana("import", "icews", ICEWS, "--store", url, "--json");
    const cli = ana("dyads", "--store", url, "--actor", "AZE", "--by", "year", "--json");
    assert.ok(cli.rows.length > 0);
    const res = await app.request("/api/dyads?actor=AZE&by=year");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), cli);
    const rel = ana(
      "relations",
      "AZE",
      "--with",
      "PRT",
      "--evidence",
      "imported",
      "--store",
      url,
      "--json",
    );
    const r2 = await app.request("/api/relations?focal=AZE&with=PRT&evidence=imported");
    assert.equal(r2.status, 200);
    assert.deepEqual(await r2.json(), rel);
    assert.ok(rel.rows.some((x: { evidence: string }) => x.evidence === "imported:icews"));
  } finally {
    await ctx.close();
    const cfg = parseStoreOption(endpoint);
    const s = await ClickHouseEventStore.open(cfg);
    await s.onEach(`DROP DATABASE IF EXISTS ${db}`);
    await s.close();
  }
});
