/** Worker thread for the backtest: forecasts a contiguous block of issues (./parallel.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { forecastIssues } from "./score.ts";
import type { BacktestIssue } from "./types.ts";

const d = workerData as {
  issues: BacktestIssue[];
  models: string[];
  options: { draws: number; perturb: number; seed: number };
};
parentPort?.postMessage(forecastIssues(d.issues, d.models, d.options));
