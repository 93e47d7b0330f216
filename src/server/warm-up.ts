import type { Hono } from "hono";
import type { ServerContext } from "./context.ts";
import { WARMUP_HEADER } from "./warm-up-header.ts";

/** How many answers a warm-up computes at once (the server keeps answering meanwhile). */
const WARMUP_DEFAULTS = { concurrency: 1, yieldMs: 50 };

const query = (p: Record<string, string>) => new URLSearchParams(p).toString();

/**
 * The requests the dashboard makes first for each served scenario (default scenario first), with
 * the parameters it derives from the scenario (its focal state and years): the Overview
 * (scorecard, claims, events), then Network, Dependence and Data. Last, the scorecard without
 * `scenario=` (the API's default scenario), as API clients call it.
 */
export function warmUpPaths(ctx: ServerContext, defaultId = "azerbaijan"): string[] {
  const ids = ctx.scenarioIds().sort((a, b) => (a === defaultId ? -1 : b === defaultId ? 1 : 0));
  const paths: string[] = [];
  // The API's default-scenario scorecard (no `scenario=`) is another memo key: warmed last.
  const apiDefault: string[] = [];
  for (const id of ids) {
    let meta: { focal: string; from: string; to: string };
    try {
      meta = ctx.scenario(id).meta;
    } catch {
      // Requested anyway: its error is what the warm-up reports.
      paths.push(`/api/scorecard?${query({ scenario: id })}`);
      continue;
    }
    const base = {
      scenario: id,
      focal: meta.focal,
      from: meta.from.slice(0, 4),
      to: meta.to.slice(0, 4),
    };
    paths.push(`/api/scorecard?${query(base)}`);
    paths.push(`/api/claims?${query({ scenario: id })}`);
    paths.push(
      `/api/events?${query({ scenario: id, actor: base.focal, from: base.from, to: base.to })}`,
    );
    paths.push(`/api/network?${query({ scenario: id, focal: base.focal, at: base.to })}`);
    paths.push(`/api/dependence?${query({ ...base, domain: "arms", by: "partner" })}`);
    paths.push(`/api/scenario/sources?${query({ scenario: id })}`);
    if (id === defaultId)
      apiDefault.push(
        `/api/scorecard?${query({ focal: base.focal, from: base.from, to: base.to })}`,
      );
  }
  paths.push(...apiDefault);
  paths.push("/api/sources");
  return paths;
}

/**
 * Compute the dashboard's first answers in the background after start-up, through the app itself
 * (so the same memo keys are filled that the dashboard's requests hit), recording progress in
 * `ctx.warmup` for `GET /api/health`. It yields to visitors: the next answer starts only while no
 * visitor's request is being answered. A request that fails is recorded with its error and the
 * warm-up goes on; the state is then "failed" (the server still answers everything else).
 */
export async function warmUp(
  app: Hono,
  ctx: ServerContext,
  options: { paths?: string[]; concurrency?: number; yieldMs?: number } = {},
): Promise<void> {
  const { concurrency, yieldMs } = { ...WARMUP_DEFAULTS, ...options };
  const paths = options.paths ?? warmUpPaths(ctx);
  const t0 = performance.now();
  const w = ctx.warmup;
  Object.assign(w, {
    state: "warming",
    done: 0,
    total: paths.length,
    current: null,
    seconds: 0,
    failed: [],
  });
  const tick = setInterval(() => {
    w.seconds = Math.round((performance.now() - t0) / 100) / 10;
  }, 200);
  tick.unref();
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined && !ctx.closed; path = queue.shift()) {
      // Visitors first: start the next answer only when no visitor's request is being answered
      // (what they ask for is computed once either way: identical requests share one answer).
      while (ctx.activeRequests > 0 && !ctx.closed)
        await new Promise((r) => setTimeout(r, yieldMs));
      w.current = path;
      try {
        const res = await app.request(path, { headers: { [WARMUP_HEADER]: "1" } });
        if (res.status !== 200) {
          const body = (await res.json().catch(() => ({}))) as { error?: string };
          w.failed.push({ path, status: res.status, error: body.error ?? res.statusText });
        } else await res.arrayBuffer();
      } catch (e) {
        w.failed.push({ path, status: 500, error: (e as Error).message });
      }
      w.done++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  clearInterval(tick);
  w.current = null;
  w.seconds = Math.round((performance.now() - t0) / 100) / 10;
  w.state = w.failed.length > 0 ? "failed" : "ready";
}
