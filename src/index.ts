// ANA's library entry point: named exports grouped by theme.

// Data: scenario folders, CSV reading, validation problems
export { parseCsv } from "./data/csv.ts";
export { loadScenario, readScenario } from "./data/load-scenario.ts";
export { formatProblem, type Problem, ValidationError } from "./data/problem.ts";
export { type EventQuery, queryEvents } from "./data/query-events.ts";
export { builtinScenarios, resolveScenarioDir } from "./data/scenario-registry.ts";
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
// Server
export { createApp } from "./server/app.ts";
// Store: the embedded DuckDB database
export { defaultStorePath } from "./store/default-path.ts";
export { putScenario } from "./store/put-scenario.ts";
export { Store } from "./store/store.ts";
