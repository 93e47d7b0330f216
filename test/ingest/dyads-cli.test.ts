import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { createApp } from "../../src/server/app.ts";
import { importedEvents } from "../../src/store/duckdb/imported-events.ts";
import { Store } from "../../src/store/store.ts";
import { GDELT_CSV, ICEWS, tempDir } from "./helpers.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

test("ana import and ana dyads --json give the issue's shapes, and /api/dyads the same rows", async () => {
  const dir = tempDir();
  const db = join(dir, "s.duckdb");
  const imp = ana("import", "icews", ICEWS, "--db", db, "--json");
  assert.equal(imp.status, 0, imp.stderr);
  const summary = JSON.parse(imp.stdout);
  assert.equal(summary.rowsImported, 3705);
  assert.equal(summary.files[0].status, "imported");
  const imp2 = ana(
    "import",
    "csv",
    GDELT_CSV,
    "--preset",
    "gdelt-csv",
    "--db",
    db,
    "--json",
    "--dedup",
    "daily",
  );
  assert.equal(imp2.status, 0, imp2.stderr);
  const again = JSON.parse(ana("import", "icews", ICEWS, "--db", db, "--json").stdout);
  assert.equal(again.files[0].status, "already-imported");

  const out = ana("dyads", "--db", db, "--actor", "AZE", "--by", "month", "--json");
  assert.equal(out.status, 0, out.stderr);
  const j = JSON.parse(out.stdout);
  assert.ok(Array.isArray(j.rows) && j.rows.length > 0);
  for (const r of j.rows) {
    assert.deepEqual(Object.keys(r).slice(0, 8), [
      "period",
      "source",
      "target",
      "events",
      "goldsteinSum",
      "goldsteinMean",
      "quad",
      "netCooperation",
    ]);
    assert.deepEqual(Object.keys(r.quad), ["1", "2", "3", "4"]);
    assert.match(r.period, /^\d{4}-\d\d$/);
    assert.ok(r.source === "AZE" || r.target === "AZE");
    assert.notEqual(r.source, r.target);
    assert.equal(r.quad["1"] + r.quad["2"] + r.quad["3"] + r.quad["4"], r.events);
  }
  assert.equal(j.dedup, "daily", "the mode recorded by the last import that landed rows");
  const years = JSON.parse(
    ana(
      "dyads",
      "--db",
      db,
      "--by",
      "year",
      "--from",
      "2018",
      "--to",
      "2018",
      "--dedup",
      "none",
      "--json",
    ).stdout,
  );
  assert.ok(years.rows.every((r: { period: string }) => r.period === "2018"));
  const total = years.rows.reduce((a: number, r: { events: number }) => a + r.events, 0);
  // The store's own count of ICEWS state-to-state rows in 2018 (no duplicates among them).
  const store = await Store.open(db);
  const [{ n }] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM event_rows WHERE year(date) = 2018 AND source_iso3 IS NOT NULL AND target_iso3 IS NOT NULL AND source_iso3 <> target_iso3",
  );
  const ev = await importedEvents(store, {
    actor: "AZE",
    from: "2018-06",
    to: "2018-06",
    dedup: "none",
  });
  store.close();
  assert.equal(total, n);
  assert.ok(ev.length > 0 && ev.every((e) => e.evidence === "imported" && e.dataset === "icews"));
  assert.ok(ev.every((e) => e.source === "AZE" || e.target === "AZE"));

  assert.equal(ana("dyads", "--db", db, "--by", "week").status, 2);
  assert.equal(ana("import", "gdelt", join(dir, "missing.tsv"), "--db", db).status, 2);

  const { app, ctx } = await createApp({ db });
  const res = await app.request("/api/dyads?actor=AZE&by=month");
  assert.equal(res.status, 200);
  const api = (await res.json()) as { rows: unknown[] };
  assert.deepEqual(api.rows, j.rows);
  assert.equal((await app.request("/api/dyads?by=decade")).status, 400);
  assert.equal((await app.request("/api/dyads?dataset=../etc")).status, 400);
  await ctx.close();
});
