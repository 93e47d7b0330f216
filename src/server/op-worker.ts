import { type Problem, ValidationError } from "../data/problem.ts";
import { moduleWorker } from "../runtime/module-worker.ts";
import { HttpError, type ServerOptions } from "./context.ts";

/** Messages from `./op-worker-entry.ts`. */
export type WorkerReply =
  | { type: "progress"; fraction: number; message?: string }
  | { type: "done"; json: string }
  | { type: "error"; status?: HttpError["status"]; message: string; problems?: Problem[] };

export const OP_WORKER_DEFAULTS = {
  /** Heap of one operation's thread, in MB: beyond it the thread stops, the server lives on. */
  maxOldGenerationSizeMb: 1024,
  /**
   * Terminate the thread on abort. Operations that use DuckDB must not be terminated: a thread
   * terminated while DuckDB is open aborts the whole process (Napi::Error). Those run to their
   * end (they close DuckDB, then answer); an abort then only decides the answer (the abort's
   * error), and the promise settles when the thread has ended, so its slot is held until then.
   */
  terminate: true,
};

/**
 * Run a server operation in its own worker thread: `params` are already validated, `options` are
 * the server's (the thread serves the same scenarios). Resolves with the result as JSON text.
 * When `signal` aborts (a cancelled job, a time limit, a client that left) the thread is
 * terminated at once, so synchronous work stops too and its memory is freed (unless
 * `settings.terminate` is false: see OP_WORKER_DEFAULTS). Errors arrive as
 * they would on the main thread (HttpError with the operation's status, ValidationError).
 */
export function runOperationInWorker(
  op: string,
  params: unknown,
  options: ServerOptions,
  control: { signal: AbortSignal; progress?: (fraction: number, message?: string) => void },
  settings: Partial<typeof OP_WORKER_DEFAULTS> = {},
): Promise<string> {
  const cfg = { ...OP_WORKER_DEFAULTS, ...settings };
  const { signal } = control;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<string>((resolve, reject) => {
    // the compiled entry in dist/, or the TypeScript one through a tsx bootstrap (Node 20)
    const w = moduleWorker(new URL("./op-worker-entry.ts", import.meta.url), {
      workerData: { op, params, options: { ...options } },
      resourceLimits: { maxOldGenerationSizeMb: cfg.maxOldGenerationSizeMb },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      // Reached on the thread's answer or end (DuckDB closed by then), or on abort when allowed.
      if (signal.aborted && !cfg.terminate) reject(abortError(signal));
      else fn();
      void w.terminate();
    };
    const onAbort = () => {
      if (cfg.terminate) settle(() => reject(abortError(signal)));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    w.on("message", (m: WorkerReply) => {
      if (m.type === "progress") control.progress?.(m.fraction, m.message);
      else if (m.type === "done") settle(() => resolve(m.json));
      else
        settle(() =>
          reject(
            m.problems
              ? new ValidationError(m.problems)
              : m.status
                ? new HttpError(m.status, m.message)
                : new Error(m.message),
          ),
        );
    });
    w.on("error", (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new HttpError(
                503,
                `the computation needed more than its ${cfg.maxOldGenerationSizeMb} MB of memory: ask for less (fewer runs or years)`,
              )
            : e,
        ),
      ),
    );
    w.on("exit", (code) =>
      settle(() => reject(new Error(`the computation's thread stopped (exit code ${code})`))),
    );
  });
}

function abortError(signal: AbortSignal): Error {
  const r = signal.reason;
  return r instanceof Error ? r : new Error(String(r ?? "aborted"));
}
