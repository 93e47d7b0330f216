import type { Command } from "commander";
import { codeArg, withStore, yearOption } from "../context.ts";
import { printJson } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  const scenario = program.command("scenario").description("make and manage scenario folders");
  scenario
    .command("init <iso3> <dir>")
    .description(
      "write a starting scenario for a state from the reference panel: actors, levels by rule, default poles, rivalries, NATO memberships, SIPRI arms imports (refuses a non-empty dir)",
    )
    .option("--year <year>", "reference year for levels and poles", "2024")
    .option("--from <year>", "first year of the scenario (default: year - 13)")
    .option("--to <year>", "last year of the scenario (default: year + 1)")
    .option("--radius <km>", "capital-to-capital radius of the regional level, km", "2500")
    .option(
      "--db <path>",
      "store file; the panel is read from data/reference/ and needs none (default: in memory)",
      ":memory:",
    )
    .option("--json", "print JSON")
    .action(
      async (
        iso3: string,
        dir: string,
        opts: {
          year: string;
          from?: string;
          to?: string;
          radius: string;
          db?: string;
          json?: boolean;
        },
      ) => {
        const focal = codeArg(iso3);
        if (!/^[A-Z]{3}$/.test(focal))
          throw new UsageError(`"${iso3}" is not an ISO3 code (e.g. KAZ)`);
        const radius = Number(opts.radius);
        if (!Number.isFinite(radius) || radius <= 0)
          throw new UsageError(`--radius must be a positive number of km, not "${opts.radius}"`);
        const { initScenario } = await import("../../data/init-scenario.ts");
        const r = await withStore(opts, (store) =>
          initScenario(store, focal, dir, {
            year: yearOption("year", opts.year),
            from: yearOption("from", opts.from),
            to: yearOption("to", opts.to),
            regionalRadiusKm: radius,
          }),
        );
        if (opts.json) printJson(r);
        else {
          process.stdout.write(`wrote ${r.dir} for ${r.focal} (reference year ${r.year})\n`);
          for (const [k, n] of Object.entries(r.counts))
            process.stdout.write(`  ${k.padEnd(12)} ${n}\n`);
          process.stdout.write(`check it with: ana data check ${r.dir}\n`);
        }
      },
    );
}
