import { printTable } from "../../cli/output.ts";
import type { BacktestRow, BacktestSummary } from "../../corridor/backtest.ts";
import type { Calibration } from "../../corridor/calibrate.ts";
import { defineOperation } from "../define.ts";
import {
  assignmentChoice,
  assignmentParams,
  dirParam,
  loadCorridorNetwork,
  round,
  toWeights,
  type Weights,
  weightParams,
} from "./corridors-common.ts";

export interface CorridorsBacktestResult {
  assignment: "cheapest" | "logit";
  theta?: number;
  /** The estimate of theta (logit without --theta); its observations are in-sample. */
  calibration?: Calibration | null;
  weights: Weights;
  rows: BacktestRow[];
  summary: BacktestSummary[];
  /** Where the observations come from. */
  observationsFile: string;
}

export const corridorsBacktest = defineOperation({
  name: "corridors backtest",
  summary: "model against observed corridor flows, with the error, in- or out-of-sample",
  params: {
    ...assignmentParams,
    ...weightParams,
    dir: dirParam,
  },
  http: { method: "get", path: "/api/corridors/backtest", tag: "corridors", memo: true },
  async run(ctx, q): Promise<CorridorsBacktestResult> {
    const net = await loadCorridorNetwork(ctx, q.dir);
    const { backtest } = await import("../../corridor/backtest.ts");
    const { loadObservations } = await import("../../corridor/observations.ts");
    const weights = toWeights(q);
    const obs = loadObservations(net.dir);
    const { choice, calibration } = await assignmentChoice(net, q, weights);
    const { rows, summary } = await backtest(net, obs, {
      weights,
      choice,
      calibrationSources: calibration?.used ?? [],
    });
    return {
      assignment: choice.assignment,
      ...(choice.assignment === "logit" ? { theta: choice.theta, calibration } : {}),
      weights,
      rows,
      summary,
      observationsFile: `${net.dir.replace(/\/$/, "")}/observations.csv`,
    };
  },
  print({ rows, summary, assignment, theta, calibration }) {
    if (assignment === "logit")
      console.log(
        `logit theta = ${theta?.toPrecision(4)} per USD/FEU${calibration ? ` (estimated: ${calibration.note}; n = ${calibration.n}, RMSE of relative errors ${calibration.rmse?.toFixed(3)})` : ""}`,
      );
    printTable(
      rows.map((r) => ({
        id: r.id,
        year: r.baseYear ? `${r.baseYear}→${r.year}` : r.year,
        target: r.target,
        observed: r.metric === "change" ? round(r.observed, 3) : r.observed,
        model:
          r.model === null ? null : r.metric === "change" ? round(r.model, 3) : Math.round(r.model),
        "rel. error": r.relError === null ? null : round(r.relError, 3),
        sample: r.sample,
        note: r.reason ?? "",
      })),
    );
    printTable(
      summary.map((s) => ({
        sample: s.sample,
        n: s.n,
        "mean |rel. error|": s.meanAbsRelError === null ? null : round(s.meanAbsRelError, 3),
      })),
    );
  },
});
