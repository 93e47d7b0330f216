import { z } from "zod";
import { actorCode, source } from "./source.ts";

/**
 * A state, an international organisation, or a group used only as a flow partner where sources
 * report an aggregate (e.g. "Europe" for gas sold to several European buyers).
 */
export const Actor = z.object({
  /** ISO3 for a state (AZE), the organisation code for an organisation (OTS). */
  id: actorCode,
  kind: z.enum(["state", "organisation", "group"]),
  name: z.string().min(1),
  /** Correlates of War state code, for joining the reference panel. */
  cow: z.number().int().positive().optional(),
  source,
  notes: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;
