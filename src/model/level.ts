import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

/** The three levels at which a focal state conducts its policy (seed: neighbourhood, regional, systemic). */
export const LEVELS = ["neighbourhood", "regional", "systemic"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * A partner's level for a focal state. Levels come from a rule (contiguity → neighbourhood,
 * great power → systemic, same region → regional) and a scenario may override them; a partner
 * may sit at two levels (Russia is both a neighbour and a great power for Azerbaijan).
 */
export const LevelAssignment = z.object({
  focal: actorCode,
  partner: actorCode,
  level: z.enum(LEVELS),
  from: partialDate.optional(),
  to: partialDate.optional(),
  /** "rule" when derived from the panel, "override" when set by the scenario. */
  basis: z.enum(["rule", "override"]).default("override"),
  source,
  notes: z.string().optional(),
});
export type LevelAssignment = z.infer<typeof LevelAssignment>;
