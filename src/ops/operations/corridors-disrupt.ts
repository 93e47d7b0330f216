import { printTable } from "../../cli/output.ts";
import type { Calibration } from "../../corridor/calibrate.ts";
import type { Disruption } from "../../corridor/disrupt.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { p } from "../params.ts";
import {
  assignmentChoice,
  assignmentParams,
  CORRIDOR_YEAR,
  dirParam,
  loadCorridorNetwork,
  networkKindParam,
  round,
  toWeights,
  weightParams,
} from "./corridors-common.ts";

/**
 * A disruption; `assignment` is the route choice used (an object: theta and constants for logit),
 * `calibration` the re-estimate when `--assignment logit` came without `--theta`.
 */
export interface CorridorsDisruptResult extends Disruption {
  calibration?: Calibration | null;
}

/** A change with its sign (+3, −2; a logit reassignment can lower the total cost). */
const signed = (x: number, d = 0) => {
  const r = round(x, d) ?? 0;
  return r < 0 ? `−${-r}` : `+${r}`;
};

export const corridorsDisrupt = defineOperation({
  name: "corridors disrupt",
  summary: "close countries, passages, links or routes and reassign flows under capacities",
  params: {
    close: p.codes("comma-separated: ISO3, passage (SUEZ, BAB, CAPE), link or route id", {
      max: 20,
    }),
    year: p.year("year").default(CORRIDOR_YEAR),
    baseline: p.year("year of the open network compared against").optional("the year asked for"),
    network: networkKindParam,
    ...weightParams,
    unknownCapacity: p
      .enum(
        ["unconstrained", "zero"],
        "links of unknown capacity: unconstrained (flagged) or zero (conservative)",
      )
      .optional("unconstrained"),
    ...assignmentParams,
    dir: dirParam,
  },
  http: {
    method: "get",
    path: "/api/corridors/disrupt",
    memo: true,
    tag: "corridors",
    responses: { "422": "the year has no demand data" },
  },
  job: { kind: "corridor-disrupt", maxSeconds: 120 },
  async run(ctx, q): Promise<CorridorsDisruptResult> {
    if (q.close.length === 0) throw new UsageError("{close} needs at least one code");
    const net = await loadCorridorNetwork(ctx, q.dir, q.year, q.baseline);
    const { closableCodes } = await import("../../corridor/disrupt.ts");
    const known = closableCodes(net);
    for (const c of q.close)
      if (!known.has(c))
        throw new UsageError(
          `{close}: "${c}" is not a country, passage, node, link or route of the network (e.g. RUS, IRN, SUEZ, BAB, CASPIAN, NORTH)`,
        );
    const weights = toWeights(q);
    // Route choice as in `corridors compare` (the gas network is always pro rata).
    const { choice, calibration } = await assignmentChoice(net, q, weights);
    const args = {
      close: q.close,
      year: q.year,
      baselineYear: q.baseline,
      network: q.network,
      weights,
      unknownCapacity: q.unknownCapacity,
      choice,
    };
    const how = calibration ? { calibration } : {};
    try {
      // The LP runs off the server's event loop; locally it runs in place.
      if (ctx.surface === "server") {
        const { runInWorker } = await import("../../corridor/run-in-worker.ts");
        return { ...(await runInWorker<Disruption>({ op: "disrupt", args })), ...how };
      }
      const { disrupt } = await import("../../corridor/disrupt.ts");
      return { ...(await disrupt(net, args)), ...how };
    } catch (e) {
      throw new OpError(422, (e as Error).message);
    }
  },
  print(d) {
    process.stdout.write(
      `${d.network} ${d.year}${d.baselineYear !== d.year ? ` against ${d.baselineYear}` : ""}, closed ${d.closed.join(", ")} (${d.assignment.assignment}${d.assignment.assignment === "logit" ? `, theta ${d.assignment.theta}` : ""}): cost ${signed(d.costIncrease)} ${d.costIncreaseUnit}` +
        (d.costIncreasePerUnit !== null ? ` (${signed(d.costIncreasePerUnit)} USD/FEU)` : "") +
        (d.timeIncreaseDays !== null ? `, time ${signed(d.timeIncreaseDays, 1)} days` : "") +
        "\n\n",
    );
    printTable(
      d.shifts.map((s) => ({
        route: s.name,
        before: round(s.before, 2),
        after: round(s.after, 2),
        change: round(s.change, 2),
        unit: s.unit,
      })),
    );
    for (const w of d.warnings) process.stdout.write(`\nwarning: ${w}`);
    if (d.warnings.length > 0) process.stdout.write("\n");
    if (d.binding.length > 0) {
      process.stdout.write("\nbinding capacities after:\n");
      printTable(d.binding.map((b) => ({ link: b.name, capacity: b.capacity, unit: b.unit })));
    }
  },
});
