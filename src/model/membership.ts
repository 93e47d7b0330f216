import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

/** Statuses an actor can hold in an organisation. Partner statuses are not full membership. */
export const MEMBERSHIP_STATUSES = [
  "member",
  "founding-member",
  "associate",
  "observer",
  "dialogue-partner",
  "partner",
  "candidate",
  "suspended",
] as const;

/** An actor's status in an organisation over a period (`to` empty while it lasts). */
export const Membership = z.object({
  actor: actorCode,
  organisation: actorCode,
  status: z.enum(MEMBERSHIP_STATUSES),
  from: partialDate,
  to: partialDate.optional(),
  source,
  notes: z.string().optional(),
});
export type Membership = z.infer<typeof Membership>;
