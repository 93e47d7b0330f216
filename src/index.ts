// ANA's library entry point: named exports grouped by theme.
//
// Operations first: every CLI command is a function of the same name in camelCase taking one
// options object (the command's options in camelCase plus its named positionals, and `db`/`store`)
// and returning exactly what `--json` prints (docs/library.md). The HTTP server is not loaded
// from here: it is `ana/server` (src/server/index.ts).

import { libraryFunction } from "./ops/library.ts";
import * as ops from "./ops/operations/index.ts";

/** `ana actors`: a scenario's actors with their sources. */
export const actors = libraryFunction(ops.actors);
/** `ana alignment`: UN General Assembly vote alignment per dyad-year. */
export const alignment = libraryFunction(ops.alignment);
/** `ana alliances`: ATOP alliance-portfolio similarity. */
export const alliances = libraryFunction(ops.alliances);
/** `ana atlas`: the Atlas of multi-alignment (every state-year's hedging index, components, ranks). */
export const atlas = libraryFunction(ops.atlas);
/** `ana backtest batch`: score the models on a batch file of your own cases (docs/backtest-format.md). */
export const backtestBatch = libraryFunction(ops.backtestBatch);
/** `ana backtest deu`: bargaining models and baselines scored against DEU III decision outcomes. */
export const backtestDeu = libraryFunction(ops.backtestDeu);
/** `ana backtest track-record`: the shipped track record of the models (docs/backtest.md). */
export const backtestTrackRecord = libraryFunction(ops.backtestTrackRecord);
/** `ana atlas compare`: a state's percentile among peer groups on the Atlas measures, per year. */
export const atlasCompare = libraryFunction(ops.atlasCompare);
/** `ana bargain`: a negotiation forecast (KTAB SMP or BDM) beside the weighted mean and median. */
export const bargain = libraryFunction(ops.bargain);
/** `ana balance`: structural balance of a signed edge list (a CSV file). */
export const balance = libraryFunction(ops.balance);
/** `ana brokerage`: brokerage of every node of an edge list (a CSV file). */
export const brokerage = libraryFunction(ops.brokerage);
/** `ana claims`: the seed's empirical claims checked against the data. */
export const claims = libraryFunction(ops.claims);
/** `ana corridors backtest`: model against observed corridor flows, with errors. */
export const corridorsBacktest = libraryFunction(ops.corridorsBacktest);
/** `ana corridors check`: validate a corridor network folder (`ok` and the problems). */
export const corridorsCheck = libraryFunction(ops.corridorsCheck);
/** `ana corridors compare`: routes between two countries in a year, best first. */
export const corridorsCompare = libraryFunction(ops.corridorsCompare);
/** `ana corridors disrupt`: close countries, passages, links or routes and reassign flows. */
export const corridorsDisrupt = libraryFunction(ops.corridorsDisrupt);
/** `ana corridors leverage`: a country's corridor leverage by year. */
export const corridorsLeverage = libraryFunction(ops.corridorsLeverage);
/** `ana corridors network`: the corridor network in a year (map data). */
export const corridorsNetwork = libraryFunction(ops.corridorsNetwork);
/** `ana data check`: validate a scenario folder (`ok`, the problems, record counts). */
export const dataCheck = libraryFunction(ops.dataCheck);
/** `ana data stats`: a scenario's events and sources per level, actor and year. */
export const dataStats = libraryFunction(ops.dataStats);
/** `ana dependence`: dependence concentration in one flow domain. */
export const dependence = libraryFunction(ops.dependence);
/** `ana dyads`: directed dyad-period aggregates of the imported event data. */
export const dyads = libraryFunction(ops.dyads);
/** `ana events`: a scenario's dated events, filtered. */
export const events = libraryFunction(ops.events);
/** `ana hedging`: hedging indices (ANA proposals). */
export const hedging = libraryFunction(ops.hedging);
/** `ana idealpoints`: UNGA ideal-point distances and position on a rival axis. */
export const idealpoints = libraryFunction(ops.idealpoints);
/** `ana landscape`: alignment landscape (Axelrod & Bennett 1993). */
export const landscape = libraryFunction(ops.landscape);
/** `ana levels`: a focal state's partners by level in a year. */
export const levels = libraryFunction(ops.levels);
/** `ana multilateralism`: memberships, bridging organisations, forums hosted, mediation. */
export const multilateralism = libraryFunction(ops.multilateralism);
/** `ana network`: balance and brokerage of a scenario's signed network at a date. */
export const network = libraryFunction(ops.network);
/** `ana relations`: dyadic relations from events. */
export const relations = libraryFunction(ops.relations);
/** `ana report`: write a self-contained report (HTML or Markdown) for a state. */
export const report = libraryFunction(ops.report);
/** `ana scenario init`: write a starting scenario folder for a state from the reference panel. */
export const scenarioInit = libraryFunction(ops.scenarioInit);
/** `ana scenario records`: one kind of a scenario's records, each with its source. */
export const scenarioRecords = libraryFunction(ops.scenarioRecords);
/** `ana scenario show`: a scenario's metadata, record counts and chosen parts. */
export const scenarioShow = libraryFunction(ops.scenarioShow);
/** `ana scenario sources`: the distinct sources a scenario cites. */
export const scenarioSources = libraryFunction(ops.scenarioSources);
/** `ana scenarios`: the shipped scenarios. */
export const scenarios = libraryFunction(ops.scenarios);
/** `ana scorecard`: the ANA scorecard and the power gap. */
export const scorecard = libraryFunction(ops.scorecard);
/** `ana simulate doctrine`: doctrine comparison (Monte Carlo) for a scenario's focal state. */
export const simulateDoctrine = libraryFunction(ops.simulateDoctrine);
/** `ana sources`: the reference panel's coverage. */
export const sources = libraryFunction(ops.sources);
/** `ana whatif`: apply hypothetical changes to a scenario and compare measures before and after. */
export const whatif = libraryFunction(ops.whatif);

// Atlas: multi-alignment of every state-year (`atlasOf(store, options)` is the computation behind `atlas`)
export {
  ATLAS_COMPONENTS,
  ATLAS_DEFAULTS,
  type AtlasComponentInfo,
  type AtlasComponentValue,
  type AtlasOptions,
  type AtlasResult,
  type AtlasRow,
  atlas as atlasOf,
  coengagement,
  evenness,
  type Poles,
  parsePoles,
} from "./atlas/index.ts";
export {
  loadPeerGroups,
  type PeerGroupData,
  type PeerSpec,
  parsePeerSpecs,
  REGIONS,
  type ResolvedPeerGroup,
  resolvePeerGroup,
} from "./atlas/peers.ts";
// Atlas peers: peer groups (organisations with sourced memberships, regions, CINC bands, lists)
export {
  ATLAS_COMPARE_DEFAULTS,
  type AtlasCompareResult,
  atlasCompare as atlasCompareOf,
} from "./atlas/peers-compare.ts";
export { BATCH_DEFAULTS, parseBatch } from "./backtest/batch.ts";
export { formatBatch } from "./backtest/batch-write.ts";
// Backtest: forecasting models scored against real decision outcomes (DEU III, batch files)
export {
  type BacktestIssue,
  type BacktestResult,
  CALIBRATION_PLOT_DEFAULTS,
  calibrationPlotSvg,
  calibrationPoints,
  parseDeu,
  readDeu,
  renderBacktestMarkdown,
  runModels,
  scoreBacktest,
  type TrackRecord,
  trackRecord,
  trackRecordCalibrationSvg,
  wilsonInterval,
} from "./backtest/index.ts";
// Claims: claims files checked by the generic engine; the peer baseline of relative claims
export {
  type ClaimCheck,
  type ClaimsReport,
  claimsMarkdown,
  claimsReport,
  loadClaims,
  type PeerBaseline,
  type PeerValue,
  parseClaims,
  peerBaseline,
} from "./claims/index.ts";
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
export { PanelImportError } from "./data/panel/import-error.ts";
export { parseSipri, type SipriImport } from "./data/panel/import-sipri.ts";
export { parseUnvotes, type UnvotesImport } from "./data/panel/import-unvotes.ts";
export { isMajorPower, majorPowers } from "./data/panel/major-powers.ts";
export { haversineKm, statesNearby } from "./data/panel/nearby.ts";
export { importPanelFile, type PanelImportResult } from "./data/panel/panel-import.ts";
export { regionalPowers } from "./data/panel/regional-powers.ts";
export { rivalriesInvolving } from "./data/panel/rivalries.ts";
export { statesInSystem } from "./data/panel/states-in-system.ts";
export { activeUserPanel, userPanelRoot } from "./data/panel/user-panel.ts";
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
// The operation registry: declare, list and run operations; types of every result for API clients
export type { ApiParams, ApiResult, OperationName } from "./ops/api-types.ts";
export type { LoadedScenario, OpContext, Progress } from "./ops/context.ts";
export { defineOperation, functionName, type Operation } from "./ops/define.ts";
export { OpError, UsageError } from "./ops/errors.ts";
export { type LibraryOptions, libraryFunction } from "./ops/library.ts";
export { LocalContext, type LocalOptions } from "./ops/local-context.ts";
export { p as param } from "./ops/params.ts";
export { OPERATIONS, operation } from "./ops/registry.ts";
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
export { dyads as queryDyads, dyadsSql } from "./store/duckdb/dyads.ts";
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
