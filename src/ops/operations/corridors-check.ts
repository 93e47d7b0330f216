import { formatProblem, type Problem } from "../../data/problem.ts";
import { defineOperation } from "../define.ts";
import { dirParam } from "./corridors-common.ts";

export interface CorridorsCheckResult {
  ok: boolean;
  problems: Problem[];
}

export const corridorsCheck = defineOperation({
  name: "corridors check",
  summary: "validate a network folder (file:line: field: problem); exit 1 when it has problems",
  params: { dir: dirParam },
  http: { method: "get", path: "/api/corridors/check", tag: "corridors", memo: true },
  async run(ctx, q): Promise<CorridorsCheckResult> {
    const { readNetwork, EURASIA_DIR } = await import("../../corridor/load-network.ts");
    if (q.dir !== undefined && ctx.surface !== "local")
      throw new Error("network folders are read only on the command line");
    const r = readNetwork(q.dir ?? EURASIA_DIR);
    return { ok: r.problems.length === 0, problems: r.problems };
  },
  // Invalid data is a failure, with --json too.
  exitCode: (r) => (r.ok ? 0 : 1),
  print(r) {
    if (r.ok) process.stdout.write("ok\n");
    else {
      for (const x of r.problems) process.stderr.write(`${formatProblem(x)}\n`);
      process.stderr.write(`${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}\n`);
    }
  },
});
