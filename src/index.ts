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

// Corridors: route network, comparison, disruption, leverage
export { compareRoutes } from "./corridor/compare.ts";
export { type CorridorLeverage, corridorLeverage } from "./corridor/corridor-leverage.ts";
export { disrupt } from "./corridor/disrupt.ts";
export { type LeverageRow, yearLeverage } from "./corridor/leverage.ts";
export { EURASIA_DIR, loadNetwork, type Network, readNetwork } from "./corridor/load-network.ts";
export { shapleyExact } from "./corridor/shapley.ts";
// Data: scenario folders, CSV reading, validation problems
export { parseCsv } from "./data/csv.ts";
// Reference panel: coverage, crosswalk, state system, contiguity; the level rule; scenario init
export { type InitScenarioOptions, initScenario } from "./data/init-scenario.ts";
export {
  applyLevelOverrides,
  DEFAULT_REGIONAL_RADIUS_KM,
  type LevelRuleOptions,
  levelsByRule,
  levelsFor,
} from "./data/level-rule.ts";
export { loadScenario, readScenario } from "./data/load-scenario.ts";
export { armsImports } from "./data/panel/arms-imports.ts";
export { CONTIGUITY_TYPES, contiguous } from "./data/panel/contiguous.ts";
export { type CoverageRow, coverage, coverageEnd } from "./data/panel/coverage.ts";
export { cowToIso3, iso3ToCow, stateName } from "./data/panel/crosswalk.ts";
export { isMajorPower, majorPowers } from "./data/panel/major-powers.ts";
export { haversineKm, statesNearby } from "./data/panel/nearby.ts";
export { regionalPowers } from "./data/panel/regional-powers.ts";
export { rivalriesInvolving } from "./data/panel/rivalries.ts";
export { statesInSystem } from "./data/panel/states-in-system.ts";
export { formatProblem, type Problem, ValidationError } from "./data/problem.ts";
export { type EventQuery, queryEvents } from "./data/query-events.ts";
export { builtinScenarios, resolveScenarioDir } from "./data/scenario-registry.ts";
// Event data: importers (GDELT, ICEWS, PLOVER/POLECAT, mapped CSV), dyadic aggregation
export type { DedupMode } from "./ingest/dedup.ts";
export type { EventRow } from "./ingest/event-row.ts";
export type { EventSink } from "./ingest/event-sink.ts";
export { type ImportOptions, type ImportSummary, importEvents } from "./ingest/import-events.ts";
// World model: records and their schemas
export * from "./model/index.ts";
// Network: signed graphs, structural balance, blocs and brokerage
export { type BalanceResult, balanceReport } from "./network/balance-report.ts";
export { betweenness } from "./network/betweenness.ts";
export { type BrokerageResult, brokerageReport } from "./network/brokerage-report.ts";
export { brokerageRoles } from "./network/brokerage-roles.ts";
export { type FrustrationResult, frustrationIndex } from "./network/frustration-index.ts";
export { kBalance } from "./network/k-balance.ts";
export { networkView } from "./network/network-view.ts";
export { readEdgeList } from "./network/read-edge-list.ts";
export { scenarioGraph } from "./network/scenario-graph.ts";
export { buildSignedGraph, type SignedGraph } from "./network/signed-graph.ts";
export { structuralHoles } from "./network/structural-holes.ts";
export { triadCensus, triangleIndex } from "./network/triad-census.ts";
export { walkIndex } from "./network/walk-index.ts";
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
export { dedupedEvents, dedupedEventsSql } from "./store/duckdb/dedup.ts";
export { dyads, dyadsSql } from "./store/duckdb/dyads.ts";
export { importedEvents } from "./store/duckdb/imported-events.ts";
export { DuckDbEventSink } from "./store/duckdb/sink.ts";
export type { DyadQuery, DyadRow } from "./store/dyads.ts";
export {
  type EventBackend,
  openEventBackend,
  withEventBackend,
} from "./store/event-backend.ts";
export type { ImportedEvent, ImportedEventQuery } from "./store/imported-event.ts";
export { Store, type StoreAccess, type StoreOpenOptions } from "./store/store.ts";
