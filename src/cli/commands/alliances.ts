import type { Command } from "commander";
import { codeArg, codesOption, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("alliances <ISO3>")
    .description(
      "alliance-portfolio similarity from ATOP (valued 3/2/1/0, Chiba et al.): S (absolute, squared), Häge's κ and π, to 2018",
    )
    .requiredOption("--with <ISO3,...>", "partners")
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2018")
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { allianceSimilarity } = await import("../../measure/alliance-similarity.ts");
      const focal = codeArg(iso3);
      const partners = codesOption(opts.with as string)!;
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      await withStore(opts as { db?: string }, async (store) => {
        const rows = await allianceSimilarity(store, { focal, partners, from, to });
        if (opts.json)
          printJson({
            coding:
              "ATOP valued: 3 defence/offence, 2 neutrality/consultation, 1 non-aggression, 0 none; self 3; system = COW states that year",
            source: "ATOP 5.1 (Leeds et al. 2002); COW state system",
            rows,
          });
        else printTable(rows as unknown as Record<string, unknown>[]);
      });
    });
}
