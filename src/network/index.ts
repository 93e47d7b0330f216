// The `ana/network` entry point. Network: signed graphs, structural balance, blocs and brokerage.
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { type BalanceResult, balanceReport } from "./balance-report.ts";
export { betweenness } from "./betweenness.ts";
export { type BrokerageResult, brokerageReport } from "./brokerage-report.ts";
export { brokerageRoles } from "./brokerage-roles.ts";
export { type FrustrationResult, frustrationIndex } from "./frustration-index.ts";
export { kBalance } from "./k-balance.ts";
export { networkView } from "./network-view.ts";
export { readEdgeList } from "./read-edge-list.ts";
export { scenarioGraph } from "./scenario-graph.ts";
export { buildSignedGraph, type SignedGraph } from "./signed-graph.ts";
export { structuralHoles } from "./structural-holes.ts";
export { triadCensus, triangleIndex } from "./triad-census.ts";
export { walkIndex } from "./walk-index.ts";
