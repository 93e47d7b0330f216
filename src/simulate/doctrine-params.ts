/**
 * Parameters of the doctrine simulator (an ANA proposal composed from published pieces; see
 * docs/models.md). The defaults are modelling assumptions, not calibrated estimates; `--params`
 * overrides any of them.
 */
import { z } from "zod";

export const DOCTRINES = [
  "bandwagoning",
  "balancing",
  "passive-non-alignment",
  "active-non-alignment",
] as const;
export type Doctrine = (typeof DOCTRINES)[number];

export const PoleParams = z.object({
  id: z.string(),
  name: z.string(),
  /** Relative capability (Morrow's security term). */
  capability: z.number().positive(),
  /** Annual benefit of full engagement (B_g). */
  benefit: z.number().nonnegative(),
  /** Threat the pole poses to the focal state, 0–1. */
  threat: z.number().min(0).max(1),
  /** Measured engagement share (from the scenario's flows), used as ANA's prior. */
  engagement: z.number().min(0).max(1),
  /** Annual probability of a partner-specific shock (sanctions, war spill-over, price collapse…). */
  shockRate: z.number().min(0).max(1),
  /** Mean loss of a shock per unit of engagement. */
  shockSize: z.number().nonnegative(),
  /** Base annual probability that this pole defects from the focal state (abandonment). */
  defectRate: z.number().min(0).max(1),
});
export type PoleParams = z.infer<typeof PoleParams>;

export const DoctrineParams = z.object({
  poles: z.array(PoleParams).min(2),
  /** Pairs of rival poles (indices into poles). */
  rivals: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Initial rivalry intensity ρ0 ∈ [0,1]. */
  rivalry0: z.number().min(0).max(1).default(0.5),
  /** Yearly random-walk step of ρ (standard deviation). */
  rivalrySigma: z.number().min(0).default(0.08),
  /** Yearly probability of a rivalry jump, and its size. */
  rivalryJumpRate: z.number().min(0).max(1).default(0.1),
  rivalryJump: z.number().min(0).max(1).default(0.2),
  /** Diminishing returns of engagement, B_g a_g^θ. */
  theta: z.number().gt(0).lte(1).default(0.7),
  /** Weight of security vs autonomy (Morrow 1991). */
  alpha: z.number().min(0).max(1).default(0.5),
  /** Weight of the pivot (bridge/corridor) term and the corridor rent. */
  beta: z.number().min(0).default(0.5),
  corridorRent: z.number().min(0).default(1),
  /** Entrapment and abandonment weights (Snyder 1984). */
  lambdaE: z.number().min(0).default(0.5),
  lambdaA: z.number().min(0).default(0.5),
  /** Loss when a coercion or an abandonment event happens. */
  coercionLoss: z.number().min(0).default(0.5),
  abandonmentLoss: z.number().min(0).default(1),
  /** Base coercion rate per year and unit of pressure. */
  coercionRate: z.number().min(0).max(1).default(0.3),
  /** How much pivot value deters coercion ("accommodating high-value hedgers"). */
  pivotProtection: z.number().min(0).max(1).default(0.5),
  /** How much great powers raise benefits for a valuable hedger (γ). */
  accommodation: z.number().min(0).default(0.3),
  /** Share of the multilateral vector for ANA and passive non-alignment. */
  multilateralActive: z.number().min(0).max(1).default(0.15),
  multilateralPassive: z.number().min(0).max(1).default(0.4),
  /** Benefit and pivot factors of passive non-alignment (low engagement, no pivot investment). */
  passiveBenefit: z.number().min(0).max(1).default(0.5),
  passivePivot: z.number().min(0).max(1).default(0),
  /** Concentration of bandwagoning and balancing on their patron. */
  concentration: z.number().min(0).max(1).default(0.8),
  /** Annual cost of internal balancing (arms, mobilisation). */
  balancingCost: z.number().min(0).default(0.1),
  /** ANA: concentration cap HHI ≤ h*, corridor investment (raises pivot) and its cost. */
  hhiCap: z.number().gt(0).lte(1).default(0.3),
  corridorInvestment: z.number().min(0).default(0.5),
  corridorCost: z.number().min(0).default(0.05),
  /** Memory of shocks used by ANA's adaptive reweighting (share kept per year). */
  shockMemory: z.number().min(0).max(1).default(0.5),
  /** Tail share for CVaR. */
  cvarAlpha: z.number().gt(0).lte(0.5).default(0.05),
});
export type DoctrineParams = z.infer<typeof DoctrineParams>;
export type DoctrineParamsInput = z.input<typeof DoctrineParams>;
