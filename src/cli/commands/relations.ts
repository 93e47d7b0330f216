import type { Command } from "commander";
import { codeArg, withStore } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("relations <ISO3>")
    .description(
      "dyadic relations from events: Goldstein sums and means, quad counts, net cooperation and a decayed relation score in [-1, 1]",
    )
    .requiredOption("--with <ISO3>", "the partner")
    .option("--by <month|year>", "period", "year")
    .option("--from <date>", "first period (YYYY or YYYY-MM)")
    .option("--to <date>", "last period (YYYY or YYYY-MM)")
    .option("--half-life <days>", "half-life of an event's weight in the decayed score", "365")
    .option("--prior <weight>", "weight of the neutral prior in the decayed score", "1")
    .option("--quad <scheme>", "quad scheme: gdelt or icews", "gdelt")
    .option("--goldstein <table>", "recorded (each event's weight) or cameo-root", "recorded")
    .option("--evidence <which>", "scenario, imported or all", "all")
    .option("--scenario <name|dir>", "scenario (default: azerbaijan when present)")
    .option("--db <path>", "store file (imported events)")
    .option(
      "--store <url|file>",
      "imported events from ClickHouse instead: clickhouse://host:port[,host:port...]?cluster=NAME (docs/scale.md)",
    )
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { relations, eventRecordsFromScenario } = await import("../../measure/relations.ts");
      const { importedEventRecords } = await import("../../measure/imported-evidence.ts");
      const a = codeArg(iso3);
      const b = codeArg(opts.with as string);
      const by = opts.by as string;
      if (by !== "month" && by !== "year") throw new UsageError("--by must be month or year");
      for (const k of ["from", "to"] as const) {
        const v = opts[k] as string | undefined;
        if (v !== undefined && !/^\d{4}(-\d{2})?$/.test(v))
          throw new UsageError(`--${k} must be YYYY or YYYY-MM, not "${v}"`);
      }
      const halfLife = Number(opts.halfLife);
      if (!(halfLife > 0)) throw new UsageError("--half-life must be a positive number of days");
      const prior = Number(opts.prior);
      if (!(prior >= 0)) throw new UsageError("--prior must be a number ≥ 0");
      const quad = opts.quad as string;
      if (quad !== "gdelt" && quad !== "icews")
        throw new UsageError("--quad must be gdelt or icews");
      const goldstein = opts.goldstein as string;
      if (goldstein !== "recorded" && goldstein !== "cameo-root")
        throw new UsageError("--goldstein must be recorded or cameo-root");
      const evidence = opts.evidence as string;
      if (!["scenario", "imported", "all"].includes(evidence))
        throw new UsageError("--evidence must be scenario, imported or all");
      const records = [];
      let scenarioId: string | null = null;
      if (evidence !== "imported") {
        const sc = optionalScenario(opts as { scenario?: string });
        if (sc) {
          scenarioId = sc.scenario.meta.id;
          records.push(...eventRecordsFromScenario(sc.scenario.events, `scenario:${scenarioId}`));
        } else if (evidence === "scenario")
          throw new UsageError(
            "no scenario: pass --scenario (or make one with `ana scenario init`)",
          );
      }
      if (evidence !== "scenario" && opts.store !== undefined) {
        if (opts.db !== undefined)
          throw new UsageError(
            "--db (DuckDB file) and --store (ClickHouse) name different stores: give one",
          );
        const { withEventBackend } = await import("../../store/event-backend.ts");
        const { importedToRecords } = await import("../../measure/imported-evidence.ts");
        await withEventBackend({ store: opts.store as string }, async (backend) => {
          records.push(
            ...importedToRecords(
              await backend.importedEvents({
                actor: a,
                partner: b,
                from: opts.from as string | undefined,
                to: opts.to as string | undefined,
              }),
            ),
          );
        });
      } else if (evidence !== "scenario")
        await withStore(
          opts as { db?: string },
          async (store) => {
            records.push(
              ...(await importedEventRecords(store, a, b, {
                from: opts.from as string | undefined,
                to: opts.to as string | undefined,
              })),
            );
          },
          { events: true },
        );
      const r = relations(records, {
        a,
        b,
        by,
        from: opts.from as string | undefined,
        to: opts.to as string | undefined,
        halfLifeDays: halfLife,
        prior,
        quadScheme: quad,
        goldstein,
      });
      if (opts.json) printJson({ scenario: scenarioId, ...r });
      else {
        printTable(
          r.rows.map((x) => ({
            ...x,
            quad: `${x.quad.verbalCooperation}/${x.quad.materialCooperation}/${x.quad.verbalConflict}/${x.quad.materialConflict}`,
          })) as unknown as Record<string, unknown>[],
          [
            "period",
            "evidence",
            "n",
            "goldsteinSum",
            "goldsteinMean",
            "quad",
            "netCooperation",
            "score",
          ],
        );
        process.stdout.write(
          `quad = verbal coop/material coop/verbal conflict/material conflict (${r.quadScheme} scheme); ${r.goldsteinTable}; half-life ${r.halfLifeDays} days\n`,
        );
      }
    });
}
