import type { Command } from "commander";
import { codeArg, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("multilateralism <ISO3>")
    .description(
      "memberships over time, bridging organisations (holding both sides of a rivalry), forums hosted and mediation, from the scenario",
    )
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2025")
    .option("--scenario <name|dir>", "scenario (default: azerbaijan)")
    .option("--db <path>", "store file (unused: the measure reads the scenario only)")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { multilateralism, HOSTING_RULE, MEDIATION_RULE } = await import(
        "../../measure/multilateralism.ts"
      );
      const focal = codeArg(iso3);
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const sc = optionalScenario(opts as { scenario?: string });
      if (!sc)
        throw new UsageError("no scenario: pass --scenario (or make one with `ana scenario init`)");
      const rows = multilateralism(sc.scenario, focal, from, to);
      if (opts.json)
        printJson({
          scenario: sc.scenario.meta.id,
          hostingRule: HOSTING_RULE,
          mediationRule: MEDIATION_RULE,
          rows,
        });
      else
        printTable(
          rows.map((r) => ({
            year: r.year,
            full: r.full,
            partial: r.partial,
            bridging: r.bridging.map((b) => b.organisation).join(", "),
            hosted: r.eventsKnown ? r.hosted.length : null,
            mediation: r.eventsKnown ? r.mediation.length : null,
          })),
        );
    });
}
