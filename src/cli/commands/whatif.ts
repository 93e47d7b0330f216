import type { Command } from "commander";
import { codeArg, scenarioFromOptions } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("whatif")
    .description(
      "apply hypothetical events, ties, flows or project changes to a scenario and compare measures before and after",
    )
    .argument("<ISO3>", "the state whose measures are compared (e.g. AZE)")
    .requiredOption(
      "--apply <changes.yaml>",
      "YAML list `changes:` of {op: add|remove|update, table, row|where|set}",
    )
    .option("--scenario <name|dir>", "scenario id or folder", "azerbaijan")
    .option("--all", "human table: show unchanged measures too")
    .option("--json", "print JSON")
    .action(
      async (
        iso: string,
        opts: { apply: string; scenario?: string; all?: boolean; json?: boolean },
      ) => {
        const focal = codeArg(iso);
        const { readFileSync } = await import("node:fs");
        const { whatIf } = await import("../../simulate/whatif.ts");
        const s = scenarioFromOptions(opts);
        if (!s.actors.some((a) => a.id === focal))
          throw new UsageError(`${focal} is not an actor of scenario ${s.meta.id}`);
        let text: string;
        try {
          text = readFileSync(opts.apply, "utf8");
        } catch (e) {
          throw new UsageError(`--apply ${opts.apply}: ${(e as Error).message}`);
        }
        const res = whatIf(s, focal, text, opts.apply);
        if (opts.json) {
          printJson(res);
          return;
        }
        process.stdout.write(
          `${res.applied.length} change(s) applied to ${res.scenario}; measures for ${focal}\n\n`,
        );
        printTable(
          (opts.all ? res.measures : res.changed) as unknown as Record<string, unknown>[],
          ["measure", "key", "before", "after", "delta"],
          70,
        );
      },
    );
}
