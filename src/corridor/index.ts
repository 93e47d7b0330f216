// The `ana/corridor` entry point. Corridors: route network, comparison, disruption, leverage.
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { compareRoutes } from "./compare.ts";
export { type CorridorLeverage, corridorLeverage } from "./corridor-leverage.ts";
export { disrupt } from "./disrupt.ts";
export { type LeverageRow, yearLeverage } from "./leverage.ts";
export { EURASIA_DIR, loadNetwork, type Network, readNetwork } from "./load-network.ts";
export { shapleyExact } from "./shapley.ts";
