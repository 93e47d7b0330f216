import { z } from "zod";
import { LEVELS } from "./level.ts";
import { partialDate } from "./partial-date.ts";
import { actorCode, source } from "./source.ts";

export const EVENT_DOMAINS = [
  "diplomatic",
  "institution",
  "energy",
  "security",
  "peace",
  "conflict",
  "transport",
  "trade",
  "humanitarian",
] as const;

/** A dated, CAMEO-coded event with its Goldstein weight. */
export const Event = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: "not an id: letters, digits, '.', '_' and '-' only",
  }),
  /** Partial date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Its precision is the string's. */
  date: partialDate,
  /** Optional in files; when given it must match the precision of `date`. */
  datePrecision: z.enum(["day", "month", "year"]).optional(),
  actors: z.array(actorCode).min(1),
  /** Blank for joint or mutual acts. */
  initiator: actorCode.optional(),
  target: z.array(actorCode).default([]),
  title: z.string().min(1),
  domain: z.enum(EVENT_DOMAINS),
  /** Two-digit CAMEO root code, "01"…"20". */
  cameoRoot: z.string().regex(/^(0[1-9]|1[0-9]|20)$/, {
    message: "not a CAMEO root: two digits 01 to 20",
  }),
  /** Full CAMEO code (3 or 4 digits) when known. */
  cameoCode: z
    .string()
    .regex(/^\d{3,4}$/)
    .optional(),
  /** Goldstein (1992) conflict–cooperation weight, −10 … +10. */
  goldstein: z.number().min(-10).max(10),
  level: z.enum(LEVELS).optional(),
  source,
  sourceTitle: z.string().optional(),
  notes: z.string().optional(),
});
export type Event = z.infer<typeof Event>;
