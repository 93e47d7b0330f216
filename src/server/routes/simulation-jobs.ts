import type { Hono } from "hono";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { jobsFor } from "../jobs.ts";
import { q } from "../query.ts";

/** Shipped bargaining examples, by id (never a path from the request). */
const _EXAMPLES: Record<string, string> = {
  tripp: new URL("../../../data/models/tripp.csv", import.meta.url).pathname,
};

/**
 * The simulations as jobs (POST /api/compute/jobs {kind, params}), so the dashboard can show
 * progress and the request does not hold a connection for the whole run. The models are the
 * simulation modules' own; this file only schedules them.
 */
export function register(_app: Hono, ctx: ServerContext): void {
  const jobs = jobsFor(ctx);

  jobs.define({
    name: "corridor-leverage",
    summary:
      "A country's transit leverage per year (route betweenness, bypass cost, Shapley transit power), transport then gas",
    params: z.object({
      country: q.code,
      networks: z
        .array(z.enum(["transport", "gas"]))
        .min(1)
        .max(2)
        .default(["transport", "gas"]),
    }),
    maxSeconds: 180,
    async run(p, ctl) {
      const { runInWorker } = await import("../../corridor/run-in-worker.ts");
      const rows: unknown[] = [];
      let out: Record<string, unknown> = {};
      for (const [i, network] of p.networks.entries()) {
        ctl.progress(i / p.networks.length, `${network} network`);
        const r = (await runInWorker({
          op: "leverage",
          args: { iso3: p.country, weights: { cost: 1, time: 1, risk: 1 }, networks: [network] },
        } as never)) as { rows: unknown[] } & Record<string, unknown>;
        out = { ...out, ...r };
        rows.push(...r.rows);
      }
      return { ...out, rows };
    },
  });
}
