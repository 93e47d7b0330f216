// The `ana/simulate` entry point. Simulation: KTAB SMP, BDM, baselines, landscape theory, doctrine simulator, what-if.
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { type BargainResult, runBargain } from "./bargain.ts";
export { readBargainScenario } from "./bargain-input.ts";
export { monteCarlo } from "./bargain-monte-carlo.ts";
export { sensitivity } from "./bargain-sensitivity.ts";
export { baselines, weightedMean, weightedMedian } from "./baselines.ts";
export { BdmModel } from "./bdm.ts";
export { runDoctrines } from "./doctrine-run.ts";
export { doctrineFromScenario } from "./doctrine-scenario.ts";
export { parseKtabCsv } from "./ktab-csv.ts";
export { SMP_DEFAULTS, type SmpParams } from "./ktab-params.ts";
export { parseKtabXml } from "./ktab-xml.ts";
export { solveLandscape } from "./landscape.ts";
export { parseLandscape } from "./landscape-input.ts";
export { runSmp } from "./smp.ts";
export { whatIf } from "./whatif.ts";
export { registerWhatIfMeasure, type WhatIfMeasure } from "./whatif-measures.ts";
