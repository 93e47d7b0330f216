/**
 * The backtest's defaults in one place (no imports, so the operation's declaration can use them
 * without loading the models). Monte Carlo: 20 runs per issue and model — on a 29-actor DEU issue
 * SMP and BDM cost about 0.17 CPU s per run together (bench/results/backtest.md), so 20 keeps the
 * full 364-issue DEU III set to minutes on two cores; `--draws 50` gives finer bands.
 */
export const BACKTEST_DEFAULTS = Object.freeze({
  draws: 20,
  perturb: 10,
  seed: 1,
  level: 0.9,
  resamples: 2000,
});
