/**
 * Monte Carlo over the doctrine simulator, spread over worker threads. Each run draws from its own
 * seeded streams (seed, run), and results are combined in run order, so the output is identical for
 * any number of threads.
 */
import { availableParallelism } from "node:os";
import { moduleWorker } from "../runtime/module-worker.ts";
import { type RunOutcome, simulateRange } from "./doctrine.ts";
import {
  DOCTRINES,
  type Doctrine,
  DoctrineParams,
  type DoctrineParamsInput,
} from "./doctrine-params.ts";
import { cvar, type Summary, summarize } from "./quantiles.ts";

export interface DoctrineSummary {
  doctrine: Doctrine;
  payoff: Summary;
  /** Mean of the worst cvarAlpha share of cumulative payoffs. */
  cvar: number;
  /** Mean autonomy (1 − HHI) per year. */
  autonomy: number[];
  /** Mean shares per year by pole id and "multilateral" (each year sums to 1). */
  shares: Record<string, number[]>;
  coercion: { meanEvents: number; probAny: number };
  abandonment: { meanEvents: number; probAny: number };
  switches: number;
}

export interface DoctrineResult {
  runs: number;
  years: number;
  seed: number;
  threads: number;
  params: DoctrineParams;
  doctrines: DoctrineSummary[];
  /** Doctrines by mean cumulative payoff, best first. */
  ranking: Doctrine[];
  elapsedMs: number;
}

function runWorker(
  params: DoctrineParams,
  years: number,
  seed: number,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<RunOutcome[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    // the compiled worker in dist/, or the TypeScript one through a tsx bootstrap (Node 20)
    const w = moduleWorker(new URL("./doctrine-worker.ts", import.meta.url), {
      workerData: { params, years, seed, from, to },
    });
    // Cancelled (a job, a time limit, a client that left): terminate the thread at once.
    const onAbort = () => {
      reject(abortReason(signal as AbortSignal));
      void w.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    w.once("message", (m) => {
      done();
      resolve(m as RunOutcome[]);
    });
    w.once("error", (e) => {
      done();
      reject(e);
    });
    w.once("exit", (code) => {
      done();
      if (code !== 0) reject(new Error(`doctrine worker stopped with exit code ${code}`));
    });
  });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("cancelled");
}

export async function runDoctrines(
  input: DoctrineParamsInput,
  opts: { runs: number; years: number; seed: number; threads?: number; signal?: AbortSignal },
): Promise<DoctrineResult> {
  const t0 = Date.now();
  const params = DoctrineParams.parse(input);
  // by default, worker threads only when the work outweighs starting them (results are identical)
  const auto = opts.runs * opts.years >= 50_000 ? Math.min(2, availableParallelism()) : 1;
  const threads = Math.max(1, Math.min(opts.threads ?? auto, opts.runs, 16));
  let outcomes: RunOutcome[];
  if (threads === 1) outcomes = simulateRange(params, opts.years, opts.seed, 0, opts.runs);
  else {
    const per = Math.ceil(opts.runs / threads);
    const blocks = Array.from(
      { length: threads },
      (_, k) => [k * per, Math.min(opts.runs, (k + 1) * per)] as const,
    ).filter(([a, b]) => b > a);
    // One block's failure (or a cancel) stops the others too.
    const stop = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
    let parts: RunOutcome[][];
    try {
      parts = await Promise.all(
        blocks.map(([a, b]) => runWorker(params, opts.years, opts.seed, a, b, signal)),
      );
    } catch (e) {
      stop.abort(e);
      throw e;
    }
    outcomes = parts.flat();
  }
  const G = params.poles.length;
  const keys = [...params.poles.map((p) => p.id), "multilateral"];
  const doctrines = DOCTRINES.map((doctrine, d): DoctrineSummary => {
    const pay = outcomes.map((o) => o.payoff[d]);
    const autonomy = Array.from(
      { length: opts.years },
      (_, t) => outcomes.reduce((s, o) => s + o.autonomy[d][t], 0) / outcomes.length,
    );
    const shares = Object.fromEntries(
      keys.map((k, g) => [
        k,
        Array.from(
          { length: opts.years },
          (_, t) => outcomes.reduce((s, o) => s + o.shares[d][t][g], 0) / outcomes.length,
        ),
      ]),
    );
    const ev = (xs: number[]) => ({
      meanEvents: xs.reduce((a, b) => a + b, 0) / xs.length,
      probAny: xs.filter((x) => x > 0).length / xs.length,
    });
    return {
      doctrine,
      payoff: summarize(pay),
      cvar: cvar(pay, params.cvarAlpha),
      autonomy,
      shares,
      coercion: ev(outcomes.map((o) => o.coercion[d])),
      abandonment: ev(outcomes.map((o) => o.abandonment[d])),
      switches: outcomes.reduce((s, o) => s + o.switches[d], 0) / outcomes.length,
    };
  });
  void G;
  const ranking = doctrines
    .slice()
    .sort((a, b) => b.payoff.mean - a.payoff.mean)
    .map((x) => x.doctrine);
  return {
    runs: opts.runs,
    years: opts.years,
    seed: opts.seed,
    threads,
    params,
    doctrines,
    ranking,
    elapsedMs: Date.now() - t0,
  };
}
