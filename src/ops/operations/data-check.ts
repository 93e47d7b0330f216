import { formatProblem, type Problem } from "../../data/problem.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { RECORD_KINDS } from "./scenario-kinds.ts";

export interface DataCheckResult {
  dir: string;
  ok: boolean;
  problems: Problem[];
  counts: Record<(typeof RECORD_KINDS)[number], number> | undefined;
}

export const dataCheck = defineOperation({
  name: "data check",
  summary:
    "validate a scenario folder (default: the shipped Azerbaijan scenario); exit 1 listing file:line: field: problem",
  params: {
    dir: p.string("scenario folder or shipped scenario id", { arg: "<dir>" }).local().optional(),
  },
  positionals: ["dir"],
  // Reads a folder on this machine: the command line and the library only.
  http: false,
  async run(ctx, q): Promise<DataCheckResult> {
    if (ctx.surface !== "local") throw new UsageError("folders are checked only locally");
    const { readScenario } = await import("../../data/load-scenario.ts");
    const { resolveScenarioDir } = await import("../../data/scenario-registry.ts");
    const path = resolveScenarioDir(q.dir);
    const r = readScenario(path);
    const s = r.scenario;
    return {
      dir: path,
      ok: r.problems.length === 0,
      problems: r.problems,
      counts: s
        ? (Object.fromEntries(
            RECORD_KINDS.map((k) => [k, s[k].length]),
          ) as DataCheckResult["counts"])
        : undefined,
    };
  },
  exitCode: (r) => (r.ok ? 0 : 1),
  print(r) {
    if (r.ok) {
      process.stdout.write(`ok: ${r.dir}\n`);
      for (const [k, n] of Object.entries(r.counts ?? {}))
        process.stdout.write(`  ${k.padEnd(12)} ${n}\n`);
      return;
    }
    for (const x of r.problems) process.stderr.write(`${formatProblem(x)}\n`);
    process.stderr.write(
      `${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} in ${r.dir}\n`,
    );
  },
});
