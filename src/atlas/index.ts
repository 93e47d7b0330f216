// The Atlas of multi-alignment: components, composite index, ranks (docs/measures/atlas.md).
export { atlas, atlasFormula, atlasOptions } from "./atlas.ts";
export { composite } from "./composite.ts";
export { ATLAS_COMPONENTS, ATLAS_DEFAULTS, type AtlasComponentKey } from "./defaults.ts";
export {
  COENGAGEMENT_FORMULA,
  coengagement,
  EVENNESS_FORMULA,
  type EvennessMode,
  evenness,
} from "./evenness.ts";
export { checkPoles, defaultPoles, formatPoles, parsePoles } from "./poles.ts";
export { rankIntervals, ranks } from "./rank.ts";
export type {
  AtlasComponentInfo,
  AtlasComponentValue,
  AtlasOptions,
  AtlasResult,
  AtlasRow,
  Poles,
} from "./types.ts";
export { atlasUniverse } from "./universe.ts";
