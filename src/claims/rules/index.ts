import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";
import * as change from "./change.ts";
import * as membershipFrom from "./membership-from.ts";
import * as peerPercentile from "./peer-percentile.ts";
import * as signCount from "./sign-count.ts";
import * as topShare from "./top-share.ts";

type Runner = (spec: ClaimSpec, ctx: ClaimContext) => Promise<RuleOutcome>;

/** Each rule kind's evaluator, by kind. */
export const RULES: Record<ClaimSpec["rule"]["kind"], Runner> = {
  "membership-from": membershipFrom.run as Runner,
  change: change.run as Runner,
  "top-share": topShare.run as Runner,
  "sign-count": signCount.run as Runner,
  "peer-percentile": peerPercentile.run as Runner,
};
