import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { HttpError } from "./context.ts";

/** What a running job may do: report progress, and notice that it was cancelled or timed out. */
export interface JobControl {
  /** Fraction done in [0, 1] and an optional message ("run 40 of 100"). */
  progress(fraction: number, message?: string): void;
  /** Aborted on cancel or when the job's time limit passes; long loops should check it. */
  signal: AbortSignal;
}

/** A kind of long computation that can run as a job (a simulation, a what-if, a report). */
export interface JobKind<S extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  /** Validates the posted `params`. */
  params: S;
  run(params: z.infer<S>, control: JobControl): Promise<unknown>;
  /** Time limit in seconds (default: the manager's). */
  maxSeconds?: number;
}

export type JobStatus = "running" | "done" | "failed" | "cancelled" | "timeout";

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message?: string;
  created: string;
  finished?: string;
  seconds?: number;
  result?: unknown;
  error?: string;
}

export interface JobLimits {
  /** Jobs running at once; more get 503 (default 4: the machine has few cores). */
  maxRunning: number;
  /** Finished jobs kept for polling; the oldest are dropped beyond this (default 50). */
  maxKept: number;
  /** Default time limit per job in seconds (default 300). */
  maxSeconds: number;
  /**
   * Requests (not jobs) that find every slot taken wait for one, at most this many at once
   * (default 16) and this many seconds (default 30); beyond either they get 503.
   */
  maxQueued: number;
  queueSeconds: number;
}

/**
 * A small in-memory job manager: bounded concurrency, bounded retention, a time limit per job,
 * progress reporting and cancellation. Jobs live as long as the server process.
 */
export class JobManager {
  private kinds = new Map<string, JobKind>();
  private jobs = new Map<string, Job>();
  private controllers = new Map<string, AbortController>();
  readonly limits: JobLimits;

  constructor(limits: Partial<JobLimits> = {}) {
    this.limits = {
      maxRunning: 4,
      maxKept: 50,
      maxSeconds: 300,
      maxQueued: 16,
      queueSeconds: 30,
      ...limits,
    };
  }

  define<S extends z.ZodType>(kind: JobKind<S>): void {
    if (this.kinds.has(kind.name)) throw new Error(`jobs: kind "${kind.name}" defined twice`);
    this.kinds.set(kind.name, kind as unknown as JobKind);
  }

  kindList(): { name: string; summary: string; maxSeconds: number }[] {
    return [...this.kinds.values()].map((k) => ({
      name: k.name,
      summary: k.summary,
      maxSeconds: k.maxSeconds ?? this.limits.maxSeconds,
    }));
  }

  hasKind(name: string): boolean {
    return this.kinds.has(name);
  }

  /**
   * Computations in progress: jobs and bounded requests (`runBounded`) whose work has not ended.
   * A cancelled job counts until its work has actually stopped.
   */
  running(): number {
    return this.active;
  }

  private active = 0;
  /** Requests waiting for a slot: each is called with the slot handed over. */
  private waiting: (() => void)[] = [];

  /** Free a slot: hand it to the first waiting request, or give it back. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Wait for a slot (handed over by `release`), bounded in number and time. */
  private waitForSlot(signal?: AbortSignal): Promise<void> {
    const { maxRunning, maxQueued, queueSeconds } = this.limits;
    if (this.waiting.length >= maxQueued)
      return Promise.reject(
        new HttpError(
          503,
          `${maxRunning} computations are running and ${maxQueued} waiting; try again later`,
        ),
      );
    return new Promise<void>((resolve, reject) => {
      const leave = (e: Error) => {
        const i = this.waiting.indexOf(take);
        if (i >= 0) this.waiting.splice(i, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(e);
      };
      const take = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const timer = setTimeout(
        () =>
          leave(
            new HttpError(
              503,
              `${maxRunning} computations are already running (waited ${queueSeconds} s); try again later`,
            ),
          ),
        queueSeconds * 1000,
      );
      timer.unref?.();
      const onAbort = () => leave(new Error("the client closed the connection"));
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(take);
    });
  }

  private checkCapacity(): void {
    if (this.active >= this.limits.maxRunning)
      throw new HttpError(
        503,
        `${this.limits.maxRunning} computations are already running; poll them and try again later`,
      );
  }

  /**
   * Run one computation of a request under the job limits: it takes one of the `maxRunning` slots
   * (none free: it waits, bounded by `maxQueued` and `queueSeconds`, else 503), and its signal aborts when `options.signal` does (the client left) or after
   * `options.seconds` (then the answer is a 503 naming the limit). The slot is freed when `fn`'s
   * promise settles, so `fn` must stop its work on abort (e.g. terminate its worker).
   */
  async runBounded<T>(
    fn: (signal: AbortSignal) => Promise<T>,
    options: { seconds?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    if (options.signal?.aborted) throw new Error("the client closed the connection");
    if (this.active >= this.limits.maxRunning) await this.waitForSlot(options.signal);
    else this.active++;
    const seconds = options.seconds ?? this.limits.maxSeconds;
    const ac = new AbortController();
    const timeLimit = new HttpError(503, `stopped after the ${seconds} s time limit`);
    const timer = setTimeout(() => ac.abort(timeLimit), seconds * 1000);
    timer.unref?.();
    const onLeave = () => ac.abort(new Error("the client closed the connection"));
    if (options.signal?.aborted) onLeave();
    options.signal?.addEventListener("abort", onLeave, { once: true });
    try {
      return await fn(ac.signal);
    } finally {
      this.release();
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onLeave);
    }
  }

  /** Validate and start a job; returns it at once (status "running"). */
  create(kindName: string, rawParams: unknown): Job {
    const kind = this.kinds.get(kindName);
    if (!kind)
      throw new HttpError(
        404,
        `no job kind "${kindName}" (available: ${[...this.kinds.keys()].join(", ") || "none"})`,
      );
    const parsed = kind.params.safeParse(rawParams ?? {});
    if (!parsed.success)
      throw new HttpError(
        400,
        parsed.error.issues
          .map((i) => `params.${i.path.join(".") || "(root)"}: ${i.message}`)
          .join("; "),
      );
    this.checkCapacity();
    const job: Job = {
      id: randomUUID(),
      kind: kindName,
      status: "running",
      progress: 0,
      created: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.trim();
    const ac = new AbortController();
    this.controllers.set(job.id, ac);
    const seconds = kind.maxSeconds ?? this.limits.maxSeconds;
    const t0 = performance.now();
    const finish = (status: JobStatus, patch: Partial<Job>) => {
      if (job.status !== "running") return;
      clearTimeout(timer);
      Object.assign(job, patch, {
        status,
        finished: new Date().toISOString(),
        seconds: Math.round(performance.now() - t0) / 1000,
      });
      this.controllers.delete(job.id);
    };
    const timer = setTimeout(() => {
      finish("timeout", { error: `stopped after the ${seconds} s time limit` });
      ac.abort(new Error("time limit"));
    }, seconds * 1000);
    timer.unref?.();
    const control: JobControl = {
      signal: ac.signal,
      progress(fraction, message) {
        if (job.status !== "running") return;
        job.progress = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
        if (message !== undefined) job.message = message;
      },
    };
    // Start on the next tick so that the caller gets the job before any synchronous work. The
    // slot is held until the work has ended (a cancelled job's worker terminated).
    this.active++;
    setImmediate(() => {
      Promise.resolve()
        .then(() => kind.run(parsed.data, control))
        .then(
          (result) => finish("done", { result, progress: 1 }),
          (e: unknown) => finish("failed", { error: (e as Error)?.message ?? String(e) }),
        )
        .finally(() => this.release());
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  list(): Job[] {
    return [...this.jobs.values()];
  }

  cancel(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const ac = this.controllers.get(id);
    if (job.status === "running" && ac) {
      job.status = "cancelled";
      job.finished = new Date().toISOString();
      this.controllers.delete(id);
      ac.abort(new Error("cancelled"));
    }
    return job;
  }

  /** Drop the oldest finished jobs beyond the retention bound. */
  private trim(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== "running");
    const excess = this.jobs.size - this.limits.maxKept;
    for (const j of finished.slice(0, Math.max(0, excess))) this.jobs.delete(j.id);
  }

  cancelAll(): void {
    for (const id of [...this.controllers.keys()]) this.cancel(id);
  }
}

const managers = new WeakMap<object, JobManager>();

/** The job manager of a server (one per ServerContext). */
export function jobsFor(ctx: object): JobManager {
  let m = managers.get(ctx);
  if (!m) {
    m = new JobManager();
    managers.set(ctx, m);
  }
  return m;
}
