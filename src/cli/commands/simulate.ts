import type { Command } from "commander";
import { scenarioFromOptions } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  const sim = program
    .command("simulate")
    .description("simulations: doctrine comparison under rivalry and shocks");
  sim
    .command("doctrine")
    .description(
      "compare bandwagoning, balancing, passive and active non-alignment for the scenario's focal state (Monte Carlo)",
    )
    .option("--scenario <name|dir>", "scenario id or folder", "azerbaijan")
    .option("--runs <n>", "Monte Carlo runs", "2000")
    .option("--seed <n>", "seed (32-bit unsigned)", "1")
    .option("--years <n>", "years simulated per run", "15")
    .option("--threads <n>", "worker threads (results do not depend on it)")
    .option(
      "--params <file>",
      "YAML or JSON overriding model parameters (and per-pole values under poles: [{id, …}])",
    )
    .option("--json", "print JSON")
    .action(
      async (opts: {
        scenario?: string;
        runs: string;
        seed: string;
        years: string;
        threads?: string;
        params?: string;
        json?: boolean;
      }) => {
        const runs = Number(opts.runs);
        const seed = Number(opts.seed);
        const years = Number(opts.years);
        if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
          throw new UsageError("--runs must be an integer 1–1000000");
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
          throw new UsageError("--seed must be an integer 0–4294967295");
        if (!Number.isInteger(years) || years < 1 || years > 200)
          throw new UsageError("--years must be an integer 1–200");
        let threads: number | undefined;
        if (opts.threads !== undefined) {
          threads = Number(opts.threads);
          if (!Number.isInteger(threads) || threads < 1 || threads > 16)
            throw new UsageError("--threads must be an integer 1–16");
        }
        let overrides = {};
        if (opts.params) {
          const { readFileSync } = await import("node:fs");
          const YAML = (await import("yaml")).default;
          try {
            overrides = YAML.parse(readFileSync(opts.params, "utf8")) ?? {};
          } catch (e) {
            throw new UsageError(`--params ${opts.params}: ${(e as Error).message}`);
          }
        }
        const { doctrineFromScenario } = await import("../../simulate/doctrine-scenario.ts");
        const { runDoctrines } = await import("../../simulate/doctrine-run.ts");
        const s = scenarioFromOptions(opts);
        const setup = doctrineFromScenario(s, overrides);
        const res = await runDoctrines(setup.params, { runs, years, seed, threads });
        const out = {
          scenario: s.meta.id,
          focal: s.meta.focal,
          ...res,
          measured: setup.measured,
          assumptions: setup.assumptions,
        };
        if (opts.json) {
          printJson(out);
          return;
        }
        process.stdout.write(
          `${s.meta.focal}: ${runs} runs × ${years} years, seed ${seed} (${res.elapsedMs} ms, ${res.threads} threads)\n\n`,
        );
        printTable(
          res.doctrines.map((d) => ({
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
        process.stdout.write(
          `\nassumptions:\n${setup.assumptions.map((a) => `  - ${a}`).join("\n")}\n`,
        );
      },
    );
}
