import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("brokerage")
    .description(
      "brokerage of every node: betweenness, Burt's constraint and effective size, Gould–Fernandez roles across blocs",
    )
    .argument("<edges.csv>", "CSV with header source,target and optional sign (default 1), weight")
    .option("--weighted", "use edge weights (tie strength)")
    .option(
      "--blocs <blocs.csv>",
      "CSV node,bloc; default: the two blocs of the exact balance partition",
    )
    .option(
      "--ties <which>",
      "positive (default: hostile ties are not channels) or all",
      "positive",
    )
    .option("--time-limit <seconds>", "time limit for the balance partition", "60")
    .option("--json", "print JSON")
    .action(async (file: string, opts: Record<string, string | boolean | undefined>) => {
      const { readFileSync } = await import("node:fs");
      const { readEdgeList } = await import("../../network/read-edge-list.ts");
      const { readBlocs } = await import("../../network/read-blocs.ts");
      const { buildSignedGraph } = await import("../../network/signed-graph.ts");
      const { brokerageReport } = await import("../../network/brokerage-report.ts");
      const { positiveOption } = await import("./balance.ts");
      if (opts.ties !== "positive" && opts.ties !== "all")
        throw new UsageError("--ties must be positive or all");
      const timeLimit = positiveOption("time-limit", opts.timeLimit as string);
      const read = (f: string) => {
        try {
          return readFileSync(f, "utf8");
        } catch (e) {
          throw new UsageError(`cannot read ${f}: ${(e as Error).message}`);
        }
      };
      const periods = readEdgeList(file, read(file), { requireSign: false });
      if (periods.length > 1)
        throw new UsageError(
          `${file} has ${periods.length} periods: brokerage takes one network; filter by period first`,
        );
      const blocs = opts.blocs
        ? readBlocs(opts.blocs as string, read(opts.blocs as string))
        : undefined;
      const r = await brokerageReport(buildSignedGraph(periods[0].edges), {
        weighted: opts.weighted === true,
        blocs,
        ties: opts.ties,
        timeLimit,
      });
      if (opts.json) {
        printJson(r);
        return;
      }
      printTable(
        r.nodes.map((x) => ({
          id: x.id,
          bloc: x.bloc,
          degree: x.degree,
          betweenness: x.betweenness,
          constraint: x.constraint,
          effectiveSize: x.effectiveSize,
          coordinator: x.roles.coordinator,
          itinerant: x.roles.itinerant,
          gatekeeper: x.roles.gatekeeper,
          representative: x.roles.representative,
          liaison: x.roles.liaison,
        })),
      );
    });
}
