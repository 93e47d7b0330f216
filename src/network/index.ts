// `ana/network`: signed networks, structural balance, brokerage
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./balance-report.ts";
export * from "./betweenness.ts";
export * from "./biconnected-blocks.ts";
export * from "./brokerage-report.ts";
export * from "./brokerage-roles.ts";
export * from "./cycle-packing-bound.ts";
export * from "./frustration-exhaustive.ts";
export * from "./frustration-heuristic.ts";
export * from "./frustration-index.ts";
export * from "./frustration-model.ts";
export * from "./k-balance.ts";
export * from "./kernelize.ts";
export * from "./mip-model.ts";
export * from "./network-view.ts";
export * from "./random.ts";
export * from "./read-blocs.ts";
export * from "./read-edge-list.ts";
export * from "./scenario-graph.ts";
export * from "./signed-graph.ts";
export * from "./solve-mip.ts";
export * from "./structural-holes.ts";
export * from "./symmetric-eigenvalues.ts";
export * from "./triad-census.ts";
export * from "./triangles.ts";
export * from "./walk-index.ts";
