/**
 * Monte Carlo forecasts for `ana bargain --runs N`: N runs with KTAB's stochastic state transitions
 * (seeds seed, seed+1, …) and, optionally, inputs perturbed uniformly by ±perturb points (positions,
 * saliences; clipped to 0–100 with saliences rescaled to sum ≤ 100) and ±perturb % (capabilities),
 * drawn from xoshiro128** seeded by the same seed. Reports forecast quantiles.
 */
import { type BargainOptions, runBargain } from "./bargain.ts";
import { KTAB_DEFAULT_SEED } from "./ktab-params.ts";
import { type Summary, summarize } from "./quantiles.ts";
import type { SmpScenario } from "./smp-scenario.ts";
import { Xoshiro128 } from "./xoshiro.ts";

export interface MonteCarloResult {
  runs: number;
  seed: string;
  perturb: number;
  /** Quantiles of the forecast outcome (weighted mean of final positions), per dimension. */
  forecast: Summary[];
  /** Quantiles of each actor's final position, per dimension. */
  final: Record<string, Summary[]>;
  /** Turns taken per run. */
  turns: Summary;
}

export function perturbScenario(sc: SmpScenario, rng: Xoshiro128, amount: number): SmpScenario {
  if (amount <= 0) return sc;
  const clip = (x: number) => Math.min(100, Math.max(0, x));
  return {
    ...sc,
    actors: sc.actors.map((a) => {
      const sal = a.salience.map((s) => clip(s + rng.uniform(-amount, amount)));
      const tot = sal.reduce((x, y) => x + y, 0);
      return {
        ...a,
        capability: Math.max(1e-9, a.capability * (1 + rng.uniform(-amount, amount) / 100)),
        position: a.position.map((p) => clip(p + rng.uniform(-amount, amount))),
        salience: tot > 100 ? sal.map((s) => (100 * s) / tot) : tot === 0 ? a.salience : sal,
      };
    }),
  };
}

export function monteCarlo(
  sc: SmpScenario,
  runs: number,
  opts: BargainOptions & { perturb?: number } = {},
): MonteCarloResult {
  const seed = opts.seed ?? KTAB_DEFAULT_SEED;
  const perturb = opts.perturb ?? 0;
  const rng = new Xoshiro128(Number(seed & 0xffffffffn));
  const outcomes: number[][] = [];
  const finals: number[][][] = [];
  const turns: number[] = [];
  for (let k = 0; k < runs; k++) {
    if (opts.deadline !== undefined && Date.now() > opts.deadline)
      throw new Error(`Monte Carlo exceeded its time budget after ${k} of ${runs} runs`);
    const s = perturbScenario(sc, rng, perturb);
    const r = runBargain(s, {
      ...opts,
      seed: (opts.model ?? "smp") === "smp" ? (seed + BigInt(k)) & ((1n << 64n) - 1n) : undefined,
    });
    outcomes.push(r.forecast);
    finals.push(sc.actors.map((a) => r.final.positions[a.name]));
    turns.push(r.turns.length - 1);
  }
  const nd = sc.dimensions.length;
  return {
    runs,
    seed: seed.toString(),
    perturb,
    forecast: Array.from({ length: nd }, (_, d) => summarize(outcomes.map((o) => o[d]))),
    final: Object.fromEntries(
      sc.actors.map((a, i) => [
        a.name,
        Array.from({ length: nd }, (_, d) => summarize(finals.map((f) => f[i][d]))),
      ]),
    ),
    turns: summarize(turns),
  };
}
