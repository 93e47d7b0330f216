import type { Command } from "commander";
import { codeArg, codesOption, scenarioFromOptions } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("events")
    .description("list the scenario's dated events, with CAMEO root, Goldstein weight and source")
    .option("--actor <ISO3>", "events involving this actor")
    .option("--with <ISO3,...>", "…and any of these actors")
    .option("--from <date>", "from YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--to <date>", "to YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--domain <domain>", "only this domain (diplomatic, energy, security, …)")
    .option("--level <level>", "only neighbourhood, regional or systemic")
    .option("--tone <tone>", "only cooperation (Goldstein > 0) or conflict (< 0)")
    .option("--scenario <name|dir>", "scenario id or folder", "azerbaijan")
    .option("--json", "print JSON")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { queryEvents } = await import("../../data/query-events.ts");
      const { datePrecision } = await import("../../model/partial-date.ts");
      for (const k of ["from", "to"]) {
        const v = opts[k] as string | undefined;
        if (v !== undefined && datePrecision(v) === undefined)
          throw new UsageError(`--${k} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
      }
      if (opts.level && !["neighbourhood", "regional", "systemic"].includes(opts.level as string))
        throw new UsageError("--level must be neighbourhood, regional or systemic");
      if (opts.tone && !["cooperation", "conflict"].includes(opts.tone as string))
        throw new UsageError("--tone must be cooperation or conflict");
      const s = scenarioFromOptions(opts as { scenario?: string });
      const events = queryEvents(s.events, {
        actor: opts.actor ? codeArg(opts.actor as string) : undefined,
        with: codesOption(opts.with as string | undefined),
        from: opts.from as string | undefined,
        to: opts.to as string | undefined,
        domain: opts.domain as string | undefined,
        level: opts.level as "neighbourhood" | undefined,
        tone: opts.tone as "conflict" | undefined,
      });
      if (opts.json) printJson({ scenario: s.meta.id, count: events.length, events });
      else
        printTable(
          events,
          ["date", "actors", "cameoRoot", "goldstein", "level", "title", "source"],
          48,
        );
    });
}
