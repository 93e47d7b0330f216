import { printTable } from "../../cli/output.ts";
import type { BrokerageResult } from "../../network/brokerage-report.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { TIME_LIMITS } from "../limits.ts";
import { p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";

export const brokerage = defineOperation({
  name: "brokerage",
  summary:
    "brokerage of every node: betweenness, Burt's constraint and effective size, Gould–Fernandez roles across blocs",
  params: {
    file: p
      .string("CSV with header source,target and optional sign (default 1), weight", {
        arg: "<edges.csv>",
      })
      .local(),
    weighted: p.flag("use edge weights (tie strength)"),
    blocs: p
      .string("CSV node,bloc; default: the two blocs of the exact balance partition", {
        arg: "<blocs.csv>",
      })
      .local()
      .optional(),
    ties: p
      .enum(["positive", "all"], "positive (hostile ties are not channels) or all")
      .default("positive"),
    timeLimit: p
      .number("time limit for the whole call (balance partition and betweenness)", {
        positive: true,
        arg: "<seconds>",
      })
      .default(TIME_LIMITS.local),
  },
  positionals: ["file"],
  // Over HTTP the edge list is posted: POST /api/compute/brokerage (src/server/routes/network.ts).
  http: false,
  async run(ctx, q): Promise<BrokerageResult> {
    const { readEdgeList } = await import("../../network/read-edge-list.ts");
    const { readBlocs } = await import("../../network/read-blocs.ts");
    const { buildSignedGraph } = await import("../../network/signed-graph.ts");
    const { brokerageReport } = await import("../../network/brokerage-report.ts");
    const periods = readEdgeList(q.file, readLocalFile(ctx, q.file), { requireSign: false });
    if (periods.length > 1)
      throw new UsageError(
        `${q.file} has ${periods.length} periods: brokerage takes one network; filter by period first`,
      );
    const blocs = q.blocs ? readBlocs(q.blocs, readLocalFile(ctx, q.blocs)) : undefined;
    const { TimeLimitError } = await import("../../network/time-limit-error.ts");
    try {
      return await brokerageReport(buildSignedGraph(periods[0].edges), {
        weighted: q.weighted,
        blocs,
        ties: q.ties,
        timeLimit: q.timeLimit,
      });
    } catch (e) {
      if (e instanceof TimeLimitError) throw new OpError(413, `${e.message} ({timeLimit})`);
      throw e;
    }
  },
  print(r) {
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
  },
});
