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
    .option("--min-roll-calls <n>", "fewest joint roll calls for a measured dyad-year (default 40)")
    .option("--seed <n>", "bootstrap seed (default 1)")
    .option("--draws <n>", "bootstrap draws per dyad-year, 0 for none (default 1000)")
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
      const int = (name: string, v: unknown, min: number): number | undefined => {
        if (v === undefined) return undefined;
        const x = Number(v);
        if (!Number.isInteger(x) || x < min)
          throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${v}`);
        return x;
      };
      const minRollCalls = int("min-roll-calls", opts.minRollCalls, 1);
      const seed = int("seed", opts.seed, 0);
      const draws = int("draws", opts.draws, 0);
      await withStore(opts as { db?: string }, async (store) => {
        await requirePanel(store, "ref_unvotes");
        const rows = await alignment(store, {
          focal,
          partners,
          from,
          to,
          minRollCalls,
          seed,
          draws,
        });
        const coverage = await panelCoverage(store, "ref_unvotes");
        const missing = (partners ?? []).filter((p) => !rows.some((r) => r.b === p));
        if (opts.json)
          printJson({
            rows,
            coverage,
            coding: "1 yes, 2 abstain, 3 no; absences excluded; calendar year",
            intervals: "90 % percentile bootstrap over roll calls, seeded; null below minRollCalls",
            ...(missing.length > 0 ? { noJointVotes: missing } : {}),
          });
        else {
          const fmt = (v: number) => v.toFixed(3);
          const shown = rows.map((r) => ({
            ...r,
            "agreement 90%": r.intervals
              ? `${fmt(r.intervals.agreement[0])}–${fmt(r.intervals.agreement[1])}`
              : "",
            "κ 90%": r.intervals ? `${fmt(r.intervals.kappa[0])}–${fmt(r.intervals.kappa[1])}` : "",
          }));
          printTable(shown as unknown as Record<string, unknown>[], [
            "year",
            "a",
            "b",
            "n",
            "status",
            "agreement",
            "agreement 90%",
            "sAbs",
            "sSq",
            "kappa",
            "κ 90%",
            "pi",
            "alignmentIndex",
          ]);
          process.stdout.write(
            `rows below ${rows[0]?.minRollCalls ?? 40} joint roll calls are "no data" (measures blank, n shown)\n`,
          );
          if (coverage)
            process.stdout.write(
              `votes cover ${coverage.from}–${coverage.to} (${coverage.source}); later years are missing, not zero\n`,
            );
        }
      });
    });
}
