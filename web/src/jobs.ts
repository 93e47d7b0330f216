// Running a server job and polling it until it ends — or until the page is left: every wait and
// every poll checks the page's AbortSignal, so no request is sent for a page nobody looks at.
import { api } from "./api.ts";
import type { JobJson } from "./types.ts";

export interface PollOptions {
  signal?: AbortSignal;
  /** Milliseconds between polls. */
  every?: number;
  onProgress?: (job: JobJson) => void;
}

const defaults = { every: 300 };

/** The reason a poll ended because the page was left. */
export class Left extends Error {
  constructor() {
    super("the page was left");
    this.name = "Left";
  }
}

/** Wait `ms`, or reject with Left as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Left());
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Left());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Start a job of `kind`; resolves with its id. */
export async function startJob(kind: string, params: unknown): Promise<string> {
  const r = await api<JobJson>("/api/compute/jobs", {
    method: "POST",
    body: JSON.stringify({ kind, params }),
  });
  if (!r.ok) throw Object.assign(new Error(r.error), { status: r.status });
  return r.data.id;
}

/** Poll job `id` until it is done (its result) or fails (throws); throws Left when the page is left. */
export async function pollJob(id: string, options: PollOptions = {}): Promise<JobJson> {
  const o = { ...defaults, ...options };
  for (;;) {
    await sleep(o.every, o.signal);
    const j = await api<JobJson>(`/api/jobs/${encodeURIComponent(id)}?t=${Date.now()}`);
    if (o.signal?.aborted) throw new Left();
    if (!j.ok) throw new Error(j.error);
    o.onProgress?.(j.data);
    if (j.data.status === "done") return j.data;
    if (j.data.status !== "running" && j.data.status !== "queued")
      throw new Error(`${j.data.status}: ${j.data.error ?? ""}`);
  }
}
