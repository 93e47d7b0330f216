import type { Worker } from "node:worker_threads";
import { moduleWorker } from "../runtime/module-worker.ts";
import type { WorkerJob } from "./worker.ts";

let worker: Worker | undefined;
let next = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function start(): Worker {
  // the compiled worker in dist/, or the TypeScript one through a tsx bootstrap (Node 20)
  const w = moduleWorker(new URL("./worker.ts", import.meta.url));
  w.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  w.on("error", (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = undefined;
  });
  w.unref();
  return w;
}

/**
 * Run a corridor computation (HiGHS is synchronous WASM) in one shared worker thread so the
 * server's event loop stays free. Rejects after `timeoutMs`.
 */
export function runInWorker<T>(job: WorkerJob, timeoutMs = 60_000): Promise<T> {
  worker ??= start();
  const w = worker;
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`corridor computation took over ${timeoutMs / 1000} s`));
    }, timeoutMs);
    pending.set(id, {
      resolve: (v) => {
        clearTimeout(timer);
        resolve(v as T);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    });
    w.postMessage({ id, job });
  });
}

/** Stop the worker (tests, shutdown). */
export async function stopWorker(): Promise<void> {
  if (worker) await worker.terminate();
  worker = undefined;
}
