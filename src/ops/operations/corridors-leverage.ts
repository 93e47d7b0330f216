import { printTable } from "../../cli/output.ts";
import type { Calibration } from "../../corridor/calibrate.ts";
import type { CorridorLeverage } from "../../corridor/corridor-leverage.ts";
import { shareText } from "../../corridor/share-text.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import {
  assignmentChoice,
  assignmentParams,
  dirParam,
  loadCorridorNetwork,
  networkKindParam,
  round,
  toWeights,
  weightParams,
} from "./corridors-common.ts";

/**
 * Corridor leverage and how transport demand was assigned, as `corridors compare` says it (theta,
 * land and corridor constants, and the calibration when re-estimated).
 */
export interface CorridorsLeverageResult extends CorridorLeverage {
  assignment: "cheapest" | "logit";
  theta?: number;
  landConstant?: number;
  corridorConstants?: Record<string, number>;
  calibration?: Calibration | null;
}

export const corridorsLeverage = defineOperation({
  name: "corridors leverage",
  summary: "a country's corridor leverage by year: route betweenness, bypass cost, Shapley value",
  params: {
    country: p.code("country, e.g. AZE"),
    year: p.year("one year").optional("every year the network covers"),
    network: networkKindParam.optional("both"),
    draws: p
      .number("seeded draws over the assumption ranges for intervals and a tornado", {
        int: true,
        min: 0,
        max: 400,
        arg: "<n>",
      })
      .default(40),
    seed: p.number("seed of the draws", { int: true, min: 0, max: 2 ** 31 - 1 }).default(1),
    ...weightParams,
    ...assignmentParams,
    dir: dirParam,
  },
  positionals: ["country"],
  http: {
    method: "get",
    path: "/api/corridors/leverage",
    memo: true,
    tag: "corridors",
    aliases: { iso3: "country" },
  },
  // The dashboard's map runs it as a job (progress shown, no connection held).
  job: { kind: "corridor-leverage", maxSeconds: 180 },
  async run(ctx, q, progress): Promise<CorridorsLeverageResult> {
    const net = await loadCorridorNetwork(ctx, q.dir, q.year);
    const weights = toWeights(q);
    // Route choice as in `corridors compare`: every coalition of the Shapley game is assigned so.
    const { choice, calibration } = await assignmentChoice(net, q, weights);
    const args = {
      iso3: q.country,
      year: q.year,
      weights,
      networks: q.network ? [q.network] : undefined,
      draws: q.draws,
      seed: q.seed,
      choice,
    };
    const how = {
      assignment: choice.assignment,
      ...(choice.assignment === "logit"
        ? {
            theta: choice.theta,
            landConstant: choice.landConstant ?? 0,
            corridorConstants: choice.corridorConstants ?? {},
            calibration,
          }
        : {}),
    };
    progress?.(0.05, `${q.network ?? "transport and gas"} network${q.network ? "" : "s"}`);
    if (ctx.surface === "server") {
      // Off the server's event loop; a job (which has a signal) may take up to its own limit.
      const { runInWorker } = await import("../../corridor/run-in-worker.ts");
      const r = await runInWorker<CorridorLeverage>(
        { op: "leverage", args },
        ctx.signal ? 170_000 : 60_000,
      );
      return { ...r, ...how };
    }
    const { corridorLeverage } = await import("../../corridor/corridor-leverage.ts");
    const r = await corridorLeverage(args.iso3, args.year, {
      network: net,
      weights: args.weights,
      networks: args.networks,
      draws: args.draws,
      seed: args.seed,
      choice,
    });
    return { ...r, ...how };
  },
  print(r, q) {
    printTable(
      r.rows.map((x) => ({
        year: x.year,
        network: x.network,
        routeBetweenness: round(x.routeBetweenness, 3),
        bypassCost: round(x.bypassCost, 2),
        shapley: round(x.shapley, 2),
        shapleyShare: x.shapleyShare === null ? null : shareText(x.shapleyShare),
        ...(x.shapleyShareInterval
          ? {
              "share interval": `${shareText(x.shapleyShareInterval[0])}–${shareText(x.shapleyShareInterval[1])}${x.assumptionDriven ? ` (assumption-driven${x.drivenBy ? `: ${x.drivenBy}` : ""})` : ""}`,
            }
          : {}),
        unit: x.costUnit,
      })),
    );
    for (const x of r.rows)
      if (x.tornado?.length)
        process.stdout.write(
          `${x.year} ${x.network} tornado (Shapley share at low / high):\n${x.tornado.map((t) => `  ${t.assumption}: ${t.shareAtLow === null ? "—" : shareText(t.shareAtLow)} / ${t.shareAtHigh === null ? "—" : shareText(t.shareAtHigh)} (swing ${shareText(t.swing)})`).join("\n")}\n`,
        );
    for (const c of r.coverage)
      if (c.missingYears.length > 0 || !c.onNetwork)
        process.stdout.write(
          `${c.network}: ${c.onNetwork ? `no data for ${c.missingYears.join(", ")}` : `${q.country} is not on this network`}\n`,
        );
  },
});
