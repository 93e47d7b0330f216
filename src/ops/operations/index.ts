// Every operation declaration, by its library name (src/ops/registry.ts lists them in order).

export { actors } from "./actors.ts";
export { alignment } from "./alignment.ts";
export { alliances } from "./alliances.ts";
export { balance } from "./balance.ts";
export { bargain } from "./bargain.ts";
export { brokerage } from "./brokerage.ts";
export { claims } from "./claims.ts";
export { corridorsCompare } from "./corridors-compare.ts";
export { corridorsDisrupt } from "./corridors-disrupt.ts";
export { corridorsLeverage } from "./corridors-leverage.ts";
export { corridorsNetwork } from "./corridors-network.ts";
export { dataStats } from "./data-stats.ts";
export { dependence } from "./dependence.ts";
export { dyads } from "./dyads.ts";
export { events } from "./events.ts";
export { hedging } from "./hedging.ts";
export { idealpoints } from "./idealpoints.ts";
export { landscape } from "./landscape.ts";
export { levels } from "./levels.ts";
export { multilateralism } from "./multilateralism.ts";
export { network } from "./network.ts";
export { relations } from "./relations.ts";
export { scorecard } from "./scorecard.ts";
export { simulateDoctrine } from "./simulate-doctrine.ts";
export { sources } from "./sources.ts";
export { whatif } from "./whatif.ts";
