import type { Hono } from "hono";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { q } from "../query.ts";

/**
 * OpenAPI descriptions of the endpoints whose route files do not describe themselves yet
 * (network, corridors, dyads, simulations). The query schemas mirror those the handlers validate
 * with. When a route file calls `describe()` itself, remove its entry here.
 */
export function register(app: Hono, _ctx: ServerContext): void {
  const year = z.coerce.number().int().min(1990).max(2100);
  const weights = {
    wTime: z.coerce.number().min(0).max(1000).optional(),
    wCost: z.coerce.number().min(0).max(1000).optional(),
    wRisk: z.coerce.number().min(0).max(1000).optional(),
    weights: z
      .string()
      .max(60)
      .optional()
      .describe("time=..,cost=..,risk=.. (generalised-cost weights)"),
  };
  const add = (d: Parameters<typeof describe>[1]) => describe(app, d);

  add({
    method: "get",
    path: "/api/network",
    tag: "network",
    summary:
      "Signed network of a scenario at a date: exact balance (blocs, frustrated edges, bounds) and brokerage, with the focal state's view",
    query: z.object({
      focal: q.code,
      at: q.date,
      scenario: q.scenario.optional(),
      groups: z.coerce.number().int().min(1).max(32).optional(),
      timeLimit: z.coerce.number().positive().max(20).optional(),
    }),
    responses: { "404": "focal is not an actor of the scenario" },
  });
  const netBody = z.object({
    csv: z
      .string()
      .max(1_000_000)
      .optional()
      .describe("edge list: header source,target,sign[,weight][,period]"),
    edges: z
      .array(
        z.object({
          source: z.string(),
          target: z.string(),
          sign: z.union([z.literal(1), z.literal(-1)]).optional(),
          weight: z.number().optional(),
          period: z.union([z.string(), z.number()]).optional(),
        }),
      )
      .optional(),
    weighted: z.boolean().optional(),
    timeLimit: z.number().positive().max(20).optional(),
    groups: z.number().int().min(1).max(32).optional(),
    blocs: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    ties: z.enum(["positive", "all"]).optional(),
  });
  add({
    method: "post",
    path: "/api/compute/balance",
    tag: "network",
    summary:
      "Structural balance of a posted signed edge list: exact frustration, partition, triangle and walk indices, triad census",
    body: netBody,
    responses: { "413": "too many nodes, edges or periods", "422": "invalid edge list" },
  });
  add({
    method: "post",
    path: "/api/compute/brokerage",
    tag: "network",
    summary:
      "Brokerage of a posted edge list: betweenness, Burt's constraint and effective size, Gould–Fernandez roles",
    body: netBody,
    responses: { "413": "too many nodes or edges", "422": "invalid edge list" },
  });

  add({
    method: "get",
    path: "/api/corridors/network",
    tag: "corridors",
    summary:
      "The transport and gas route network in a year: nodes, links with geometry, capacities, times and sources",
    query: z.object({ year: year.optional() }),
  });
  add({
    method: "get",
    path: "/api/corridors/compare",
    tag: "corridors",
    summary: "Routes between two countries, best first by generalised cost (time, cost, risk)",
    query: z.object({
      from: q.code,
      to: q.code,
      year: year.optional(),
      planned: z.enum(["true", "false"]).optional(),
      ...weights,
    }),
  });
  add({
    method: "get",
    path: "/api/corridors/disrupt",
    tag: "corridors",
    summary:
      "Close countries, passages or links: where flows move, what binds, cost and time increases",
    query: z.object({
      close: q.codes,
      year: year.optional(),
      network: z.enum(["transport", "gas"]).optional(),
      ...weights,
    }),
    responses: { "422": "the network cannot carry the flows" },
  });
  add({
    method: "get",
    path: "/api/corridors/leverage",
    tag: "corridors",
    summary:
      "A country's transit leverage per year: flow-weighted route betweenness, bypass cost, Shapley transit power",
    query: z.object({
      country: q.code,
      year: year.optional(),
      network: z.enum(["transport", "gas"]).optional(),
      ...weights,
    }),
  });

  add({
    method: "get",
    path: "/api/dyads",
    tag: "events",
    summary:
      "Directed dyad-period aggregates of imported event data (events, Goldstein sum and mean, quad counts, net cooperation)",
    query: z.object({
      actor: q.code.optional(),
      from: q.date.optional(),
      to: q.date.optional(),
      by: z.enum(["month", "year"]).default("month"),
      dedup: z.string().optional(),
      dataset: z
        .string()
        .max(100)
        .optional()
        .describe("comma-separated: gdelt1,gdelt2,icews,plover,polecat,csv"),
    }),
  });

  const bargainQ = {
    model: z.enum(["smp", "bdm"]).default("smp"),
    seed: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
    runs: z.coerce.number().int().min(1).max(200).optional(),
    perturb: z.coerce.number().min(0).max(50).default(0),
    sensitivity: z.enum(["true", "false"]).optional(),
    delta: z.coerce.number().gt(0).max(50).default(10),
  };
  add({
    method: "get",
    path: "/api/simulate/bargain",
    tag: "simulation",
    summary:
      "Bargaining forecast of a shipped example (e.g. TRIPP): SMP or BDM turns, final positions, weighted mean and median",
    query: z.object({ example: z.enum(["tripp"]).default("tripp"), ...bargainQ }),
    responses: { "503": "stopped at the time budget" },
  });
  add({
    method: "post",
    path: "/api/compute/bargain",
    tag: "simulation",
    summary: "Bargaining forecast of a posted KTAB CSV/XML scenario",
    body: z.object({
      scenario: z.string().min(1).max(200_000),
      params: z.record(z.string(), z.string()).optional(),
      model: z.enum(["smp", "bdm"]).optional(),
      seed: z.string().optional(),
      runs: z.number().int().optional(),
      perturb: z.number().optional(),
      sensitivity: z.boolean().optional(),
      delta: z.number().optional(),
    }),
    responses: { "413": "too many actors", "503": "stopped at the time budget" },
  });
  add({
    method: "post",
    path: "/api/compute/landscape",
    tag: "simulation",
    summary: "Axelrod–Bennett landscape minima for posted actors and propensities",
    body: z.object({
      actors: z.string(),
      propensities: z.string(),
      exhaustiveLimit: z.number().int().optional(),
      restarts: z.number().int().optional(),
      seed: z.number().int().optional(),
    }),
    responses: { "413": "too many actors", "503": "stopped at the time budget" },
  });
  add({
    method: "get",
    path: "/api/simulate/doctrine",
    tag: "simulation",
    summary:
      "Doctrine simulator (bandwagoning, balancing, passive and active non-alignment): payoffs, CVaR, autonomy, coercion and abandonment",
    query: z.object({
      scenario: q.scenario.optional(),
      runs: z.coerce.number().int().min(1).max(20000).default(2000),
      seed: z.coerce.number().int().min(0).default(1),
      years: z.coerce.number().int().min(1).max(50).default(15),
    }),
    responses: { "422": "the scenario lacks what the simulator needs" },
  });
  add({
    method: "post",
    path: "/api/compute/whatif",
    tag: "simulation",
    summary:
      "What-if: apply hypothetical changes (YAML) to a scenario and compare every registered measure before and after",
    body: z.object({
      focal: q.code,
      scenario: q.scenario.optional(),
      changes: z
        .string()
        .min(1)
        .max(200_000)
        .describe("YAML change set: changes: [{op, table, row|where|set}]"),
    }),
  });
}
