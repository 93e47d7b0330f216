import type { Command } from "commander";
import { codeArg, codesOption, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("alignment <ISO3>")
    .description(
      "UN General Assembly vote alignment per dyad-year: Lijphart agreement, S (absolute, squared), Häge's κ and π, Benati–Capurri alignment index",
    )
    .option("--with <ISO3,...>", "partners (default: every state that voted)")
    .option("--from <year>", "first calendar year")
    .option("--to <year>", "last calendar year")
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { alignment } = await import("../../measure/alignment.ts");
      const { panelCoverage, requirePanel } = await import("../../measure/panel.ts");
      const focal = codeArg(iso3);
      const partners = codesOption(opts.with as string | undefined);
      const from = yearOption("from", opts.from as string | undefined);
      const to = yearOption("to", opts.to as string | undefined);
      if (from !== undefined && to !== undefined && from > to)
        throw new UsageError(`--from ${from} is after --to ${to}`);
      await withStore(opts as { db?: string }, async (store) => {
        await requirePanel(store, "ref_unvotes");
        const rows = await alignment(store, { focal, partners, from, to });
        const coverage = await panelCoverage(store, "ref_unvotes");
        const missing = (partners ?? []).filter((p) => !rows.some((r) => r.b === p));
        if (opts.json)
          printJson({
            rows,
            coverage,
            coding: "1 yes, 2 abstain, 3 no; absences excluded; calendar year",
            ...(missing.length > 0 ? { noJointVotes: missing } : {}),
          });
        else {
          printTable(rows as unknown as Record<string, unknown>[], [
            "year",
            "a",
            "b",
            "n",
            "agreement",
            "sAbs",
            "sSq",
            "kappa",
            "pi",
            "alignmentIndex",
          ]);
          if (coverage)
            process.stdout.write(
              `votes cover ${coverage.from}–${coverage.to} (${coverage.source}); later years are missing, not zero\n`,
            );
        }
      });
    });
}
