// `ana/measure`: the measures, each a function (data, options)
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./alignment.ts";
export * from "./alliance-similarity.ts";
export * from "./claims.ts";
export * from "./concentration.ts";
export * from "./corridor-hook.ts";
export * from "./dependence.ts";
export * from "./event-scales.ts";
export * from "./hedging.ts";
export * from "./ideal-points.ts";
export * from "./imported-evidence.ts";
export * from "./multilateralism.ts";
export * from "./panel.ts";
export * from "./poles.ts";
export * from "./power-gap.ts";
export * from "./relations.ts";
export * from "./scorecard.ts";
export * from "./similarity.ts";
