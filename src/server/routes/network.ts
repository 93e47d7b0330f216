import type { Context, Hono } from "hono";
import { z } from "zod";
import { ValidationError } from "../../data/problem.ts";
import { brokerageReport } from "../../network/brokerage-report.ts";
import { type EdgePeriod, readEdgeList } from "../../network/read-edge-list.ts";
import { buildSignedGraph } from "../../network/signed-graph.ts";
import { balanceOfPeriods } from "../../ops/operations/balance.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";

/** Bounds on posted networks and on solver time, so one request cannot hold the server. */
export const NETWORK_LIMITS = { maxEdges: 20000, maxNodes: 600, maxPeriods: 10, maxTimeLimit: 20 };

const edgeSchema = z.object({
  source: z.string().min(1).max(100),
  target: z.string().min(1).max(100),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
  weight: z.number().positive().finite().optional(),
  period: z.union([z.string(), z.number()]).optional(),
});

const bodySchema = z.object({
  /** Edge-list CSV text (header source,target,sign[,weight][,period]) … */
  csv: z
    .string()
    .max(1_000_000)
    .optional()
    .describe("edge list: header source,target,sign[,weight][,period]"),
  /** … or the edges as JSON. */
  edges: z.array(edgeSchema).max(NETWORK_LIMITS.maxEdges).optional(),
  weighted: z.boolean().optional(),
  timeLimit: z.number().positive().max(NETWORK_LIMITS.maxTimeLimit).optional(),
  groups: z.number().int().min(1).max(32).optional(),
  blocs: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  ties: z.enum(["positive", "all"]).optional(),
});
type Body = z.infer<typeof bodySchema>;

async function readBody(c: Context): Promise<Body> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("text/csv") || type.startsWith("text/plain"))
    return { csv: await c.req.text() };
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpError(400, "body: send JSON {csv | edges, …} or text/csv");
  }
  const r = bodySchema.safeParse(raw);
  if (!r.success)
    throw new HttpError(
      400,
      r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  return r.data;
}

function periodsOf(body: Body, requireSign: boolean): EdgePeriod[] {
  let periods: EdgePeriod[];
  if (body.csv !== undefined) periods = readEdgeList("request body", body.csv, { requireSign });
  else if (body.edges) {
    const problems = body.edges.flatMap((e, i) =>
      requireSign && e.sign === undefined
        ? [{ file: "request body", line: i + 1, field: "sign", message: "missing: give 1 or -1" }]
        : [],
    );
    if (problems.length) throw new ValidationError(problems);
    // Same validation as files: rebuild as CSV text so every check (loops, repeats) applies.
    const hasPeriod = body.edges.some((e) => e.period !== undefined);
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const lines = [`source,target,sign,weight${hasPeriod ? ",period" : ""}`];
    for (const e of body.edges)
      lines.push(
        [
          q(e.source),
          q(e.target),
          e.sign ?? 1,
          e.weight ?? "",
          ...(hasPeriod ? [q(String(e.period ?? ""))] : []),
        ].join(","),
      );
    periods = readEdgeList("request body", lines.join("\n"), { requireSign });
  } else throw new HttpError(400, "body: give csv (edge-list text) or edges (array)");
  if (periods.length > NETWORK_LIMITS.maxPeriods)
    throw new HttpError(413, `at most ${NETWORK_LIMITS.maxPeriods} periods per request`);
  for (const p of periods) {
    if (p.edges.length > NETWORK_LIMITS.maxEdges)
      throw new HttpError(413, `at most ${NETWORK_LIMITS.maxEdges} edges per network`);
    const nodes = new Set(p.edges.flatMap((e) => [e.source, e.target]));
    if (nodes.size > NETWORK_LIMITS.maxNodes)
      throw new HttpError(413, `at most ${NETWORK_LIMITS.maxNodes} nodes per network`);
  }
  return periods;
}

export function register(app: Hono, _ctx: ServerContext): void {
  describe(app, {
    method: "post",
    path: "/api/compute/balance",
    tag: "network",
    summary:
      "Structural balance of a posted signed edge list: exact frustration, partition, triangle and walk indices, triad census (same computation as `ana balance`)",
    body: bodySchema,
    responses: { "413": "too many nodes, edges or periods", "422": "invalid edge list" },
  });
  app.post("/api/compute/balance", async (c) => {
    const body = await readBody(c);
    const periods = periodsOf(body, true);
    return c.json(
      await balanceOfPeriods(periods, {
        weighted: body.weighted,
        timeLimit: Math.min(body.timeLimit ?? 10, NETWORK_LIMITS.maxTimeLimit),
        groups: body.groups,
      }),
    );
  });

  describe(app, {
    method: "post",
    path: "/api/compute/brokerage",
    tag: "network",
    summary:
      "Brokerage of a posted edge list: betweenness, Burt's constraint and effective size, Gould–Fernandez roles (same computation as `ana brokerage`)",
    body: bodySchema,
    responses: { "413": "too many nodes or edges", "422": "invalid edge list" },
  });
  app.post("/api/compute/brokerage", async (c) => {
    const body = await readBody(c);
    const periods = periodsOf(body, false);
    if (periods.length > 1)
      throw new HttpError(400, "brokerage takes one network: send one period");
    const blocs = body.blocs
      ? new Map(Object.entries(body.blocs).map(([k, v]) => [k, String(v)]))
      : undefined;
    return c.json(
      await brokerageReport(buildSignedGraph(periods[0].edges), {
        weighted: body.weighted,
        blocs,
        ties: body.ties,
        timeLimit: Math.min(body.timeLimit ?? 10, NETWORK_LIMITS.maxTimeLimit),
      }),
    );
  });
}
