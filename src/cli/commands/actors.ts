import type { Command } from "commander";
import { scenarioFromOptions } from "../context.ts";
import { printJson, printTable } from "../output.ts";

export function register(program: Command): void {
  program
    .command("actors")
    .description("list the scenario's actors (states, organisations, groups) with their sources")
    .option("--scenario <name|dir>", "scenario id or folder", "azerbaijan")
    .option("--kind <kind>", "only state, organisation or group")
    .option("--json", "print JSON")
    .action(async (opts: { scenario?: string; kind?: string; json?: boolean }) => {
      const s = scenarioFromOptions(opts);
      const actors = s.actors.filter((a) => !opts.kind || a.kind === opts.kind);
      if (opts.json) printJson({ scenario: s.meta.id, focal: s.meta.focal, actors });
      else printTable(actors, ["id", "kind", "name", "cow", "source"]);
    });
}
