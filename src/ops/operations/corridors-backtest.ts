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
  /** Land-route constant of the logit, USD/FEU. */
  landConstant?: number;
  /** Corridor constants of the logit, USD/FEU (e.g. Middle). */
  corridorConstants?: Record<string, number>;
  /**
   * The estimate of the logit parameters from the observations of 2016–2022 when the run
   * re-estimated them (`--assignment logit` without `--theta`); null when it used the network's
   * stored estimate (parameters.csv; the observations of 2016–2022 are in-sample either way).
   */
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
    const picked = await assignmentChoice(net, q, weights);
    const { choice } = picked;
    const calibration = picked.calibration;
    // With the network's stored estimate (no re-estimation), the observations of the
    // calibration window that the estimate used are in-sample all the same.
    let calibrationSources = calibration?.used ?? [];
    if (choice.assignment === "logit" && !calibration) {
      const { calibrationObservations } = await import("../../corridor/calibrate.ts");
      calibrationSources = await calibrationObservations(net, obs, choice, { weights });
    }
    const { rows, summary } = await backtest(net, obs, { weights, choice, calibrationSources });
    return {
      assignment: choice.assignment,
      ...(choice.assignment === "logit"
        ? {
            theta: choice.theta,
            landConstant: choice.landConstant ?? 0,
            corridorConstants: choice.corridorConstants ?? {},
            calibration,
          }
        : {}),
      weights,
      rows,
      summary,
      observationsFile: `${net.dir.replace(/\/$/, "")}/observations.csv`,
    };
  },
  print({ rows, summary, assignment, theta, landConstant, corridorConstants, calibration }) {
    if (assignment === "logit") {
      console.log(
        `logit theta = ${theta?.toPrecision(4)} per USD/FEU, land constant = ${Math.round(landConstant ?? 0)} USD/FEU${Object.entries(
          corridorConstants ?? {},
        )
          .map(([c, v]) => `, ${c} constant = ${Math.round(v)} USD/FEU`)
          .join("")}`,
      );
      if (!calibration)
        console.log(
          "(the network's estimate from 2016–2022, parameters.csv; --assignment logit re-estimates and prints the fit)",
        );
      if (calibration)
        console.log(
          `estimate from ${calibration.window.join("–")} (n = ${calibration.n}: ${calibration.used.join(", ")}): theta ${calibration.theta?.toPrecision(4)}${calibration.interval ? ` (90 % ${calibration.interval.theta.map((x) => x.toPrecision(3)).join("–")})` : ""}, land constant ${calibration.landConstant === null ? "—" : Math.round(calibration.landConstant)}${calibration.interval?.landConstant ? ` (90 % ${calibration.interval.landConstant.map((x) => Math.round(x)).join("–")})` : ""}${Object.entries(
            calibration.corridorConstants,
          )
            .map(
              ([c, v]) =>
                `, ${c} constant ${Math.round(v)}${calibration.interval?.corridors[c] ? ` (90 % ${calibration.interval.corridors[c].map((x) => Math.round(x)).join("–")})` : ""}`,
            )
            .join("")}; RMSE ${calibration.rmse?.toFixed(3)} (log errors); ${calibration.note}`,
        );
    }
    printTable(
      rows.map((r) => ({
        id: r.id,
        year: r.baseYear ? `${r.baseYear}→${r.year}` : r.year,
        target: r.denominator ? `${r.target} / ${r.denominator}` : r.target,
        observed: r.metric === "flow" ? r.observed : round(r.observed, 4),
        model:
          r.model === null ? null : r.metric === "flow" ? Math.round(r.model) : round(r.model, 4),
        "rel. error": r.relError === null ? null : round(r.relError, 3),
        sample: r.sample,
        note: [r.inDemand ? "part of the year's demand total" : "", r.reason ?? ""]
          .filter(Boolean)
          .join("; "),
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
