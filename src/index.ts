// ANA's library entry point: named exports grouped by theme.

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
export { isMajorPower, majorPowers } from "./data/panel/major-powers.ts";
export { haversineKm, statesNearby } from "./data/panel/nearby.ts";
export { regionalPowers } from "./data/panel/regional-powers.ts";
export { rivalriesInvolving } from "./data/panel/rivalries.ts";
export { statesInSystem } from "./data/panel/states-in-system.ts";
export { formatProblem, type Problem, ValidationError } from "./data/problem.ts";
export { type EventQuery, queryEvents } from "./data/query-events.ts";
export { builtinScenarios, resolveScenarioDir } from "./data/scenario-registry.ts";
// World model: records and their schemas
export * from "./model/index.ts";
// Server
export { createApp } from "./server/app.ts";
// Store: the embedded DuckDB database
export { defaultStorePath } from "./store/default-path.ts";
export { putScenario } from "./store/put-scenario.ts";
export { Store } from "./store/store.ts";
