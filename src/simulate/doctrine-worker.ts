/** Worker thread for the doctrine Monte Carlo: simulates a contiguous block of runs. */
import { parentPort, workerData } from "node:worker_threads";
import { simulateRange } from "./doctrine.ts";
import type { DoctrineParams } from "./doctrine-params.ts";

const d = workerData as {
  params: DoctrineParams;
  years: number;
  seed: number;
  from: number;
  to: number;
};
parentPort?.postMessage(simulateRange(d.params, d.years, d.seed, d.from, d.to));
