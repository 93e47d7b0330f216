// Compile-time check (run by `tsc`, not by the test runner): what the registry's operations answer
// (src/ops/api-types.ts, derived from the declarations) fits the answer types the dashboard reads
// (web/src/types.ts). A server change that breaks the web's reading fails the type check here.
import type { ApiResult } from "../../src/ops/api-types.ts";
import type {
  AtlasCompareJson,
  AtlasJson,
  ClaimsJson,
  ScorecardJson,
} from "../../web/src/types.ts";

/** True only when the server's type is known (not never/any) and fits the web's. */
type Fits<Server, Web> = [Server] extends [never]
  ? false
  : 0 extends 1 & Server
    ? false
    : [Server] extends [Web]
      ? true
      : false;
type Assert<T extends true> = T;

export type ScorecardFits = Assert<Fits<ApiResult<"scorecard">, ScorecardJson>>;
export type ClaimsFits = Assert<Fits<ApiResult<"claims">, ClaimsJson>>;
export type AlignmentFits = Assert<Fits<ApiResult<"alignment">, { rows: object[] }>>;
export type RelationsFits = Assert<Fits<ApiResult<"relations">, { rows: object[] }>>;
export type AtlasFits = Assert<Fits<ApiResult<"atlas">, AtlasJson>>;
export type AtlasCompareFits = Assert<Fits<ApiResult<"atlasCompare">, AtlasCompareJson>>;
