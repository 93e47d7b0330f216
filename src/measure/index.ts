// The `ana/measure` entry point: the measures.
// Minimal placeholder (build branch): src/index.ts exports no measure yet; these are the measure
// functions as they are today (their calling conventions differ; the operation registry unifies them).
export { alignment } from "./alignment.ts";
export { dependence } from "./dependence.ts";
export { hedging } from "./hedging.ts";
export { multilateralism } from "./multilateralism.ts";
export { relationScoreAt, relations } from "./relations.ts";
export { scorecard } from "./scorecard.ts";
