import { printTable } from "../../cli/output.ts";
import type { Calibration } from "../../corridor/calibrate.ts";
import type { ComparedRoute } from "../../corridor/compare.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import {
  assignmentChoice,
  assignmentParams,
  CORRIDOR_YEAR,
  dirParam,
  loadCorridorNetwork,
  round,
  toWeights,
  type Weights,
  weightParams,
} from "./corridors-common.ts";

export interface CorridorsCompareResult {
  from: string;
  to: string;
  year: number;
  weights: Weights;
  /** How flowTEU was assigned; theta and its calibration for logit. */
  assignment: "cheapest" | "logit";
  theta?: number;
  /** Land-route constant of the logit, USD/FEU. */
  landConstant?: number;
  /** Corridor constants of the logit, USD/FEU (e.g. Middle). */
  corridorConstants?: Record<string, number>;
  calibration?: Calibration | null;
  /**
   * With `draws`: `flowTEUInterval` on transport routes with a flow, the 90 % range of the flow
   * over seeded draws of the assumption ranges (`src/corridor/flow-uncertainty.ts`).
   */
  routes: (ComparedRoute & { flowTEUInterval?: [number, number] })[];
  flowDraws?: { draws: number; seed: number; level: number };
}

export const corridorsCompare = defineOperation({
  name: "corridors compare",
  summary: "routes between two countries in a year, best (lowest generalised cost) first",
  params: {
    from: p.code("origin country, e.g. CHN"),
    to: p.code("destination country, e.g. DEU"),
    year: p.year("year").default(CORRIDOR_YEAR),
    ...weightParams,
    planned: p.flag("also list routes not operating that year (planned, not yet open)"),
    ...assignmentParams,
    draws: p
      .number("seeded draws over the assumption ranges: flowTEUInterval on every transport route", {
        int: true,
        min: 0,
        max: 400,
        arg: "<n>",
      })
      .default(0),
    seed: p.number("seed of the draws", { int: true, min: 0, max: 2 ** 31 - 1 }).default(1),
    dir: dirParam,
  },
  http: { method: "get", path: "/api/corridors/compare", tag: "corridors", memo: true },
  async run(ctx, q): Promise<CorridorsCompareResult> {
    const net = await loadCorridorNetwork(ctx, q.dir, q.year);
    const { compareRoutes, odPairs, withFlows } = await import("../../corridor/compare.ts");
    const weights = toWeights(q);
    const routes = compareRoutes(net, {
      from: q.from,
      to: q.to,
      year: q.year,
      weights,
      includePlanned: q.planned,
    });
    if (
      routes.length === 0 &&
      !net.routes.some((r) => r.origin === q.from && r.destination === q.to)
    )
      throw new UsageError(
        `no routes from ${q.from} to ${q.to} in the network; pairs it has: ${odPairs(net).join(", ")}`,
      );
    const { choice, calibration } = await assignmentChoice(net, q, weights);
    return {
      from: q.from,
      to: q.to,
      year: q.year,
      weights,
      assignment: choice.assignment,
      ...(choice.assignment === "logit"
        ? {
            theta: choice.theta,
            landConstant: choice.landConstant ?? 0,
            corridorConstants: choice.corridorConstants ?? {},
            calibration,
          }
        : {}),
      routes: await flowsWithIntervals(),
      ...(q.draws > 0 ? { flowDraws: { draws: q.draws, seed: q.seed, level: 0.9 } } : {}),
    };
    /** flowTEU and, with draws, its 90 % interval over the assumption ranges (same draws as leverage). */
    async function flowsWithIntervals() {
      const rows = await withFlows(net, routes, q.year, weights, choice);
      if (q.draws === 0) return rows;
      const { flowIntervals } = await import("../../corridor/flow-uncertainty.ts");
      const iv = await flowIntervals(net, q.year, {
        draws: q.draws,
        seed: q.seed,
        weights,
        choice,
      });
      return rows.map((r) =>
        r.flowTEU !== null && r.flowTEU !== undefined && iv.has(r.id)
          ? { ...r, flowTEUInterval: iv.get(r.id)! }
          : r,
      );
    }
  },
  print({ routes }) {
    printTable(
      routes.map((r) => ({
        route: r.name,
        countries: r.countries.join("-"),
        days: r.timeDays ? `${r.timeDays[0]}–${r.timeDays[1]}` : null,
        "USD/FEU": round(r.costUsd),
        capacity: r.capacity,
        "flow TEU": r.flowTEU !== undefined && r.flowTEU !== null ? Math.round(r.flowTEU) : null,
        risk: round(r.risk, 3),
        "GC USD/FEU": round(r.generalizedCost),
        ...(r.logitConstant !== undefined ? { "+ logit const": round(r.logitConstant) } : {}),
        status: r.status,
      })),
    );
  },
});
