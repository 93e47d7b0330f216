// One measured phase of bench/import.ts, run in its own process so that peak memory is its own.
// Usage: npx tsx bench/import-phase.ts ceiling|import|dyads FILE DB
// Prints one JSON line: {phase, seconds, rows, maxRssMb, ...}.
import { rmSync } from "node:fs";
import { importEvents } from "../src/ingest/import-events.ts";
import { dyads } from "../src/store/duckdb/dyads.ts";
import { DuckDbEventSink } from "../src/store/duckdb/sink.ts";
import { Store } from "../src/store/store.ts";
import { ceilingSql } from "./gdelt2-schema.ts";

const [phase, file, db] = process.argv.slice(2);
const t0 = performance.now();
const report = (extra: Record<string, unknown>) =>
  console.log(
    JSON.stringify({
      phase,
      seconds: Math.round((performance.now() - t0) / 10) / 100,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...extra,
    }),
  );

if (phase === "ceiling") {
  for (const p of [db, `${db}.wal`]) rmSync(p, { force: true });
  const store = await Store.open(db);
  await store.run(ceilingSql(file));
  const [{ n }] = await store.all<{ n: number }>("SELECT count(*)::BIGINT AS n FROM gdelt_events");
  store.close();
  report({ rows: n });
} else if (phase === "import") {
  for (const p of [db, `${db}.wal`]) rmSync(p, { force: true });
  const store = await Store.open(db);
  const s = await importEvents(new DuckDbEventSink(store), {
    format: "gdelt",
    files: [file],
    dedup: "exact",
  });
  store.close();
  report({ rows: s.rowsImported, rejected: s.rowsRejected });
} else if (phase === "dyads") {
  const store = await Store.open(db);
  const out: Record<string, unknown> = {};
  for (const dedup of ["none", "exact"] as const) {
    const t = performance.now();
    const r = await dyads(store, { by: "month", dedup });
    out[`monthly_${dedup}_s`] = Math.round((performance.now() - t) / 10) / 100;
    out[`monthly_${dedup}_rows`] = r.rows.length;
  }
  const t = performance.now();
  const r = await dyads(store, { by: "month", dedup: "none", actor: "AZE" });
  out.monthly_aze_s = Math.round((performance.now() - t) / 10) / 100;
  out.monthly_aze_rows = r.rows.length;
  store.close();
  report(out);
} else throw new Error(`unknown phase ${phase}`);
