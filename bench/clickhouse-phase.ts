// One measured phase of bench/clickhouse.ts, in its own process so that peak memory is its own.
// Usage: npx tsx bench/clickhouse-phase.ts import|dyads FILE (--db PATH | --store URL)
// Prints one JSON line: {phase, seconds, maxRssMb, rows, ...}.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { importEvents } from "../src/ingest/import-events.ts";
import { openEventBackend } from "../src/store/event-backend.ts";

const [phase, file, flag, target] = process.argv.slice(2);
const opts = flag === "--db" ? { db: target } : { store: target };
const t0 = performance.now();
const sec = (t: number) => Math.round((performance.now() - t) / 10) / 100;
const out: Record<string, unknown> = { phase };

if (phase === "import" && opts.db)
  for (const p of [opts.db, `${opts.db}.wal`]) rmSync(p, { force: true });
const b = await openEventBackend(opts);
if (phase === "import") {
  const t = performance.now();
  const s = await importEvents(b.sink(), { format: "gdelt", files: [file], dedup: "exact" });
  out.seconds = sec(t);
  out.rows = s.rowsImported;
  out.rejected = s.rowsRejected;
} else if (phase === "dyads") {
  for (const dedup of ["none", "exact"] as const) {
    const t = performance.now();
    const r = await b.dyads({ by: "month", dedup });
    out[`monthly_${dedup}_s`] = sec(t);
    out[`monthly_${dedup}_rows`] = r.rows.length;
    // A digest of every row, to check the engines agree.
    out[`monthly_${dedup}_sha256`] = createHash("sha256")
      .update(JSON.stringify(r.rows))
      .digest("hex")
      .slice(0, 16);
  }
  const t = performance.now();
  const r = await b.dyads({ by: "month", dedup: "none", actor: "AZE" });
  out.monthly_aze_s = sec(t);
  out.monthly_aze_rows = r.rows.length;
  out.seconds = sec(t0);
} else throw new Error(`unknown phase ${phase}`);
await b.close();
out.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(out));
