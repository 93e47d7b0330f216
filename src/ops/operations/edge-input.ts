import type { EdgePeriod } from "../../network/read-edge-list.ts";
import type { OpContext } from "../context.ts";
import { OpError, UsageError } from "../errors.ts";
import { Param, p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";

/** Bounds on networks sent to a server, so one request cannot hold it. */
export const NETWORK_LIMITS = { maxEdges: 20000, maxNodes: 600, maxPeriods: 10 };

export interface EdgeInput {
  source: string;
  target: string;
  sign?: 1 | -1;
  weight?: number;
  period?: string | number;
}

/** A parameter given as JSON text (CLI, query string) or as the value itself (library, body). */
export function jsonText(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Edges as JSON: `[{source, target, sign?, weight?, period?}]` (an array, or its JSON text). */
const edgesParam = new Param<EdgeInput[], EdgeInput[] | string, true>({
  kind: "string",
  arg: "<json>",
  help: "the edges as JSON [{source, target, sign, weight, period}] (instead of a file)",
  required: true,
  schema: (z) =>
    z.preprocess(
      jsonText,
      z
        .array(
          z.object({
            source: z.string().min(1).max(100),
            target: z.string().min(1).max(100),
            sign: z.union([z.literal(1), z.literal(-1)]).optional(),
            weight: z.number().positive().finite().optional(),
            period: z.union([z.string(), z.number()]).optional(),
          }),
        )
        .max(NETWORK_LIMITS.maxEdges, `at most ${NETWORK_LIMITS.maxEdges} edges`),
    ),
});

/** The ways to give an edge list: a file (locally), CSV text, or JSON edges. */
export const edgeParams = (fileHelp: string) => ({
  file: p.string(fileHelp, { arg: "<edges.csv>" }).local().optional("—: or csv, or edges"),
  csv: p
    .string("the edge list as CSV text (header source,target,sign[,weight][,period])", {
      max: 1_000_000,
      arg: "<text>",
    })
    .optional(),
  edges: edgesParam.optional(),
});

/**
 * The periods of an edge list given as a file, CSV text or JSON edges, validated like a file
 * (problems name line and field); on a server, bounded in periods, edges and nodes (413).
 */
export async function edgePeriods(
  ctx: OpContext,
  q: { file?: string; csv?: string; edges?: EdgeInput[] },
  requireSign: boolean,
): Promise<EdgePeriod[]> {
  const { readEdgeList } = await import("../../network/read-edge-list.ts");
  const given = [q.file, q.csv, q.edges].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw new UsageError("give the edge list once: a file, {csv} (edge-list text) or {edges}");
  let periods: EdgePeriod[];
  if (q.file !== undefined)
    periods = readEdgeList(q.file, readLocalFile(ctx, q.file), { requireSign });
  else if (q.csv !== undefined) periods = readEdgeList("request body", q.csv, { requireSign });
  else {
    const edges = q.edges as EdgeInput[];
    const { ValidationError } = await import("../../data/problem.ts");
    const problems = edges.flatMap((e, i) =>
      requireSign && e.sign === undefined
        ? [{ file: "request body", line: i + 1, field: "sign", message: "missing: give 1 or -1" }]
        : [],
    );
    if (problems.length) throw new ValidationError(problems);
    // Same validation as files: rebuild as CSV text so every check (loops, repeats) applies.
    const hasPeriod = edges.some((e) => e.period !== undefined);
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const lines = [`source,target,sign,weight${hasPeriod ? ",period" : ""}`];
    for (const e of edges)
      lines.push(
        [
          quote(e.source),
          quote(e.target),
          e.sign ?? 1,
          e.weight ?? "",
          ...(hasPeriod ? [quote(String(e.period ?? ""))] : []),
        ].join(","),
      );
    periods = readEdgeList("request body", lines.join("\n"), { requireSign });
  }
  if (ctx.surface === "server") {
    if (periods.length > NETWORK_LIMITS.maxPeriods)
      throw new OpError(413, `at most ${NETWORK_LIMITS.maxPeriods} periods per request`);
    for (const x of periods) {
      if (x.edges.length > NETWORK_LIMITS.maxEdges)
        throw new OpError(413, `at most ${NETWORK_LIMITS.maxEdges} edges per network`);
      const nodes = new Set(x.edges.flatMap((e) => [e.source, e.target]));
      if (nodes.size > NETWORK_LIMITS.maxNodes)
        throw new OpError(413, `at most ${NETWORK_LIMITS.maxNodes} nodes per network`);
    }
  }
  return periods;
}
