// ANA's library entry point: named exports grouped by theme.
//
// Operations first: every CLI command is a function of the same name in camelCase taking one
// options object (the command's options in camelCase plus its named positionals, and `db`/`store`)
// and returning exactly what `--json` prints (docs/library.md). The HTTP server is not loaded
// from here: it is `ana/server` (src/server/index.ts).

import { libraryFunction } from "./ops/library.ts";
import * as ops from "./ops/operations/index.ts";

/** `ana alignment`: UN General Assembly vote alignment per dyad-year. */
export const alignment = libraryFunction(ops.alignment);
/** `ana alliances`: ATOP alliance-portfolio similarity. */
export const alliances = libraryFunction(ops.alliances);
/** `ana claims`: the seed's empirical claims checked against the data. */
export const claims = libraryFunction(ops.claims);
/** `ana dependence`: dependence concentration in one flow domain. */
export const dependence = libraryFunction(ops.dependence);
/** `ana hedging`: hedging indices (ANA proposals). */
export const hedging = libraryFunction(ops.hedging);
/** `ana idealpoints`: UNGA ideal-point distances and position on a rival axis. */
export const idealpoints = libraryFunction(ops.idealpoints);
/** `ana multilateralism`: memberships, bridging organisations, forums hosted, mediation. */
export const multilateralism = libraryFunction(ops.multilateralism);
/** `ana relations`: dyadic relations from events. */
export const relations = libraryFunction(ops.relations);
/** `ana scorecard`: the ANA scorecard and the power gap. */
export const scorecard = libraryFunction(ops.scorecard);

// The operation registry: declare, list and run operations
export type { LoadedScenario, OpContext, Progress } from "./ops/context.ts";
export { defineOperation, functionName, type Operation } from "./ops/define.ts";
export { OpError, UsageError } from "./ops/errors.ts";
export { type LibraryOptions, libraryFunction } from "./ops/library.ts";
export { LocalContext, type LocalOptions } from "./ops/local-context.ts";
export { p as param } from "./ops/params.ts";
export { OPERATIONS, operation } from "./ops/registry.ts";
// Simulation: KTAB SMP, BDM, baselines, landscape theory, doctrine simulator, what-if
export { type BargainResult, runBargain } from "./simulate/bargain.ts";
export { readBargainScenario } from "./simulate/bargain-input.ts";
export { monteCarlo } from "./simulate/bargain-monte-carlo.ts";
export { sensitivity } from "./simulate/bargain-sensitivity.ts";
export { baselines, weightedMean, weightedMedian } from "./simulate/baselines.ts";
export { BdmModel } from "./simulate/bdm.ts";
export { runDoctrines } from "./simulate/doctrine-run.ts";
export { doctrineFromScenario } from "./simulate/doctrine-scenario.ts";
export { parseKtabCsv } from "./simulate/ktab-csv.ts";
export { SMP_DEFAULTS, type SmpParams } from "./simulate/ktab-params.ts";
export { parseKtabXml } from "./simulate/ktab-xml.ts";
export { solveLandscape } from "./simulate/landscape.ts";
export { parseLandscape } from "./simulate/landscape-input.ts";
export { runSmp } from "./simulate/smp.ts";
export { whatIf } from "./simulate/whatif.ts";
export { registerWhatIfMeasure, type WhatIfMeasure } from "./simulate/whatif-measures.ts";
// Store: the embedded DuckDB database
export { defaultStorePath } from "./store/default-path.ts";
// Event store backends: embedded DuckDB (default) or a ClickHouse node/cluster (docs/scale.md)
export {
  type EventBackend,
  openEventBackend,
  withEventBackend,
} from "./store/event-backend.ts";
export { putScenario } from "./store/put-scenario.ts";
export { Store } from "./store/store.ts";
