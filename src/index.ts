// ANA's library entry point: named exports grouped by theme.

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
export { type DedupMode, dedupedEvents, dedupedEventsSql } from "./ingest/dedup.ts";
export { DuckDbEventSink } from "./ingest/duckdb-sink.ts";
export { type DyadQuery, type DyadRow, dyads, dyadsSql } from "./ingest/dyads.ts";
export type { EventRow } from "./ingest/event-row.ts";
export type { EventSink } from "./ingest/event-sink.ts";
export { type ImportOptions, type ImportSummary, importEvents } from "./ingest/import-events.ts";
export {
  type ImportedEvent,
  type ImportedEventQuery,
  importedEvents,
} from "./ingest/imported-events.ts";
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
// Server: `createApp` is exported by the "ana/server" subpath, so importing "ana" loads no HTTP server
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
