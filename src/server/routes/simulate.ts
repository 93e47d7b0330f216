import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { z } from "zod";
import { runBargain } from "../../simulate/bargain.ts";
import { parseBargainText } from "../../simulate/bargain-input.ts";
import { monteCarlo } from "../../simulate/bargain-monte-carlo.ts";
import { sensitivity } from "../../simulate/bargain-sensitivity.ts";
import { runDoctrines } from "../../simulate/doctrine-run.ts";
import { doctrineFromScenario } from "../../simulate/doctrine-scenario.ts";
import { SMP_PARAM_VALUES } from "../../simulate/ktab-params.ts";
import { solveLandscape } from "../../simulate/landscape.ts";
import { parseLandscape } from "../../simulate/landscape-input.ts";
import { whatIf } from "../../simulate/whatif.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

/** Bounds on request-driven work: every simulation stops at its budget with a 503. */
const LIMITS = {
  bargainMs: 20_000,
  maxActors: 60,
  maxRuns: 200,
  landscapeMs: 20_000,
  maxLandscapeActors: 200,
  doctrineRuns: 20_000,
  doctrineYears: 50,
};

/** Shipped bargaining examples, by id (never a path from the request). */
const EXAMPLES: Record<string, string> = {
  tripp: new URL("../../../data/models/tripp.csv", import.meta.url).pathname,
};

const paramsSchema = z
  .object(
    Object.fromEntries(
      Object.entries(SMP_PARAM_VALUES).map(([k, v]) => [
        k,
        z.enum(v as [string, ...string[]]).optional(),
      ]),
    ),
  )
  .strict()
  .optional();

const bargainOpts = {
  model: z.enum(["smp", "bdm"]).default("smp"),
  seed: z
    .string()
    .regex(/^\d{1,20}$/, "an unsigned 64-bit integer")
    .optional(),
  runs: z.coerce.number().int().min(1).max(LIMITS.maxRuns).optional(),
  perturb: z.coerce.number().min(0).max(50).default(0),
  sensitivity: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((x) => x === "true")])
    .default(false),
  delta: z.coerce.number().gt(0).max(50).default(10),
};

async function json(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, "request body must be JSON");
  }
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new HttpError(
      400,
      r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  return r.data;
}

function bounded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && /time budget/.test(e.message)) throw new HttpError(503, e.message);
    throw e;
  }
}

function bargain(
  text: string,
  name: string,
  o: z.infer<z.ZodObject<typeof bargainOpts>>,
  params?: Record<string, string | undefined>,
) {
  const sc = parseBargainText(text, name);
  if (sc.actors.length > LIMITS.maxActors)
    throw new HttpError(413, `at most ${LIMITS.maxActors} actors per request`);
  const deadline = Date.now() + LIMITS.bargainMs;
  const base = {
    model: o.model,
    seed: o.seed ? BigInt(o.seed) : undefined,
    params: params as never,
    deadline,
  };
  return bounded(() => {
    const out: Record<string, unknown> = { ...runBargain(sc, base) };
    if (o.runs) out.monteCarlo = monteCarlo(sc, o.runs, { ...base, perturb: o.perturb });
    if (o.sensitivity) out.sensitivity = sensitivity(sc, { ...base, delta: o.delta });
    return out;
  });
}

const bargainExampleQuery = z.object({
  example: z.enum(Object.keys(EXAMPLES) as [string, ...string[]]).default("tripp"),
  ...bargainOpts,
});
const bargainBody = z
  .object({ scenario: z.string().min(1).max(200_000), params: paramsSchema, ...bargainOpts })
  .strict();
const landscapeBody = z
  .object({
    actors: z.string().min(1).max(200_000),
    propensities: z.string().min(1).max(800_000),
    exhaustiveLimit: z.coerce.number().int().min(1).max(20).default(20),
    restarts: z.coerce.number().int().min(1).max(20_000).default(2000),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  })
  .strict();
const doctrineQuery = z.object({
  scenario: q.scenario.optional(),
  runs: z.coerce.number().int().min(1).max(LIMITS.doctrineRuns).default(2000),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  years: z.coerce.number().int().min(1).max(LIMITS.doctrineYears).default(15),
});
const whatifBody = z
  .object({
    focal: q.code,
    scenario: q.scenario.optional(),
    changes: z.string().min(1).max(200_000),
  })
  .strict();

export function register(app: Hono, ctx: ServerContext): void {
  const tag = "simulate";

  describe(app, {
    method: "get",
    path: "/api/simulate/bargain",
    tag,
    summary:
      "Negotiation forecast (KTAB SMP or BDM) on a shipped example, beside the weighted mean and median",
    query: bargainExampleQuery,
    responses: { "503": "the run exceeded its time budget" },
  });
  app.get("/api/simulate/bargain", (c) => {
    const p = parseQuery(c, bargainExampleQuery);
    return c.json(bargain(readFileSync(EXAMPLES[p.example], "utf8"), `${p.example}.csv`, p));
  });

  describe(app, {
    method: "post",
    path: "/api/compute/bargain",
    tag,
    summary:
      "Negotiation forecast on a posted KTAB CSV/XML scenario, optionally with Monte Carlo and sensitivity",
    body: bargainBody,
    responses: {
      "413": "too many actors",
      "422": "invalid scenario (problems by line and field)",
      "503": "time budget exceeded",
    },
  });
  app.post("/api/compute/bargain", async (c) => {
    const b = parseBody(bargainBody, await json(c));
    return c.json(bargain(b.scenario, "request", b, b.params as Record<string, string>));
  });

  describe(app, {
    method: "post",
    path: "/api/compute/landscape",
    tag,
    summary: "Landscape theory (Axelrod & Bennett 1993): local minima with basins and frustration",
    body: landscapeBody,
    responses: { "413": "too many actors", "422": "invalid input", "503": "time budget exceeded" },
  });
  app.post("/api/compute/landscape", async (c) => {
    const b = parseBody(landscapeBody, await json(c));
    const inp = parseLandscape(b.actors, b.propensities, "actors", "propensities");
    if (inp.names.length > LIMITS.maxLandscapeActors)
      throw new HttpError(413, `at most ${LIMITS.maxLandscapeActors} actors per request`);
    return c.json(
      bounded(() =>
        solveLandscape(inp, {
          exhaustiveLimit: b.exhaustiveLimit,
          restarts: b.restarts,
          seed: b.seed,
          deadline: Date.now() + LIMITS.landscapeMs,
        }),
      ),
    );
  });

  describe(app, {
    method: "get",
    path: "/api/simulate/doctrine",
    tag,
    summary:
      "Doctrine comparison (bandwagoning, balancing, passive and active non-alignment) for a scenario's focal state",
    query: doctrineQuery,
    responses: { "422": "the scenario lacks two rival poles" },
  });
  app.get("/api/simulate/doctrine", async (c) => {
    const p = parseQuery(c, doctrineQuery);
    const s = ctx.scenario(p.scenario);
    let setup: ReturnType<typeof doctrineFromScenario>;
    try {
      setup = doctrineFromScenario(s);
    } catch (e) {
      throw new HttpError(422, (e as Error).message);
    }
    const res = await runDoctrines(setup.params, { runs: p.runs, years: p.years, seed: p.seed });
    return c.json({
      scenario: s.meta.id,
      focal: s.meta.focal,
      ...res,
      measured: setup.measured,
      assumptions: setup.assumptions,
    });
  });

  describe(app, {
    method: "post",
    path: "/api/compute/whatif",
    tag,
    summary: "Apply hypothetical changes to a scenario and compare measures before and after",
    body: whatifBody,
    responses: { "422": "invalid changes (problems by line and field)" },
  });
  app.post("/api/compute/whatif", async (c) => {
    const b = parseBody(whatifBody, await json(c));
    const s = ctx.scenario(b.scenario);
    if (!s.actors.some((a) => a.id === b.focal))
      throw new HttpError(400, `focal: ${b.focal} is not an actor of scenario ${s.meta.id}`);
    return c.json(whatIf(s, b.focal, b.changes, "changes"));
  });
}
