import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

interface BargainCliOptions {
  model: string;
  seed?: string;
  runs?: string;
  perturb?: string;
  sensitivity?: boolean;
  delta?: string;
  rounds?: string;
  bdmProbability?: string;
  param?: string[];
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("bargain")
    .description(
      "forecast a negotiation with KTAB's Spatial Model of Politics (smp) or the BDM expected-utility model (bdm), beside the weighted mean and median",
    )
    .argument(
      "<scenario>",
      "KTAB scenario (.csv or .xml) or a one-issue table Actor,Capability,Position,Salience",
    )
    .option(
      "--model <smp|bdm>",
      "smp (KTAB SMP) or bdm (Bueno de Mesquita / Scholz et al. 2011)",
      "smp",
    )
    .option("--seed <n>", "unsigned 64-bit seed: SMP then uses KTAB's stochastic state transitions")
    .option(
      "--runs <n>",
      "Monte Carlo: number of runs (seeds seed, seed+1, …), reports forecast quantiles",
    )
    .option(
      "--perturb <points>",
      "Monte Carlo: perturb inputs uniformly by ±points (capability by ±%)",
      "0",
    )
    .option(
      "--sensitivity",
      "one-at-a-time sensitivity (tornado) over KTAB parameters and actor inputs",
    )
    .option(
      "--delta <points>",
      "sensitivity step for positions/saliences (points) and capability (%)",
      "10",
    )
    .option("--rounds <n>", "BDM: number of rounds", "10")
    .option(
      "--bdm-probability <published|scholz-code|net>",
      "BDM: probability formula",
      "published",
    )
    .option(
      "--param <Name=Value...>",
      "KTAB model parameter, e.g. --param VotingRule=PropCbc (repeatable)",
    )
    .option("--json", "print JSON")
    .action(async (file: string, opts: BargainCliOptions) => {
      const { readBargainScenario } = await import("../../simulate/bargain-input.ts");
      const { runBargain } = await import("../../simulate/bargain.ts");
      const { checkParam } = await import("../../simulate/ktab-params.ts");
      if (opts.model !== "smp" && opts.model !== "bdm")
        throw new UsageError(`--model must be smp or bdm, not "${opts.model}"`);
      let seed: bigint | undefined;
      if (opts.seed !== undefined) {
        if (!/^\d{1,20}$/.test(opts.seed) || BigInt(opts.seed) >= 1n << 64n)
          throw new UsageError(`--seed must be an unsigned 64-bit integer, not "${opts.seed}"`);
        seed = BigInt(opts.seed);
      }
      const params: Record<string, string> = {};
      for (const p of opts.param ?? []) {
        const m = /^([A-Za-z]+)=([A-Za-z0-9]+)$/.exec(p);
        if (!m) throw new UsageError(`--param expects Name=Value, got "${p}"`);
        const err = checkParam(m[1], m[2]);
        if (err) throw new UsageError(`--param: ${err}`);
        params[m[1]] = m[2];
      }
      const prob = opts.bdmProbability;
      if (prob !== "published" && prob !== "scholz-code" && prob !== "net")
        throw new UsageError("--bdm-probability must be published, scholz-code or net");
      const rounds = Number(opts.rounds);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000)
        throw new UsageError("--rounds must be an integer 1–1000");
      const sc = readBargainScenario(file);
      const base = {
        model: opts.model as "smp" | "bdm",
        seed,
        params,
        bdm: { rounds, probability: prob as "published" },
      };
      const out: Record<string, unknown> = { ...runBargain(sc, base) };
      if (opts.runs !== undefined) {
        const runs = Number(opts.runs);
        if (!Number.isInteger(runs) || runs < 1 || runs > 100000)
          throw new UsageError("--runs must be an integer 1–100000");
        const perturb = Number(opts.perturb);
        if (!Number.isFinite(perturb) || perturb < 0 || perturb > 50)
          throw new UsageError("--perturb must be a number 0–50");
        const { monteCarlo } = await import("../../simulate/bargain-monte-carlo.ts");
        out.monteCarlo = monteCarlo(sc, runs, { ...base, perturb });
      }
      if (opts.sensitivity) {
        const delta = Number(opts.delta);
        if (!Number.isFinite(delta) || delta <= 0 || delta > 50)
          throw new UsageError("--delta must be a number in (0, 50]");
        const { sensitivity } = await import("../../simulate/bargain-sensitivity.ts");
        out.sensitivity = sensitivity(sc, { ...base, delta });
      }
      if (opts.json) {
        printJson(out);
        return;
      }
      const r = out as unknown as import("../../simulate/bargain.ts").BargainResult;
      const f2 = (x: number) => x.toFixed(1);
      process.stdout.write(
        `${r.model.toUpperCase()} forecast for ${r.scenario.name} (${r.turns.length - 1} turns, ${r.stopReason})\n\n`,
      );
      printTable(
        r.scenario.actors.map((a) => ({
          actor: a,
          initial: r.turns[0].positions[a].map(f2).join(" / "),
          final: r.final.positions[a].map(f2).join(" / "),
          "P(final)": r.turns[r.turns.length - 1].probabilities[a],
        })),
      );
      process.stdout.write("\n");
      printTable(
        r.scenario.dimensions.map((d, k) => ({
          dimension: d,
          forecast: r.forecast[k],
          "weighted mean": r.baselines.weightedMean[k],
          "weighted median": r.baselines.weightedMedian[k],
        })),
      );
      const mc = out.monteCarlo as
        | import("../../simulate/bargain-monte-carlo.ts").MonteCarloResult
        | undefined;
      if (mc) {
        process.stdout.write(
          `\nMonte Carlo (${mc.runs} runs, perturb ±${mc.perturb}): forecast quantiles\n`,
        );
        printTable(r.scenario.dimensions.map((d, k) => ({ dimension: d, ...mc.forecast[k] })));
      }
      const sens = out.sensitivity as
        | import("../../simulate/bargain-sensitivity.ts").SensitivityResult
        | undefined;
      if (sens) {
        process.stdout.write(`\nSensitivity (tornado, ${sens.runs} runs): largest swings first\n`);
        printTable(
          sens.bars.slice(0, 20).map((b) => ({
            factor: b.factor,
            low: b.low.setting,
            high: b.high.setting,
            swing: b.swing,
          })),
        );
      }
    });
}
