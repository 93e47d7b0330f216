import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { withStore } from "../context.ts";
import { printJson } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("claims")
    .description(
      "check the seed's empirical claims against the data; writes docs/claims.md with --out",
    )
    .option("--out <file>", "write the Markdown report to this file")
    .option("--scenario <name|dir>", "scenario (default: azerbaijan)")
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { claimsReport, claimsMarkdown } = await import("../../claims/index.ts");
      const sc = optionalScenario(opts as { scenario?: string });
      if (!sc) throw new UsageError("no scenario: pass --scenario");
      await withStore(opts as { db?: string }, async (store) => {
        const report = await claimsReport(store, sc.scenario);
        const md = claimsMarkdown(report);
        if (opts.out) writeFileSync(opts.out as string, md);
        if (opts.json) printJson(report);
        else if (!opts.out) process.stdout.write(md);
        else process.stdout.write(`wrote ${opts.out} (${report.claims.length} claims)\n`);
      });
    });
}
