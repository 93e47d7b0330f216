import type { Context } from "hono";
import { z } from "zod";
import { HttpError } from "./context.ts";

/** Validate a request's query string against a schema; a 400 names every bad parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const raw = c.req.query();
  const r = schema.safeParse(raw);
  if (!r.success) {
    const msg = r.error.issues
      .map((i) => `${i.path.join(".") || "query"}: ${i.message}`)
      .join("; ");
    throw new HttpError(400, msg);
  }
  return r.data;
}

/** Common query-string pieces. */
export const q = {
  code: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{1,11}$/, "an actor code such as AZE")
    .transform((s) => s.toUpperCase()),
  codes: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9_,]+$/, "comma-separated actor codes such as RUS,USA")
    .transform((s) =>
      s
        .split(",")
        .filter(Boolean)
        .map((x) => x.toUpperCase()),
    ),
  year: z
    .string()
    .regex(/^\d{4}$/, "a year such as 2015")
    .transform(Number)
    .pipe(z.number().min(1800).max(2100)),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date YYYY, YYYY-MM or YYYY-MM-DD"),
  scenario: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "a shipped scenario id such as azerbaijan"),
};
