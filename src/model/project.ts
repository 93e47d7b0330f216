import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

export const PROJECT_STATUSES = [
  "proposed",
  "planned",
  "under-construction",
  "operational",
  "suspended",
  "cancelled",
] as const;

/** A corridor, railway or pipeline: a route through a sequence of countries. */
export const Project = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  name: z.string().min(1),
  kind: z.enum(["corridor", "pipeline", "railway", "road", "port"]),
  /** Countries the route passes, in order (ISO3). */
  route: z.array(actorCode).min(1),
  /** Named segments or links, in order, when known (e.g. "SCP;TANAP;TAP"). */
  links: z
    .array(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        message: "link ids: letters, digits, '.', '_' and '-'",
      }),
    )
    .default([]),
  capacity: z.number().nonnegative().optional(),
  capacityUnit: z.string().optional(),
  status: z.enum(PROJECT_STATUSES),
  from: partialDate.optional(),
  to: partialDate.optional(),
  source,
  notes: z.string().optional(),
});
export type Project = z.infer<typeof Project>;
