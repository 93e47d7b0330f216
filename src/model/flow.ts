import { z } from "zod";
import { actorCode, source } from "./source.ts";

export const FLOW_DOMAINS = ["trade-export", "trade-import", "arms", "gas", "oil", "fdi"] as const;
export type FlowDomain = (typeof FLOW_DOMAINS)[number];

/**
 * A yearly flow from one actor to another. Exports and gas go focal → partner; imports, arms and
 * FDI go partner → focal. `period` says when a figure covers less than a calendar year.
 */
export const Flow = z.object({
  year: z.number().int().min(1900).max(2100),
  domain: z.enum(FLOW_DOMAINS),
  from: actorCode,
  to: actorCode,
  value: z.number().nonnegative(),
  /** e.g. "bcm", "USD million", "TIV million", "Mt". */
  unit: z.string().min(1),
  /** "full year" unless stated (e.g. "Jan-Sep"). */
  period: z.string().default("full year"),
  source,
  notes: z.string().optional(),
});
export type Flow = z.infer<typeof Flow>;
