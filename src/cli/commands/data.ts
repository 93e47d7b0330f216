import type { Command } from "commander";
import { SCENARIO_RECORD_KINDS } from "../../model/scenario.ts";
import { printJson, printTable } from "../output.ts";

export function register(program: Command): void {
  const data = program.command("data").description("check and inspect scenario data");
  data
    .command("check [dir]")
    .description(
      "validate a scenario folder (default: the shipped Azerbaijan scenario); exit 1 listing file:line: field: problem",
    )
    .option("--json", "print the result as JSON")
    .action(async (dir: string | undefined, opts: { json?: boolean }) => {
      const { readScenario } = await import("../../data/load-scenario.ts");
      const { resolveScenarioDir } = await import("../../data/scenario-registry.ts");
      const { formatProblem } = await import("../../data/problem.ts");
      const path = resolveScenarioDir(dir);
      const r = readScenario(path);
      const counts = r.scenario
        ? Object.fromEntries(SCENARIO_RECORD_KINDS.map((k) => [k, r.scenario![k].length]))
        : undefined;
      if (opts.json)
        printJson({ dir: path, ok: r.problems.length === 0, problems: r.problems, counts });
      else if (r.problems.length === 0) {
        process.stdout.write(`ok: ${path}\n`);
        for (const [k, n] of Object.entries(counts ?? {}))
          process.stdout.write(`  ${k.padEnd(12)} ${n}\n`);
      } else {
        for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(
          `${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} in ${path}\n`,
        );
      }
      if (r.problems.length > 0) process.exitCode = 1;
    });
  data
    .command("stats [dir]")
    .description(
      "count a scenario's events and distinct sources per level, per actor and per year, cooperation vs conflict (default: the shipped Azerbaijan scenario)",
    )
    .option("--json", "print the result as JSON")
    .option("--top <n>", "actors to show in the human table (all with --json)", "30")
    .action(async (dir: string | undefined, opts: { json?: boolean; top?: string }) => {
      const { UsageError } = await import("../usage-error.ts");
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1)
        throw new UsageError(`--top must be a whole number of at least 1, not "${opts.top}"`);
      const { loadScenario } = await import("../../data/load-scenario.ts");
      const { resolveScenarioDir } = await import("../../data/scenario-registry.ts");
      const { scenarioStats } = await import("../../data/scenario-stats.ts");
      const stats = scenarioStats(loadScenario(resolveScenarioDir(dir)));
      if (opts.json) {
        printJson(stats);
        return;
      }
      const t = stats.total;
      const w = stats.inWindow;
      process.stdout.write(
        `${stats.scenario} (focal ${stats.focal}): ${t.events} events from ${t.sources} distinct sources; ` +
          `${t.cooperation} cooperation, ${t.conflict} conflict, ${t.neutral} neutral; ` +
          `${w.events} events in ${w.from}-${w.to}; ${stats.sourcesAllRecords} distinct sources over all records\n\nby level\n`,
      );
      const cols = ["events", "sources", "cooperation", "conflict", "neutral"];
      printTable(stats.byLevel, ["level", ...cols]);
      process.stdout.write("\nby year\n");
      printTable(stats.byYear, ["year", ...cols]);
      process.stdout.write(
        `\nby actor (${Math.min(top, stats.byActor.length)} of ${stats.byActor.length}, most events first)\n`,
      );
      printTable(stats.byActor.slice(0, top), ["actor", ...cols]);
    });
}
