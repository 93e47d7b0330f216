import type { Command } from "commander";
import { printJson } from "../output.ts";

/**
 * `ana corridors check`: local-only (reads a folder). The other corridor commands are operations
 * (src/ops/operations/corridors-*.ts).
 */
export function register(program: Command): void {
  const cmd =
    program.commands.find((c) => c.name() === "corridors") ??
    program
      .command("corridors")
      .description(
        "Eurasian transport and gas corridors: compare routes, close them, measure leverage",
      );

  cmd
    .command("check")
    .description("validate a network folder (file:line: field: problem)")
    .option("--dir <folder>", "network folder (default: the shipped Eurasian network)")
    .option("--json", "print JSON")
    .action(async (o: { dir?: string; json?: boolean }) => {
      const { readNetwork, EURASIA_DIR } = await import("../../corridor/load-network.ts");
      const { ValidationError } = await import("../../data/problem.ts");
      const r = readNetwork(o.dir ?? EURASIA_DIR);
      if (o.json) {
        printJson({ ok: r.problems.length === 0, problems: r.problems });
        // Invalid data is a failure with --json too (exit 1), the problems printed above.
        if (r.problems.length > 0) process.exitCode = 1;
        return;
      }
      if (r.problems.length === 0) process.stdout.write("ok\n");
      else throw new ValidationError(r.problems);
    });
}
