import { printTable } from "../../cli/output.ts";
import type { BrokerageResult } from "../../network/brokerage-report.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { TIME_LIMITS, timeLimit } from "../limits.ts";
import { Param, p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";
import { edgeParams, edgePeriods, jsonText } from "./edge-input.ts";

/** Node → bloc, as an object (`{ "AZE": "west" }`) or its JSON text. */
const blocMapParam = new Param<
  Record<string, string>,
  Record<string, string | number> | string,
  true
>({
  kind: "string",
  arg: "<json>",
  help: "node → bloc as JSON {node: bloc} (instead of a file)",
  required: true,
  schema: (z) =>
    z.preprocess(
      jsonText,
      z
        .record(z.string().max(100), z.union([z.string().max(100), z.number()]))
        .transform((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]))),
    ),
});

export const brokerage = defineOperation({
  name: "brokerage",
  summary:
    "brokerage of every node: betweenness, Burt's constraint and effective size, Gould–Fernandez roles across blocs",
  params: {
    ...edgeParams("CSV with header source,target and optional sign (default 1), weight"),
    weighted: p.flag("use edge weights (tie strength)"),
    blocs: p
      .string("CSV node,bloc; default: the two blocs of the exact balance partition", {
        arg: "<blocs.csv>",
      })
      .local()
      .optional(),
    blocMap: blocMapParam.optional(),
    ties: p
      .enum(["positive", "all"], "positive (hostile ties are not channels) or all")
      .default("positive"),
    timeLimit: p
      .number("time limit for the whole call (balance partition and betweenness)", {
        positive: true,
        arg: "<seconds>",
      })
      .optional(
        `${TIME_LIMITS.local} s; over HTTP ${TIME_LIMITS.server} s, at most ${TIME_LIMITS.serverMax}`,
      ),
  },
  positionals: ["file"],
  http: {
    method: "post",
    path: "/api/compute/brokerage",
    tag: "network",
    textBody: "csv",
    // The posted body names the node → bloc object `blocs`.
    aliases: { blocs: "blocMap" },
    responses: { "413": "too many nodes or edges", "422": "invalid edge list" },
  },
  async run(ctx, q): Promise<BrokerageResult> {
    const { readBlocs } = await import("../../network/read-blocs.ts");
    const { buildSignedGraph } = await import("../../network/signed-graph.ts");
    const { brokerageReport } = await import("../../network/brokerage-report.ts");
    const periods = await edgePeriods(ctx, q, false);
    if (periods.length > 1)
      throw new UsageError(
        `${q.file ?? "the edge list"} has ${periods.length} periods: brokerage takes one network; filter by period first`,
      );
    if (q.blocs !== undefined && q.blocMap !== undefined)
      throw new UsageError("give the blocs once: {blocs} (a file) or {blocMap}");
    const blocs =
      q.blocs !== undefined
        ? readBlocs(q.blocs, readLocalFile(ctx, q.blocs))
        : q.blocMap !== undefined
          ? new Map(Object.entries(q.blocMap))
          : undefined;
    const { TimeLimitError } = await import("../../network/time-limit-error.ts");
    try {
      return await brokerageReport(buildSignedGraph(periods[0].edges), {
        weighted: q.weighted,
        blocs,
        ties: q.ties,
        timeLimit: timeLimit(ctx, q.timeLimit),
      });
    } catch (e) {
      // Betweenness has no partial answer: a graph too large for the limit is an error, not a 500.
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
