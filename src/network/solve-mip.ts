import { Worker } from "node:worker_threads";
import type { MipModel } from "./mip-model.ts";

export interface MipRequest {
  id: number;
  model: MipModel;
  /** A feasible starting solution (all columns), e.g. from a heuristic. */
  start?: number[];
  /** Seconds (HiGHS's own limit; it may overrun it on large models, e.g. in presolve). */
  timeLimit: number;
  /**
   * Seconds after which the worker is terminated if HiGHS has not answered (status "killed", no
   * solution, no bound). Default: timeLimit + 10. Callers with a hard deadline pass what is left.
   */
  hardLimit?: number;
  relGap: number;
  absGap: number;
}

export interface MipResponse {
  id: number;
  /** "optimal" only when HiGHS proved optimality within the gaps asked for. */
  status: string;
  objective?: number;
  /** Proven lower bound (minimisation). */
  bound?: number;
  solution?: number[];
  seconds: number;
  error?: string;
}

let worker: Worker | undefined;
let ready: Promise<void> | undefined;
let nextId = 1;
const pending = new Map<number, (r: MipResponse) => void>();

function startWorker(): Promise<void> {
  if (ready) return ready;
  // The worker is plain JavaScript (no tsx needed): it starts in about a second, where a
  // TypeScript worker needs tsx's loader registered inside it and took 3–4 s here. (On Node 20,
  // `execArgv: ["--import", "tsx"]` alone does not make a .ts worker entry loadable.)
  const w = new Worker(new URL("./highs-worker.mjs", import.meta.url));
  worker = w;
  ready = new Promise<void>((resolve, reject) => {
    w.on("message", (msg: MipResponse | { ready: true }) => {
      if ("ready" in msg) {
        // Never keep a process alive just for an idle solver.
        if (pending.size === 0) w.unref();
        resolve();
        return;
      }
      pending.get(msg.id)?.(msg);
      pending.delete(msg.id);
    });
    w.on("error", (e) => {
      reject(e);
      failAll("error", e.message);
    });
    w.on("exit", () => {
      if (worker === w) {
        worker = undefined;
        ready = undefined;
      }
      failAll("killed", "the solver worker stopped");
    });
  });
  return ready;
}

function failAll(status: string, error: string): void {
  for (const [id, done] of pending) done({ id, status, error, seconds: 0 });
  pending.clear();
}

/** Start the solver worker now (so that a caller's time budget can exclude its start-up). */
export async function startMipWorker(): Promise<void> {
  await startWorker();
}

/** Stop the solver worker (tests and long-running servers that want a clean exit). */
export async function stopMipWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  ready = undefined;
  if (w) await w.terminate();
}

/**
 * Solve a MIP with HiGHS in a worker thread. HiGHS stops itself at `timeLimit`; should the
 * worker not answer within `timeLimit` + 10 s it is terminated and the call resolves with
 * status "killed" (no solution, no bound), so a caller never waits without end.
 */
export function solveMip(req: Omit<MipRequest, "id">): Promise<MipResponse> {
  // One solve at a time: each request's time guard starts only when the worker takes it.
  const run = queue.then(() => solveNow(req));
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let queue: Promise<void> = Promise.resolve();

async function solveNow(req: Omit<MipRequest, "id">): Promise<MipResponse> {
  await startWorker();
  const id = nextId++;
  const w = worker!;
  w.ref();
  try {
    return await new Promise<MipResponse>((resolve) => {
      const guard = setTimeout(
        () => {
          // Every request queued on this worker fails with it (status "killed", no bound).
          void stopMipWorker();
        },
        (req.hardLimit ?? req.timeLimit + 10) * 1000,
      );
      pending.set(id, (r) => {
        clearTimeout(guard);
        resolve(r);
      });
      const { hardLimit: _, ...message } = req;
      w.postMessage({ ...message, id });
    });
  } finally {
    if (pending.size === 0 && worker === w) w.unref();
  }
}
