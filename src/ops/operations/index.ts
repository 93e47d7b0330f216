// Every operation declaration, by its library name (src/ops/registry.ts lists them in order).
export { alignment } from "./alignment.ts";
export { alliances } from "./alliances.ts";
export { claims } from "./claims.ts";
export { dependence } from "./dependence.ts";
export { hedging } from "./hedging.ts";
export { idealpoints } from "./idealpoints.ts";
export { multilateralism } from "./multilateralism.ts";
export { relations } from "./relations.ts";
export { scorecard } from "./scorecard.ts";
