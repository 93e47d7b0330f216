// Compile-time check (run by `tsc`, not by the test runner): what the registry's operations return
// fits the answer types the dashboard reads (web/src/types.ts, hand-copied until they are derived
// from the registry). A server change that breaks the web's reading fails the type check here.
import type {
  alignment,
  claims,
  dependence,
  relations,
  scorecard,
} from "../../src/ops/operations/index.ts";
import type { ClaimsJson, DependenceRowJson, ScorecardJson } from "../../web/src/types.ts";

/** What an operation's `run` resolves to. */
type ResultOf<O> = O extends { run(...args: never[]): Promise<infer R> } ? R : never;
/** True only when the server's type is known (not never/any) and fits the web's. */
type Fits<Server, Web> = [Server] extends [never]
  ? false
  : 0 extends 1 & Server
    ? false
    : [Server] extends [Web]
      ? true
      : false;
type Assert<T extends true> = T;

export type ScorecardFits = Assert<Fits<ResultOf<typeof scorecard>, ScorecardJson>>;
export type ClaimsFits = Assert<Fits<ResultOf<typeof claims>, ClaimsJson>>;
export type DependenceFits = Assert<
  Fits<ResultOf<typeof dependence>, { rows: DependenceRowJson[] }>
>;
export type AlignmentFits = Assert<Fits<ResultOf<typeof alignment>, { rows: object[] }>>;
export type RelationsFits = Assert<Fits<ResultOf<typeof relations>, { rows: object[] }>>;
