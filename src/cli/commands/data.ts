import type { Command } from "commander";
import { printJson } from "../output.ts";

export function register(program: Command): void {
  // `data stats` is an operation (src/ops/operations/data-stats.ts); `data check` stays here:
  // it validates a folder on this machine and sets the exit code.
  const data =
    program.commands.find((c) => c.name() === "data") ??
    program.command("data").description("check and inspect scenario data");
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
      const { SCENARIO_RECORD_KINDS } = await import("../../model/scenario.ts");
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
}
