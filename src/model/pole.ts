import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

/**
 * One actor's place in a pole: a named group of actors that acts as one side of a rivalry
 * ("Russia", "West", "China", "Gulf"...). A pole is the set of its member rows at a date.
 */
export const PoleMember = z.object({
  pole: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
    message: "not a pole id: letters, digits, - and _ only (e.g. West, Central-Asia)",
  }),
  name: z.string().min(1),
  actor: actorCode,
  from: partialDate.optional(),
  to: partialDate.optional(),
  source,
  notes: z.string().optional(),
});
export type PoleMember = z.infer<typeof PoleMember>;

/** A pole with its members, as assembled from `PoleMember` rows. */
export interface Pole {
  id: string;
  name: string;
  members: PoleMember[];
}
