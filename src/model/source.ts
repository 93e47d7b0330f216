import { z } from "zod";

/**
 * Where a fact comes from: a URL, or a dataset citation such as
 * "SIPRI Arms Transfers Database (TIV), via 360info". Every record in ANA carries one.
 */
export const source = z
  .string()
  .trim()
  .min(3, { message: "missing source: give the URL or dataset citation this fact comes from" });

/** Actor and organisation codes: ISO3 for states (AZE), short upper-case codes for organisations (EU, OTS). */
export const actorCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/, {
  message: "not an actor code: use ISO3 for a state (AZE) or an upper-case organisation code (EU)",
});
