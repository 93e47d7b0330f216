import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { z } from "zod";
import { HttpError, type ServerContext } from "../context.ts";
import { jobsFor } from "../jobs.ts";
import { q } from "../query.ts";

/** Shipped bargaining examples, by id (never a path from the request). */
const EXAMPLES: Record<string, string> = {
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
    name: "doctrine",
    summary:
      "Doctrine simulator: bandwagoning, balancing, passive and active non-alignment (Monte Carlo)",
    params: z.object({
      scenario: q.scenario.optional(),
      runs: z.number().int().min(1).max(20_000).default(2000),
      years: z.number().int().min(1).max(50).default(15),
      seed: z.number().int().min(0).max(0xffffffff).default(1),
    }),
    maxSeconds: 120,
    async run(p, ctl) {
      ctl.progress(0.05, "parameterising from the scenario's poles and ties");
      const { doctrineFromScenario } = await import("../../simulate/doctrine-scenario.ts");
      const { runDoctrines } = await import("../../simulate/doctrine-run.ts");
      const s = ctx.scenario(p.scenario);
      let setup: ReturnType<typeof doctrineFromScenario>;
      try {
        setup = doctrineFromScenario(s);
      } catch (e) {
        throw new HttpError(422, (e as Error).message);
      }
      // runDoctrines spreads the runs over worker threads and reports only at the end, so the
      // progress here is by stage; the elapsed time shows while it runs.
      ctl.progress(0.1, `simulating ${p.runs} runs × ${p.years} years`);
      const res = await runDoctrines(setup.params, { runs: p.runs, years: p.years, seed: p.seed });
      return {
        scenario: s.meta.id,
        focal: s.meta.focal,
        ...res,
        measured: setup.measured,
        assumptions: setup.assumptions,
      };
    },
  });

  jobs.define({
    name: "whatif",
    summary: "What-if: apply hypothetical changes (YAML) and compare the measures before and after",
    params: z.object({
      focal: q.code,
      scenario: q.scenario.optional(),
      changes: z.string().min(1).max(200_000),
    }),
    maxSeconds: 60,
    async run(p, ctl) {
      const { whatIf } = await import("../../simulate/whatif.ts");
      const s = ctx.scenario(p.scenario);
      if (!s.actors.some((a) => a.id === p.focal))
        throw new Error(`focal: ${p.focal} is not an actor of scenario ${s.meta.id}`);
      ctl.progress(0.2, "applying the changes and recomputing the measures");
      return whatIf(s, p.focal, p.changes, "changes");
    },
  });

  jobs.define({
    name: "bargain",
    summary:
      "Bargaining forecast of a shipped example (SMP or BDM), optionally with Monte Carlo runs",
    params: z.object({
      example: z.enum(Object.keys(EXAMPLES) as [string, ...string[]]).default("tripp"),
      model: z.enum(["smp", "bdm"]).default("smp"),
      runs: z.number().int().min(1).max(200).optional(),
      perturb: z.number().min(0).max(50).default(5),
      seed: z
        .string()
        .regex(/^\d{1,20}$/)
        .optional(),
    }),
    maxSeconds: 60,
    async run(p, ctl) {
      const { parseBargainText } = await import("../../simulate/bargain-input.ts");
      const { runBargain } = await import("../../simulate/bargain.ts");
      const { monteCarlo } = await import("../../simulate/bargain-monte-carlo.ts");
      const sc = parseBargainText(readFileSync(EXAMPLES[p.example], "utf8"), `${p.example}.csv`);
      const base = {
        model: p.model,
        seed: p.seed ? BigInt(p.seed) : undefined,
        deadline: Date.now() + 50_000,
      };
      ctl.progress(0.1, `${p.model.toUpperCase()} forecast`);
      const out: Record<string, unknown> = { ...runBargain(sc, base) };
      if (p.runs) {
        ctl.progress(0.4, `Monte Carlo: ${p.runs} runs`);
        out.monteCarlo = monteCarlo(sc, p.runs, { ...base, perturb: p.perturb });
      }
      return JSON.parse(JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    },
  });

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
