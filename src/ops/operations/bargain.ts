import { printTable } from "../../cli/output.ts";
import type { BargainResult } from "../../simulate/bargain.ts";
import type { MonteCarloResult } from "../../simulate/bargain-monte-carlo.ts";
import type { SensitivityResult } from "../../simulate/bargain-sensitivity.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { bounded } from "../limits.ts";
import { Param, p } from "../params.ts";

/** Shipped bargaining examples, by id (never a path from a request). */
const EXAMPLES = {
  tripp: new URL("../../../data/models/tripp.csv", import.meta.url).pathname,
} as const;

/** Server bounds: one request cannot hold the server. */
const SERVER = { maxActors: 60, ms: 20_000 };
const RUNS = { local: 100_000, server: 200 };

/** KTAB model parameters: `Name=Value` strings (repeatable option) or an object. */
const ktabParams = new Param<Record<string, string>, Record<string, string> | string[], true>({
  kind: "string",
  arg: "<Name=Value...>",
  help: "KTAB model parameter, e.g. --param VotingRule=PropCbc (repeatable)",
  required: true,
  schema: (z) =>
    z.unknown().transform((v, ctx): Record<string, string> => {
      const bad = (message: string) => {
        ctx.addIssue({ code: "custom", input: v, message });
        return z.NEVER;
      };
      const entries: [string, unknown][] = [];
      if (typeof v === "string" || Array.isArray(v)) {
        for (const s of typeof v === "string" ? [v] : v) {
          const m = typeof s === "string" ? /^([A-Za-z]+)=([A-Za-z0-9]+)$/.exec(s) : null;
          if (!m) return bad(`expects Name=Value, got ${JSON.stringify(s)}`);
          entries.push([m[1], m[2]]);
        }
      } else if (typeof v === "object" && v !== null) entries.push(...Object.entries(v));
      else return bad("expects Name=Value pairs");
      const out: Record<string, string> = {};
      for (const [k, x] of entries) {
        if (typeof x !== "string" || !/^[A-Za-z]{1,40}$/.test(k) || !/^[A-Za-z0-9]{1,40}$/.test(x))
          return bad(`expects Name=Value, got ${k}=${String(x)}`);
        out[k] = x;
      }
      return out;
    }),
});

export type BargainOutput = BargainResult & {
  monteCarlo?: MonteCarloResult;
  sensitivity?: SensitivityResult;
};

export const bargain = defineOperation({
  name: "bargain",
  summary:
    "forecast a negotiation with KTAB's Spatial Model of Politics (smp) or the BDM expected-utility model (bdm), beside the weighted mean and median",
  params: {
    file: p
      .string(
        "KTAB scenario (.csv or .xml) or a one-issue table Actor,Capability,Position,Salience",
        {
          arg: "<scenario>",
        },
      )
      .local()
      .optional(),
    example: p
      .enum(Object.keys(EXAMPLES) as ["tripp"], "a shipped example instead of a file")
      .optional("tripp when no scenario is given"),
    scenarioText: p
      .string("the KTAB scenario as text (instead of a file)", { max: 200_000, arg: "<text>" })
      .optional(),
    model: p
      .enum(["smp", "bdm"], "smp (KTAB SMP) or bdm (Bueno de Mesquita / Scholz et al. 2011)")
      .default("smp"),
    seed: p
      .string("unsigned 64-bit seed: SMP then uses KTAB's stochastic state transitions", {
        max: 20,
        pattern: /^\d{1,20}$/,
        arg: "<n>",
      })
      .optional(),
    runs: p
      .number(
        `Monte Carlo: number of runs (seeds seed, seed+1, …), reports forecast quantiles (server: at most ${RUNS.server})`,
        { int: true, min: 1, max: RUNS.local },
      )
      .optional(),
    perturb: p
      .number("Monte Carlo: perturb inputs uniformly by ±points (capability by ±%)", {
        min: 0,
        max: 50,
        arg: "<points>",
      })
      .default(0),
    sensitivity: p.flag(
      "one-at-a-time sensitivity (tornado) over KTAB parameters and actor inputs",
    ),
    delta: p
      .number("sensitivity step for positions/saliences (points) and capability (%)", {
        positive: true,
        max: 50,
        arg: "<points>",
      })
      .default(10),
    rounds: p.number("BDM: number of rounds", { int: true, min: 1, max: 1000 }).default(10),
    bdmProbability: p
      .enum(["published", "scholz-code", "net"], "BDM: probability formula")
      .default("published"),
    param: ktabParams.optional(),
  },
  positionals: ["file"],
  http: [
    {
      method: "get",
      path: "/api/simulate/bargain",
      memo: true,
      tag: "simulate",
      responses: { "503": "the run exceeded its time budget" },
    },
    {
      method: "post",
      path: "/api/compute/bargain",
      tag: "simulate",
      // The posted body names the scenario text `scenario` and the KTAB parameters `params`.
      aliases: { scenario: "scenarioText", params: "param" },
      responses: {
        "413": "too many actors",
        "422": "invalid scenario (problems by line and field)",
        "503": "time budget exceeded",
      },
    },
  ],
  job: { kind: "bargain", maxSeconds: 60 },
  async run(ctx, q, progress): Promise<BargainOutput> {
    bounded(ctx, "runs", q.runs, RUNS);
    const { parseBargainText, readBargainScenario } = await import(
      "../../simulate/bargain-input.ts"
    );
    const { runBargain } = await import("../../simulate/bargain.ts");
    const { checkParam } = await import("../../simulate/ktab-params.ts");
    const given = [q.file, q.example, q.scenarioText].filter((x) => x !== undefined).length;
    if (given > 1) throw new UsageError("give one scenario: a file, {example} or {scenarioText}");
    if (q.file !== undefined && ctx.surface !== "local")
      throw new UsageError("files are read only on the command line");
    let seed: bigint | undefined;
    if (q.seed !== undefined) {
      seed = BigInt(q.seed);
      if (seed >= 1n << 64n)
        throw new UsageError(`{seed} must be an unsigned 64-bit integer, not "${q.seed}"`);
    }
    for (const [k, v] of Object.entries(q.param ?? {})) {
      const err = checkParam(k, v);
      if (err) throw new UsageError(`{param}: ${err}`);
    }
    const sc =
      q.file !== undefined
        ? readBargainScenario(q.file)
        : q.scenarioText !== undefined
          ? parseBargainText(q.scenarioText, "request")
          : q.example !== undefined || ctx.surface === "server"
            ? parseBargainText(
                (await import("node:fs")).readFileSync(EXAMPLES[q.example ?? "tripp"], "utf8"),
                `${q.example ?? "tripp"}.csv`,
              )
            : undefined;
    if (!sc) throw new UsageError("give a scenario: a file, {example} tripp, or {scenarioText}");
    const server = ctx.surface === "server";
    if (server && sc.actors.length > SERVER.maxActors)
      throw new OpError(413, `at most ${SERVER.maxActors} actors per request`);
    const base = {
      model: q.model,
      seed,
      params: q.param as never,
      bdm: { rounds: q.rounds, probability: q.bdmProbability },
      ...(server ? { deadline: Date.now() + SERVER.ms } : {}),
    };
    try {
      progress?.(0.1, `${q.model.toUpperCase()} forecast`);
      const out: BargainOutput = { ...runBargain(sc, base) };
      if (q.runs !== undefined) {
        progress?.(0.4, `Monte Carlo: ${q.runs} runs`);
        const { monteCarlo } = await import("../../simulate/bargain-monte-carlo.ts");
        out.monteCarlo = monteCarlo(sc, q.runs, { ...base, perturb: q.perturb });
      }
      if (q.sensitivity) {
        progress?.(0.7, "sensitivity");
        const { sensitivity } = await import("../../simulate/bargain-sensitivity.ts");
        out.sensitivity = sensitivity(sc, { ...base, delta: q.delta });
      }
      return out;
    } catch (e) {
      if (e instanceof Error && /time budget/.test(e.message)) throw new OpError(503, e.message);
      throw e;
    }
  },
  print(r) {
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
    const mc = r.monteCarlo;
    if (mc) {
      process.stdout.write(
        `\nMonte Carlo (${mc.runs} runs, perturb ±${mc.perturb}): forecast quantiles\n`,
      );
      printTable(r.scenario.dimensions.map((d, k) => ({ dimension: d, ...mc.forecast[k] })));
    }
    const sens = r.sensitivity;
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
  },
});
