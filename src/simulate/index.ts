// `ana/simulate`: simulations: KTAB SMP, BDM, landscape, doctrine, what-if
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).

export * from "./bargain.ts";
export * from "./bargain-input.ts";
export * from "./bargain-monte-carlo.ts";
export * from "./bargain-sensitivity.ts";
export * from "./baselines.ts";
export * from "./bdm.ts";
export * from "./doctrine.ts";
export * from "./doctrine-params.ts";
export * from "./doctrine-run.ts";
export * from "./doctrine-scenario.ts";
export * from "./ktab-csv.ts";
export * from "./ktab-params.ts";
export * from "./ktab-pce.ts";
export * from "./ktab-prng.ts";
export * from "./ktab-risk.ts";
export * from "./ktab-xml.ts";
export * from "./landscape.ts";
export * from "./landscape-input.ts";
export * from "./quantiles.ts";
export * from "./smp.ts";
export * from "./smp-scenario.ts";
export * from "./whatif.ts";
export * from "./whatif-apply.ts";
export * from "./whatif-measures.ts";
export * from "./xoshiro.ts";
