import type { Command } from "commander";
import { withStore } from "../context.ts";
import { printJson, printTable } from "../output.ts";

export function register(program: Command): void {
  program
    .command("sources")
    .description(
      "the reference panel's coverage: one row per source table with its years, unit, licence and citation (after to_year a value is missing, not zero)",
    )
    .option(
      "--db <path>",
      "store file; the panel is read from data/reference/ and needs none (default: in memory)",
      ":memory:",
    )
    .option("--json", "print JSON")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { coverage } = await import("../../data/panel/coverage.ts");
      const rows = await withStore(opts, (store) => coverage(store));
      if (opts.json) printJson({ count: rows.length, sources: rows });
      else
        printTable(
          rows,
          ["table", "dataset", "from_year", "to_year", "rows", "unit", "licence"],
          48,
        );
    });
}
