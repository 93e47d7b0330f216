import { z } from "zod";
import { MEMBERSHIP_STATUSES } from "../../model/membership.ts";
import { coversYear, dateYear } from "../../model/partial-date.ts";
import { fmtRange, yearRange } from "../periods.ts";
import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";

/** Statuses that make a state a full member (observers, partners, candidates are not). */
export const FULL_STATUSES = ["member", "founding-member"] as const;

export const schema = z
  .object({
    kind: z.literal("membership-from"),
    organisation: z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/),
    /** Statuses that count for the claim. */
    statuses: z.array(z.enum(MEMBERSHIP_STATUSES)).min(1),
    /** "starts": a matching status begins in the period `at`; "holds": it is held at some time in `at`. */
    match: z.enum(["starts", "holds"]),
    /** What the claim says that this rule does not test: caps the verdict at "partly supported". */
    untested: z.string().optional(),
  })
  .strict();
export type MembershipFromRule = z.infer<typeof schema>;

/** Membership claims: does the scenario's memberships.csv show the status in the period? */
export async function run(
  spec: ClaimSpec & { rule: MembershipFromRule },
  ctx: ClaimContext,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const at = spec.periods.at;
  if (typeof at !== "string") throw new Error(`${spec.id}: membership-from needs periods.at`);
  const [y0, y1] = yearRange(at);
  const s = ctx.scenario;
  const rows = s.memberships.filter(
    (m) => m.actor === ctx.focal && m.organisation === r.organisation,
  );
  const matching = rows.filter((m) => (r.statuses as string[]).includes(m.status));
  const hit = matching.filter((m) =>
    r.match === "starts"
      ? dateYear(m.from) >= y0 && dateYear(m.from) <= y1
      : Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i).some((y) =>
          coversYear(m.from, m.to, y),
        ),
  );
  const full = (y: number) =>
    s.memberships
      .filter(
        (m) =>
          m.organisation === r.organisation &&
          (FULL_STATUSES as readonly string[]).includes(m.status) &&
          coversYear(m.from, m.to, y),
      )
      .map((m) => m.actor);
  const others = (y: number) =>
    s.memberships
      .filter(
        (m) =>
          m.organisation === r.organisation &&
          !(FULL_STATUSES as readonly string[]).includes(m.status) &&
          coversYear(m.from, m.to, y),
      )
      .map((m) => `${m.actor} (${m.status})`);
  const listed = rows.length
    ? rows.map((m) => `${m.status} from ${m.from}${m.to ? ` to ${m.to}` : ""}`).join("; ")
    : "no row";
  const orgLine =
    `${r.organisation} full members ${y1} in the scenario: ${full(y1).join(", ") || "none"}` +
    (others(y1).length ? `; not members: ${others(y1).join(", ")}` : "");
  const verdict =
    hit.length === 0 ? "not supported" : r.untested ? "partly supported" : "supported";
  return {
    verdict,
    value: null,
    interval: null,
    intervalNote: "a dated membership record: no number to bound",
    finding: `memberships.csv: ${ctx.focal} in ${r.organisation}: ${listed}. ${orgLine}.${r.untested ? ` Not tested by this rule: ${r.untested}` : ""}`,
    inputs: {
      used: matching.map(
        (m) => `memberships.csv ${m.actor} ${m.organisation} ${m.status} ${m.from}`,
      ),
      dropped: [],
    },
    sources: [...new Set(rows.map((m) => m.source))],
    ruleText: `supported if ${ctx.focal} ${r.match === "starts" ? "becomes" : "is"} ${r.statuses.join(" or ")} of ${r.organisation} ${r.match === "starts" ? "in" : "at some time in"} ${fmtRange([y0, y1])}${r.untested ? "; at most partly supported, since part of the claim is not tested" : ""}`,
  };
}
