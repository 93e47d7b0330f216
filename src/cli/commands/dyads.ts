import type { Command } from "commander";
import { codeArg } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("dyads")
    .description(
      "directed dyad-period aggregates of the imported event data (computed in the store)",
    )
    .option("--db <path>", "store file (default: the user data directory)")
    .option(
      "--store <url|file>",
      "ClickHouse instead of the DuckDB file: clickhouse://host:port[,host:port...]?cluster=NAME or a JSON config (docs/scale.md)",
    )
    .option("--actor <ISO3>", "dyads with this state on either side")
    .option("--from <date>", "from YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--to <date>", "to YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--by <period>", "month | year", "month")
    .option("--dedup <mode>", "none | exact | daily (default: as recorded by the last import)")
    .option("--dataset <names>", "only these datasets: gdelt1,gdelt2,icews,plover,polecat,csv")
    .option("--json", "print JSON")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { withEventBackend } = await import("../../store/event-backend.ts");
      const { DEDUP_MODES } = await import("../../ingest/dedup.ts");
      const { periodStart } = await import("../../ingest/period.ts");
      if (opts.by !== "month" && opts.by !== "year")
        throw new UsageError("--by must be month or year");
      for (const k of ["from", "to"]) {
        const v = opts[k] as string | undefined;
        if (v !== undefined && !periodStart(v))
          throw new UsageError(`--${k} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
      }
      if (opts.dedup && !DEDUP_MODES.includes(opts.dedup as never))
        throw new UsageError(`--dedup must be one of ${DEDUP_MODES.join(", ")}`);
      const known = ["gdelt1", "gdelt2", "icews", "plover", "polecat", "csv"];
      const datasets = opts.dataset
        ? (opts.dataset as string).split(",").map((s) => s.trim())
        : undefined;
      for (const d of datasets ?? [])
        if (!known.includes(d))
          throw new UsageError(`--dataset: "${d}" is not one of ${known.join(", ")}`);
      if (opts.db !== undefined && opts.store !== undefined)
        throw new UsageError(
          "--db (DuckDB file) and --store (ClickHouse) name different stores: give one",
        );
      await withEventBackend(opts as { db?: string; store?: string }, async (store) => {
        const r = await store.dyads({
          actor: opts.actor ? codeArg(opts.actor as string) : undefined,
          from: opts.from as string | undefined,
          to: opts.to as string | undefined,
          by: opts.by as "month",
          dedup: opts.dedup as "exact" | undefined,
          datasets: datasets as never,
        });
        if (opts.json) printJson({ by: opts.by, dedup: r.dedup, rows: r.rows });
        else
          printTable(
            r.rows.map((x) => ({
              period: x.period,
              source: x.source,
              target: x.target,
              events: x.events,
              goldsteinSum: x.goldsteinSum,
              goldsteinMean: x.goldsteinMean,
              q1: x.quad["1"],
              q2: x.quad["2"],
              q3: x.quad["3"],
              q4: x.quad["4"],
              netCooperation: x.netCooperation,
            })),
          );
      });
    });
}
