import { Worker, type WorkerOptions } from "node:worker_threads";
import { COMPILED, moduleUrl } from "./module-url.ts";

/**
 * Start a worker thread on a TypeScript module (`new URL("./worker.ts", import.meta.url)`).
 * Compiled (dist/), the worker runs the module's `.js` twin directly. From the sources, Node 20
 * cannot load a `.ts` worker entry even with `execArgv: ["--import", "tsx"]` (ERR_UNKNOWN_FILE_EXTENSION),
 * so a small eval'd bootstrap registers tsx's loader and then imports the module.
 */
export function moduleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (COMPILED) return new Worker(moduleUrl(entry), options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
