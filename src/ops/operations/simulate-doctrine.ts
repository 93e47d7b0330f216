import { printTable } from "../../cli/output.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { bounded } from "../limits.ts";
import { p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";

const RUNS = { local: 1_000_000, server: 20_000 };
const YEARS = { local: 200, server: 50 };
/** Simulated run-years per server request (memory grows with runs × years: ~0.3 GB at 100,000). */
const SERVER_RUN_YEARS = 100_000;

export const simulateDoctrine = defineOperation({
  name: "simulate doctrine",
  summary:
    "compare bandwagoning, balancing, passive and active non-alignment for the scenario's focal state (Monte Carlo)",
  params: {
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    runs: p
      .number(`Monte Carlo runs (server: at most ${RUNS.server})`, {
        int: true,
        min: 1,
        max: RUNS.local,
      })
      .default(2000),
    seed: p.number("seed (32-bit unsigned)", { int: true, min: 0, max: 0xffffffff }).default(1),
    years: p
      .number(`years simulated per run (server: at most ${YEARS.server})`, {
        int: true,
        min: 1,
        max: YEARS.local,
      })
      .default(15),
    threads: p
      .number("worker threads (results do not depend on it)", { int: true, min: 1, max: 16 })
      .local()
      .optional(),
    params: p
      .string(
        "YAML or JSON overriding model parameters (and per-pole values under poles: [{id, …}])",
        { arg: "<file>" },
      )
      .local()
      .optional(),
  },
  http: {
    method: "get",
    path: "/api/simulate/doctrine",
    memo: true,
    tag: "simulate",
    responses: { "422": "the scenario lacks two rival poles" },
  },
  job: { kind: "doctrine", maxSeconds: 120 },
  async run(ctx, q, progress) {
    bounded(ctx, "runs", q.runs, RUNS);
    bounded(ctx, "years", q.years, YEARS);
    if (ctx.surface === "server" && q.runs * q.years > SERVER_RUN_YEARS)
      throw new UsageError(
        `{runs} × {years} must be at most ${SERVER_RUN_YEARS} on the server, not ${q.runs * q.years} (run larger simulations with the CLI)`,
      );
    let overrides = {};
    if (q.params !== undefined) {
      const YAML = (await import("yaml")).default;
      try {
        overrides = YAML.parse(readLocalFile(ctx, q.params)) ?? {};
      } catch (e) {
        throw new UsageError(`{params} ${q.params}: ${(e as Error).message}`);
      }
    }
    progress?.(0.05, "parameterising from the scenario's poles and ties");
    const { doctrineFromScenario } = await import("../../simulate/doctrine-scenario.ts");
    const { runDoctrines } = await import("../../simulate/doctrine-run.ts");
    const s = requireScenario(ctx, q.scenario).scenario;
    let setup: ReturnType<typeof doctrineFromScenario>;
    try {
      setup = doctrineFromScenario(s, overrides);
    } catch (e) {
      throw new OpError(422, (e as Error).message);
    }
    // runDoctrines spreads the runs over worker threads and reports only at the end, so the
    // progress here is by stage.
    progress?.(0.1, `simulating ${q.runs} runs × ${q.years} years`);
    const res = await runDoctrines(setup.params, {
      runs: q.runs,
      years: q.years,
      seed: q.seed,
      threads: q.threads,
      signal: ctx.signal,
    });
    return {
      scenario: s.meta.id,
      focal: s.meta.focal,
      ...res,
      measured: setup.measured,
      assumptions: setup.assumptions,
    };
  },
  print(out, q) {
    process.stdout.write(
      `${out.focal}: ${q.runs} runs × ${q.years} years, seed ${q.seed} (${out.elapsedMs} ms, ${out.threads} threads)\n\n`,
    );
    printTable(
      out.doctrines.map((d) => ({
        doctrine: d.doctrine,
        "mean payoff": d.payoff.mean,
        p05: d.payoff.p05,
        p50: d.payoff.p50,
        p95: d.payoff.p95,
        CVaR: d.cvar,
        "autonomy (final)": d.autonomy[d.autonomy.length - 1],
        "P(coercion)": d.coercion.probAny,
        "P(abandonment)": d.abandonment.probAny,
      })),
    );
    process.stdout.write(`\nassumptions:\n${out.assumptions.map((a) => `  - ${a}`).join("\n")}\n`);
  },
});
