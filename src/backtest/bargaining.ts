/**
 * ANA's bargaining models on one backtest issue: KTAB's SMP and the BDM expected-utility model
 * (src/simulate), run with their documented defaults (SMP: KTAB's nine defaults, deterministic
 * state transitions; BDM: Q = T = 1, the published probability formula, 10 rounds), never tuned
 * per issue. The point forecast is the deterministic run's forecast (capability×salience weighted
 * mean of the final positions, as `ana bargain` reports it); the Monte Carlo quantiles come from
 * `draws` runs with inputs perturbed by ±`perturb` points (positions, saliences) and ±`perturb` %
 * (capabilities), SMP also with KTAB's stochastic state transitions (`ana bargain --runs --perturb`).
 */
import { runBargain } from "../simulate/bargain.ts";
import { monteCarlo } from "../simulate/bargain-monte-carlo.ts";
import { SMP_LIMITS, type SmpScenario } from "../simulate/smp-scenario.ts";
import { BACKTEST_DEFAULTS } from "./defaults.ts";
import type { BacktestIssue, ModelForecast } from "./types.ts";

export const BARGAINING_DEFAULTS = Object.freeze({
  /** Monte Carlo runs per issue and model (0: no quantiles). */
  draws: BACKTEST_DEFAULTS.draws,
  /** Monte Carlo perturbation: ± points on the 0–100 scale (capabilities ± %). */
  perturb: BACKTEST_DEFAULTS.perturb,
  /** Base seed; each issue's Monte Carlo seed is derived from it and the issue id. */
  seed: BACKTEST_DEFAULTS.seed,
});

export interface BargainingOptions {
  draws?: number;
  perturb?: number;
  seed?: number;
  /** Abort when this wall-clock time (ms since epoch) passes. */
  deadline?: number;
}

/** FNV-1a of the issue id: a per-issue seed independent of the order issues come in. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The issue as a one-dimension SMP scenario on 0–100: actors with capability and salience > 0. */
export function issueScenario(issue: BacktestIssue): { sc: SmpScenario; dropped: string[] } {
  const [lo, hi] = issue.scale ?? [0, 100];
  const span = hi - lo;
  const kept = issue.actors.filter((a) => a.capability > 0 && a.salience > 0);
  const dropped = issue.actors
    .filter((a) => !(a.capability > 0 && a.salience > 0))
    .map((a) => a.id);
  return {
    sc: {
      name: issue.id,
      description: issue.proposal ?? "",
      dimensions: ["issue"],
      actors: kept.map((a) => ({
        name: a.id,
        description: "",
        capability: a.capability,
        position: [(100 * (a.position - lo)) / span],
        salience: [Math.min(100, a.salience)],
      })),
    },
    dropped,
  };
}

export function bargainingForecast(
  issue: BacktestIssue,
  model: "smp" | "bdm",
  options: BargainingOptions = {},
): ModelForecast {
  const o = { ...BARGAINING_DEFAULTS, ...options };
  const [lo, hi] = issue.scale ?? [0, 100];
  const back = (x: number) => lo + ((hi - lo) * x) / 100;
  const { sc } = issueScenario(issue);
  const min = model === "smp" ? SMP_LIMITS.minActors : 2;
  if (sc.actors.length < min)
    return {
      forecast: null,
      reason: `${sc.actors.length} actor(s) with capability and salience above zero; ${model} needs ${min}`,
    };
  try {
    const point = runBargain(sc, { model, deadline: o.deadline }).forecast[0];
    if (!Number.isFinite(point))
      return { forecast: null, reason: `${model} gave no finite forecast` };
    const out: ModelForecast = { forecast: back(point) };
    if (o.draws > 0) {
      const mc = monteCarlo(sc, o.draws, {
        model,
        seed: BigInt((o.seed + idHash(issue.id)) >>> 0),
        perturb: o.perturb,
        deadline: o.deadline,
      }).forecast[0];
      const qs = [mc.p05, mc.p25, mc.p50, mc.p75, mc.p95];
      if (!qs.every(Number.isFinite))
        return { ...out, reason: `${model} Monte Carlo gave non-finite forecasts` };
      out.quantiles = {
        q05: back(mc.p05),
        q25: back(mc.p25),
        q50: back(mc.p50),
        q75: back(mc.p75),
        q95: back(mc.p95),
      };
    }
    return out;
  } catch (e) {
    return { forecast: null, reason: `${model} failed: ${(e as Error).message}` };
  }
}
