import type { z } from "zod";
import { type Zod, zod } from "./zod.ts";

/**
 * Parameter builders for operations. Each parameter is one zod schema that accepts both what a
 * command line or a query string gives (strings: "2015", "RUS,USA", "true") and what a library
 * caller passes (2015, ["RUS", "USA"], true), plus what the CLI, the API docs and the help need:
 * its kind, argument name and help text. `defineOperation` turns a record of them into one zod
 * object, so validation is written once for every surface.
 */
export type ParamKind =
  | "code"
  | "codes"
  | "year"
  | "date"
  | "enum"
  | "enums"
  | "flag"
  | "number"
  | "string"
  | "weights"
  | "scenario";

export interface ParamSpec {
  kind: ParamKind;
  /**
   * Builds the zod schema of a present value (no optional/default applied) from the zod namespace
   * (loaded on first use: see ./zod.ts).
   */
  schema: (z: Zod) => z.ZodType;
  help: string;
  /** Argument name in usage lines, e.g. `<ISO3,...>`. */
  arg: string;
  /** Allowed values of an enum. */
  values?: readonly string[];
  required: boolean;
  /** A fixed default (a value of the parsed type). */
  default?: unknown;
  /** A default computed at run time, said in words ("the scenario's window"). */
  defaultNote?: string;
  /** Not a query parameter of the HTTP route (e.g. a local file path). */
  localOnly?: boolean;
  /** Required in the API and the library, but the command line fills this in when left out. */
  cliDefault?: string;
}

/** A parameter: `Out` is the parsed type, `In` what a library caller may pass. */
export class Param<Out, In, Req extends boolean> {
  declare readonly _out: Out;
  declare readonly _in: In;
  declare readonly _req: Req;
  constructor(readonly spec: ParamSpec) {}

  /** May be left out (the operation then decides, e.g. the scenario's window; say how in `note`). */
  optional(note?: string): Param<Out | undefined, In, false> {
    return new Param({ ...this.spec, required: false, defaultNote: note });
  }

  /** Left out means `value`. */
  default(value: Out): Param<Out, In, false> {
    return new Param({ ...this.spec, required: false, default: value });
  }

  /**
   * Required in the API and the library; the command line fills in `value` when left out (kept
   * for commands whose option always had a default while the route required the parameter).
   */
  cliDefault(value: string): Param<Out, In, Req> {
    return new Param({ ...this.spec, cliDefault: value });
  }

  /** Only on the command line and in the library, never a query parameter (e.g. a file path). */
  local(): Param<Out, In, Req> {
    return new Param({ ...this.spec, localOnly: true });
  }

  private built?: z.ZodType;

  /** The schema with optional/default applied (zod must be loaded: see ./zod.ts). */
  get zod(): z.ZodType {
    if (this.built) return this.built;
    const s = this.spec;
    const base = s.schema(zod());
    this.built = s.required
      ? base
      : s.default !== undefined
        ? base.optional().transform((v) => v ?? s.default)
        : base.optional();
    return this.built;
  }
}

export type AnyParam = Param<unknown, unknown, boolean>;
export type ParamShape = Record<string, AnyParam>;

type RequiredKeys<P extends ParamShape> = {
  [K in keyof P]: P[K]["_req"] extends true ? K : never;
}[keyof P];
type OptionalKeys<P extends ParamShape> = Exclude<keyof P, RequiredKeys<P>>;

/** What a library caller passes for a parameter record. */
export type ParamsInput<P extends ParamShape> = { [K in RequiredKeys<P>]: P[K]["_in"] } & {
  [K in OptionalKeys<P>]?: P[K]["_in"];
};
/** The parsed parameters `run` receives. */
export type ParamsOutput<P extends ParamShape> = { [K in keyof P]: P[K]["_out"] };

const CODE = /^[A-Za-z][A-Za-z0-9_]{1,11}$/;

/** A number written in decimal (optionally with an exponent): `12`, `-0.5`, `1e3`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a day that exists (no 2025-02-30, no 2023-02-29). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return true; // other forms are the pattern's business
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

const mk = <Out, In>(spec: Omit<ParamSpec, "required">) =>
  new Param<Out, In, true>({ ...spec, required: true });

const shown = (v: unknown) =>
  typeof v === "string" ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : JSON.stringify(v);

function splitList(v: unknown): unknown {
  if (typeof v !== "string") return v;
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function truthy(v: unknown): unknown {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "1" || v === "") return true;
  if (v === "false" || v === "0") return false;
  return v;
}

/** The builders. */
export const p = {
  /** One actor code (upper-cased): ISO3 such as AZE, or a scenario code such as EU. */
  code(help: string, arg = "<ISO3>") {
    return mk<string, string>({
      kind: "code",
      help,
      arg,
      schema: (z) =>
        z
          .string({ error: (i) => `must be an actor code such as RUS, not ${shown(i.input)}` })
          .regex(CODE, { error: (i) => `must be an actor code such as RUS, not ${shown(i.input)}` })
          .transform((s) => s.toUpperCase()),
    });
  },
  /** A list of actor codes: `RUS,USA` or `["RUS","USA"]`. */
  codes(help: string, options: { max?: number; length?: number } = {}) {
    const max = options.max ?? 50;
    return mk<string[], string[] | string>({
      kind: "codes",
      help,
      arg: "<ISO3,...>",
      schema: (z) => {
        let list = z
          .array(
            z
              .string()
              .regex(CODE, {
                error: (i) => `"${String(i.input)}" is not an actor code (use ISO3 such as RUS)`,
              })
              .transform((s) => s.toUpperCase()),
          )
          .max(max, `must be at most ${max} codes`);
        if (options.length !== undefined)
          list = list.length(
            options.length,
            `must be exactly ${options.length} codes, e.g. RUS,USA`,
          );
        return z.preprocess(splitList, list);
      },
    });
  },
  /** A calendar year. */
  year(help: string) {
    return mk<number, number | string>({
      kind: "year",
      help,
      arg: "<year>",
      schema: (z) =>
        z.preprocess(
          (v) => (typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : v),
          z
            .number({ error: (i) => `must be a year such as 2015, not ${shown(i.input)}` })
            .int({ error: (i) => `must be a year such as 2015, not ${shown(i.input)}` })
            .min(1800, "must be a year from 1800")
            .max(2100, "must be a year until 2100"),
        ),
    });
  },
  /** A date YYYY, YYYY-MM or YYYY-MM-DD (or only the forms in `pattern`). */
  date(
    help: string,
    options: { pattern?: RegExp; forms?: string } = {},
  ): Param<string, string, true> {
    const pattern = options.pattern ?? /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
    const forms = options.forms ?? "YYYY, YYYY-MM or YYYY-MM-DD";
    return mk<string, string>({
      kind: "date",
      help,
      arg: "<date>",
      schema: (z) =>
        z.preprocess(
          (v) => (typeof v === "number" ? String(v) : v),
          z
            .string({ error: (i) => `must be a date ${forms}, not ${shown(i.input)}` })
            .regex(pattern, { error: (i) => `must be a date ${forms}, not ${shown(i.input)}` })
            .refine(isCalendarDate, {
              error: (i) => `must be a date on the calendar, not ${shown(i.input)}`,
            }),
        ),
    });
  },
  /** One of a fixed set of words. */
  enum<const T extends readonly [string, ...string[]]>(values: T, help: string) {
    const msg = (i: { input?: unknown }) =>
      `must be one of ${values.join(", ")}, not ${shown(i.input)}`;
    return mk<T[number], T[number]>({
      kind: "enum",
      help,
      arg: `<${values.join("|")}>`,
      values,
      schema: (z) => z.enum(values as unknown as [string, ...string[]], { error: msg }),
    });
  },
  /** A list of words from a fixed set: `a,b` or `["a","b"]`. */
  enums<const T extends readonly [string, ...string[]]>(values: T, help: string, arg = "<names>") {
    return mk<T[number][], T[number][] | string>({
      kind: "enums",
      help,
      arg,
      values,
      schema: (z) =>
        z.preprocess(
          splitList,
          z
            .array(
              z.enum(values as unknown as [string, ...string[]], {
                error: (i) => `"${String(i.input)}" is not one of ${values.join(", ")}`,
              }),
            )
            .max(values.length * 2),
        ),
    });
  },
  /** A switch: `--window` on the command line, `window=true` in a query. Default false. */
  flag(help: string) {
    return new Param<boolean, boolean, false>({
      kind: "flag",
      help,
      arg: "",
      required: false,
      default: false,
      schema: (z) =>
        z.preprocess(
          truthy,
          z.boolean({ error: (i) => `must be true or false, not ${shown(i.input)}` }),
        ),
    });
  },
  /** A number within bounds. */
  number(
    help: string,
    options: { min?: number; max?: number; int?: boolean; positive?: boolean; arg?: string } = {},
  ) {
    const what = options.int ? "a whole number" : "a number";
    return mk<number, number | string>({
      kind: "number",
      help,
      arg: options.arg ?? "<n>",
      schema: (z) => {
        let n = z.number({ error: (i) => `must be ${what}, not ${shown(i.input)}` });
        if (options.int) n = n.int({ error: (i) => `must be ${what}, not ${shown(i.input)}` });
        if (options.positive) n = n.positive("must be a positive number");
        if (options.min !== undefined) n = n.min(options.min, `must be at least ${options.min}`);
        if (options.max !== undefined) n = n.max(options.max, `must be at most ${options.max}`);
        // Decimal notation only: "" is not 0 and "0x10" is not 16.
        return z.preprocess((v) => (typeof v === "string" && DECIMAL.test(v) ? Number(v) : v), n);
      },
    });
  },
  /** Free text, bounded. */
  string(help: string, options: { max?: number; arg?: string; pattern?: RegExp } = {}) {
    return mk<string, string>({
      kind: "string",
      help,
      arg: options.arg ?? "<text>",
      schema: (z) => {
        const s = z.string().max(options.max ?? 1000);
        return options.pattern ? s.regex(options.pattern, `must match ${options.pattern}`) : s;
      },
    });
  },
  /** `key=number,key=number` (or an object), keys checked by the operation. */
  weights(help: string, arg = "<key=w,...>") {
    const re = /^([A-Za-z.-]+)=(\d+(?:\.\d+)?)$/;
    return mk<Record<string, number>, Record<string, number> | string>({
      kind: "weights",
      help,
      arg,
      schema: (z) =>
        z.unknown().transform((v, ctx) => {
          const bad = (message: string) => {
            ctx.addIssue({ code: "custom", message, input: v });
            return z.NEVER;
          };
          const out: Record<string, number> = {};
          if (typeof v === "string") {
            if (v.length > 1000) return bad("at most 1000 characters");
            for (const part of v.split(",").filter(Boolean)) {
              const m = re.exec(part.trim());
              if (!m) return bad(`"${part}" is not key=number (e.g. relations.warmth=2)`);
              out[m[1]] = Number(m[2]);
            }
            return out;
          }
          if (typeof v !== "object" || v === null || Array.isArray(v))
            return bad("must be key=number,key=number (e.g. relations.warmth=2)");
          for (const [k, w] of Object.entries(v)) {
            if (!/^[A-Za-z.-]{1,60}$/.test(k)) return bad(`"${k}" is not a weight key`);
            if (typeof w !== "number" || !(w >= 0) || w > 1e6)
              return bad(`${k}: weight must be a number ≥ 0, not ${shown(w)}`);
            out[k] = w;
          }
          return out;
        }),
    });
  },
  /** A scenario: a shipped scenario's id (CLI and library: also a folder). */
  scenario(help = "scenario (default: azerbaijan when present)") {
    return mk<string, string>({
      kind: "scenario",
      help,
      arg: "<name|dir>",
      schema: (z) => z.string().min(1).max(1000),
    });
  },
};
