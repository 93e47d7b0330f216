import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

export const TIE_DOMAINS = [
  "alliance",
  "strategic-partnership",
  "rivalry",
  "conflict",
  "diplomatic",
  "economic",
  "energy",
  "security",
  "transport",
] as const;

/** A standing relation between two actors: positive (partnership) or negative (hostility). */
export const Tie = z.object({
  a: actorCode,
  b: actorCode,
  domain: z.enum(TIE_DOMAINS),
  sign: z.union([z.literal(1), z.literal(-1)]),
  /** Strength in (0, 1]; 1 when not graded. */
  strength: z.number().gt(0).lte(1).default(1),
  from: partialDate.optional(),
  to: partialDate.optional(),
  source,
  notes: z.string().optional(),
});
export type Tie = z.infer<typeof Tie>;
