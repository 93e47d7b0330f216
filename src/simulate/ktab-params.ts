/**
 * The nine KTAB model parameters (KAPSARC Toolkit for Behavioral Analysis, MIT licence) with their
 * names exactly as KTAB's XML schema spells them, and KTAB's defaults (`smp.h`, `kmodel.h`).
 */
export const VOTING_RULES = ["Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"] as const;
export const VP_MODELS = ["Linear", "Square", "Quartic", "Octic", "Binary"] as const;
export const PCE_MODELS = ["Conditional", "MarkovIncentive", "MarkovUniform"] as const;
export const STATE_TRANSITIONS = ["Deterministic", "Stochastic"] as const;
export const BIG_R_RANGES = ["Min", "Mid", "Max"] as const;
export const BIG_R_ADJUSTS = ["None", "OneThird", "Half", "TwoThirds", "Full"] as const;
export const THIRD_PARTY_COMMITS = ["NoCommit", "SemiCommit", "FullCommit"] as const;
export const INTER_VEC_BARGAINS = ["S1P1", "S2P2", "S2PMax"] as const;
export const BARGAIN_MODELS = ["InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"] as const;

export type VotingRule = (typeof VOTING_RULES)[number];
export type VPModel = (typeof VP_MODELS)[number];
export type PCEModel = (typeof PCE_MODELS)[number];
export type StateTransitions = (typeof STATE_TRANSITIONS)[number];
export type BigRRange = (typeof BIG_R_RANGES)[number];
export type BigRAdjust = (typeof BIG_R_ADJUSTS)[number];
export type ThirdPartyCommit = (typeof THIRD_PARTY_COMMITS)[number];
export type InterVecBrgn = (typeof INTER_VEC_BARGAINS)[number];
export type BargnModel = (typeof BARGAIN_MODELS)[number];

export interface SmpParams {
  VictoryProbModel: VPModel;
  VotingRule: VotingRule;
  PCEModel: PCEModel;
  StateTransitions: StateTransitions;
  BigRRange: BigRRange;
  BigRAdjust: BigRAdjust;
  ThirdPartyCommit: ThirdPartyCommit;
  InterVecBrgn: InterVecBrgn;
  BargnModel: BargnModel;
}

/** KTAB's defaults (identical in `smp.h`, `kmodel.h` and the reference runs' headers). */
export const SMP_DEFAULTS: Readonly<SmpParams> = Object.freeze({
  VictoryProbModel: "Linear",
  VotingRule: "Prop",
  PCEModel: "Conditional",
  StateTransitions: "Deterministic",
  BigRRange: "Mid",
  BigRAdjust: "OneThird",
  ThirdPartyCommit: "SemiCommit",
  InterVecBrgn: "S2P2",
  BargnModel: "InitOnlyInterp",
});

/** The allowed names of each parameter, for validation and for sensitivity sweeps. */
export const SMP_PARAM_VALUES: { readonly [K in keyof SmpParams]: readonly SmpParams[K][] } = {
  VictoryProbModel: VP_MODELS,
  VotingRule: VOTING_RULES,
  PCEModel: PCE_MODELS,
  StateTransitions: STATE_TRANSITIONS,
  BigRRange: BIG_R_RANGES,
  BigRAdjust: BIG_R_ADJUSTS,
  ThirdPartyCommit: THIRD_PARTY_COMMITS,
  InterVecBrgn: INTER_VEC_BARGAINS,
  BargnModel: BARGAIN_MODELS,
};

/** KTAB's stopping rule constants (`SMPModel::configExec`). */
export const SMP_STOP = Object.freeze({
  minIter: 2,
  maxIter: 100,
  minDeltaRatio: 0.02,
  minSigDelta: 1e-4,
});

/** KTAB's default PRNG seed (`KBase::dSeed` = 0xD67CC16FE69C185C). */
export const KTAB_DEFAULT_SEED = 0xd67cc16fe69c185cn;

/** Validate a parameter value by name; returns an error message or null. */
export function checkParam(name: string, value: string): string | null {
  const allowed = (SMP_PARAM_VALUES as Record<string, readonly string[]>)[name];
  if (!allowed)
    return `unknown KTAB model parameter "${name}" (known: ${Object.keys(SMP_PARAM_VALUES).join(", ")})`;
  if (!allowed.includes(value))
    return `${name} must be one of ${allowed.join(", ")}, not "${value}"`;
  return null;
}
