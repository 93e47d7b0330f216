import { schema as change } from "./change.ts";
import { schema as membershipFrom } from "./membership-from.ts";
import { schema as peerPercentile } from "./peer-percentile.ts";
import { schema as signCount } from "./sign-count.ts";
import { schema as topShare } from "./top-share.ts";

/** The rule kinds a claims file may use (one file each in src/claims/rules/). */
export const RULE_SCHEMAS = [membershipFrom, change, topShare, signCount, peerPercentile] as const;
