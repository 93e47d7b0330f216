// `ana/corridor`: transport and gas corridors: routes, disruption, leverage
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./assign.ts";
export * from "./assumption-driven.ts";
export * from "./backtest.ts";
export * from "./calibrate.ts";
export * from "./compare.ts";
export * from "./corridor-leverage.ts";
export * from "./disrupt.ts";
export * from "./flow-uncertainty.ts";
export * from "./leverage.ts";
export * from "./leverage-uncertainty.ts";
export * from "./load-network.ts";
export * from "./logit.ts";
export * from "./observations.ts";
export * from "./problem.ts";
export * from "./prorata.ts";
export * from "./route-flows.ts";
export * from "./run-in-worker.ts";
export * from "./schema.ts";
export * from "./shapley.ts";
export * from "./share-text.ts";
export * from "./simplex.ts";
export * from "./split-sources.ts";
export * from "./worker.ts";
export * from "./year-view.ts";
