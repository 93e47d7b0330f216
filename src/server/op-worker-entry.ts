/**
 * Worker thread that runs one operation for the server (see `./op-worker.ts`): the same code as
 * on the main thread, with a server context built from the server's options, so the result is
 * identical; the main thread terminates this thread on cancel, time limit or client disconnect.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ValidationError } from "../data/problem.ts";
// (importing http.ts also gives the operations' parameters their zod)
import { toHttpError } from "../ops/http.ts";
import { operation } from "../ops/registry.ts";
import { serverOpContext } from "../ops/server-context.ts";
import { HttpError, ServerContext, type ServerOptions } from "./context.ts";
import type { WorkerReply } from "./op-worker.ts";

const d = workerData as { op: string; params: unknown; options: ServerOptions };
const post = (m: WorkerReply) => parentPort?.postMessage(m);

async function main(): Promise<void> {
  const op = operation(d.op);
  if (!op) throw new Error(`no operation ${d.op}`);
  const ctx = new ServerContext({ ...d.options, writable: false });
  // A signal that never aborts: this thread is terminated instead, which stops synchronous work too.
  const oc = serverOpContext(ctx, new AbortController().signal);
  let json: string;
  try {
    const result = await op.run(oc, d.params as never, (fraction, message) =>
      post({ type: "progress", fraction, message }),
    );
    json = JSON.stringify(result, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  } finally {
    // Close DuckDB before answering: the main thread terminates this thread once it has the
    // answer, and a thread terminated while DuckDB closes aborts the whole process.
    await oc.close?.();
    await ctx.close();
  }
  post({ type: "done", json });
}

main().catch((e: unknown) => {
  const h = toHttpError(e);
  if (h instanceof HttpError) post({ type: "error", status: h.status, message: h.message });
  else if (e instanceof ValidationError)
    post({ type: "error", status: 422, message: e.message, problems: e.problems });
  else post({ type: "error", message: (e as Error)?.message ?? String(e) });
});
