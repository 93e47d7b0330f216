import { parentPort } from "node:worker_threads";
import { corridorLeverage } from "./corridor-leverage.ts";
import { disrupt } from "./disrupt.ts";
import { loadNetwork } from "./load-network.ts";

/** Worker side of `runInWorker`: runs the LP-backed computations off the server's event loop. */
export interface WorkerJob {
  op: "disrupt" | "leverage";
  dir?: string;
  // biome-ignore lint/suspicious/noExplicitAny: the job's arguments are validated by the caller
  args: any;
}

parentPort?.on("message", async (msg: { id: number; job: WorkerJob }) => {
  try {
    const net = loadNetwork(msg.job.dir);
    const a = msg.job.args;
    const result =
      msg.job.op === "disrupt"
        ? await disrupt(net, a)
        : await corridorLeverage(a.iso3, a.year, {
            network: net,
            weights: a.weights,
            networks: a.networks,
            draws: a.draws,
            seed: a.seed,
            choice: a.choice,
          });
    parentPort!.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});
