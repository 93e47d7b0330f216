import { z } from "zod";
import { partialDate } from "./partial-date.ts";
import { source } from "./source.ts";

/** A rivalry between two poles or two actors (sides are pole ids or actor codes). */
export const Rivalry = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  from: partialDate.optional(),
  to: partialDate.optional(),
  source,
  notes: z.string().optional(),
});
export type Rivalry = z.infer<typeof Rivalry>;
