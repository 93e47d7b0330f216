import type { Command } from "commander";
import { codeArg, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("levels <iso3>")
    .description(
      "a focal state's partners by level (neighbourhood, regional, systemic) in a year: the level rule from the panel, with a scenario's overrides when --scenario is given",
    )
    .option("--year <year>", "year", "2024")
    .option("--scenario <name|dir>", "apply this scenario's levels.csv overrides")
    .option("--radius <km>", "capital-to-capital radius of the regional level, km", "2500")
    .option("--db <path>", "store file; the panel needs none (default: in memory)", ":memory:")
    .option("--json", "print JSON")
    .action(
      async (
        iso3: string,
        opts: { year: string; scenario?: string; radius: string; db?: string; json?: boolean },
      ) => {
        const focal = codeArg(iso3);
        const year = yearOption("year", opts.year)!;
        const radius = Number(opts.radius);
        if (!Number.isFinite(radius) || radius <= 0)
          throw new UsageError(`--radius must be a positive number of km, not "${opts.radius}"`);
        const { levelsFor } = await import("../../data/level-rule.ts");
        const overrides = opts.scenario
          ? (await import("../context.ts")).scenarioFromOptions(opts).levels
          : [];
        const levels = await withStore(opts, (store) =>
          levelsFor(store, focal, year, overrides, { regionalRadiusKm: radius }),
        );
        if (opts.json) printJson({ focal, year, scenario: opts.scenario ?? null, levels });
        else printTable(levels, ["partner", "level", "basis", "notes", "source"], 70);
      },
    );
}
