import type { Command } from "commander";
import { codeArg, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("hedging <ISO3>")
    .description(
      "hedging indices (ANA proposals): equidistance between rival poles, co-engagement with both sides, multivector entropy, per domain and combined",
    )
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2025")
    .option("--scenario <name|dir>", "scenario with poles and rivalries (default: azerbaijan)")
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { hedging } = await import("../../measure/hedging.ts");
      const focal = codeArg(iso3);
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const sc = optionalScenario(opts as { scenario?: string });
      if (!sc || sc.scenario.poles.length === 0)
        throw new UsageError(
          "hedging needs a scenario with poles.csv and rivalries.csv (pass --scenario)",
        );
      await withStore(opts as { db?: string }, async (store) => {
        const rows = await hedging(store, sc.scenario, focal, from, to);
        if (opts.json) printJson({ scenario: sc.scenario.meta.id, status: "ANA proposal", rows });
        else
          printTable(
            rows.map((r) => ({
              year: r.year,
              equidistance: r.combined.equidistance,
              coEngagement: r.combined.coEngagement,
              entropy: r.combined.entropy,
              domains: Object.keys(r.domains).join(","),
              rivalPairs: r.rivalPairs.map((p) => `${p.a}–${p.b}`).join(" "),
            })),
          );
      });
    });
}
