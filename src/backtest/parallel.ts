/**
 * The backtest's forecasts spread over worker threads: issues are split into contiguous blocks and
 * the results joined in issue order. Each issue's Monte Carlo seed comes from the base seed and the
 * issue's id, so the output is identical for any number of threads.
 */
import { availableParallelism } from "node:os";
import { moduleWorker } from "../runtime/module-worker.ts";
import { forecastIssues, type IssueForecasts } from "./score.ts";
import type { BacktestIssue } from "./types.ts";

export const PARALLEL_DEFAULTS = Object.freeze({
  /** Threads: one per core, at most 8 (`--threads` to share a busy machine). */
  threads: Math.max(1, Math.min(8, availableParallelism())),
});

export interface ParallelOptions {
  draws: number;
  perturb: number;
  seed: number;
  threads?: number;
}

function runBlock(
  issues: BacktestIssue[],
  models: readonly string[],
  options: { draws: number; perturb: number; seed: number },
): Promise<IssueForecasts[]> {
  return new Promise((resolve, reject) => {
    const w = moduleWorker(new URL("./forecast-worker.ts", import.meta.url), {
      workerData: { issues, models: [...models], options },
    });
    w.once("message", (m) => resolve(m as IssueForecasts[]));
    w.once("error", reject);
    w.once("exit", (code) => {
      if (code !== 0) reject(new Error(`backtest worker stopped with exit code ${code}`));
    });
  });
}

/** `forecastIssues` on `threads` worker threads (1: in this thread). */
export async function forecastIssuesParallel(
  issues: readonly BacktestIssue[],
  models: readonly string[],
  options: ParallelOptions,
): Promise<IssueForecasts[]> {
  const threads = options.threads ?? PARALLEL_DEFAULTS.threads;
  const o = { draws: options.draws, perturb: options.perturb, seed: options.seed };
  const scored = issues.filter((i) => i.outcome !== null);
  const needsWork = models.some((m) => m === "smp" || m === "bdm");
  if (threads <= 1 || scored.length < 2 || !needsWork) return forecastIssues(scored, models, o);
  const k = Math.min(threads, scored.length);
  // interleaved blocks would balance better, but contiguous blocks keep the join trivial
  const size = Math.ceil(scored.length / k);
  const blocks = Array.from({ length: k }, (_, b) => scored.slice(b * size, (b + 1) * size)).filter(
    (b) => b.length > 0,
  );
  const parts = await Promise.all(blocks.map((b) => runBlock(b, models, o)));
  return parts.flat();
}
