import type { Command } from "commander";
import { codeArg, codesOption, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("idealpoints <ISO3>")
    .description(
      "UNGA ideal points (Voeten): distance to each comparator and relative position on a rival axis (0 at the first state, 1 at the second)",
    )
    .requiredOption("--with <ISO3,...>", "comparators (e.g. RUS,USA,TUR,CHN)")
    .option("--axis <A,B>", "rival axis, e.g. RUS,USA")
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2024")
    .option(
      "--variant <fp|all>",
      "final-passage votes (fp, to 2024) or all votes (all, to 2023)",
      "fp",
    )
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { idealPoints } = await import("../../measure/ideal-points.ts");
      const focal = codeArg(iso3);
      const partners = codesOption(opts.with as string)!;
      const axis = codesOption(opts.axis as string | undefined);
      if (axis && axis.length !== 2) throw new UsageError("--axis takes two codes, e.g. RUS,USA");
      const variant = opts.variant as string;
      if (variant !== "fp" && variant !== "all")
        throw new UsageError("--variant must be fp or all");
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      await withStore(opts as { db?: string }, async (store) => {
        const rows = await idealPoints(store, {
          focal,
          partners,
          axis: axis as [string, string] | undefined,
          from,
          to,
          variant,
        });
        if (opts.json)
          printJson({
            focal,
            variant,
            source: "Bailey, Strezhnev & Voeten (2017) ideal points, July 2025 release",
            rows,
          });
        else
          printTable(
            rows.map((r) => ({
              year: r.year,
              theta: r.theta,
              ...Object.fromEntries(partners.map((p) => [`|Δ|${p}`, r.partners[p].distance])),
              ...(r.axis
                ? { axisPosition: r.axis.position, equidistance: r.axis.equidistance }
                : {}),
            })),
          );
      });
    });
}
