import type { Hono } from "hono";
import { z } from "zod";
import { claimsReport } from "../../claims/engine.ts";
import { alignment } from "../../measure/alignment.ts";
import { allianceSimilarity } from "../../measure/alliance-similarity.ts";
import { corridorLeverageHook } from "../../measure/corridor-hook.ts";
import { DEPENDENCE_DOMAINS, dependence } from "../../measure/dependence.ts";
import { hedging } from "../../measure/hedging.ts";
import { idealPoints } from "../../measure/ideal-points.ts";
import { importedEventRecords } from "../../measure/imported-evidence.ts";
import { HOSTING_RULE, MEDIATION_RULE, multilateralism } from "../../measure/multilateralism.ts";
import { requirePanel } from "../../measure/panel.ts";
import { powerGap } from "../../measure/power-gap.ts";
import { eventRecordsFromScenario, relations } from "../../measure/relations.ts";
import { INPUT_FORMULAS, PILLARS, scorecard } from "../../measure/scorecard.ts";
import type { Scenario } from "../../model/scenario.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

const MAX_YEARS = 60;
const range = <T extends { from: number; to: number }>(p: T): T => {
  if (p.from > p.to) throw new HttpError(400, `from ${p.from} is after to ${p.to}`);
  if (p.to - p.from > MAX_YEARS) throw new HttpError(400, `at most ${MAX_YEARS} years at a time`);
  return p;
};
const partners = q.codes.refine((xs) => xs.length <= 50, "at most 50 codes");
const weights = z
  .string()
  .max(1000)
  .regex(/^([A-Za-z.-]+=\d+(\.\d+)?)(,[A-Za-z.-]+=\d+(\.\d+)?)*$/, "key=number,key=number")
  .transform((s) =>
    Object.fromEntries(s.split(",").map((kv) => [kv.split("=")[0], Number(kv.split("=")[1])])),
  );

const AlignmentQuery = z.object({
  focal: q.code,
  with: partners.optional(),
  from: q.year.default(1946),
  to: q.year.default(2020),
});
const DependenceQuery = z.object({
  focal: q.code,
  domain: z.enum(DEPENDENCE_DOMAINS),
  from: q.year.default(2011),
  to: q.year.default(2025),
  by: z.enum(["partner", "pole"]).default("partner"),
  window: z.enum(["true", "false", "1", "0"]).optional(),
  scenario: q.scenario.optional(),
});
const RelationsQuery = z.object({
  focal: q.code,
  with: q.code,
  by: z.enum(["month", "year"]).default("year"),
  from: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
  halfLife: z.coerce.number().positive().max(36500).default(365),
  prior: z.coerce.number().min(0).max(1000).default(1),
  quad: z.enum(["gdelt", "icews"]).default("gdelt"),
  goldstein: z.enum(["recorded", "cameo-root"]).default("recorded"),
  evidence: z.enum(["scenario", "imported", "all"]).default("all"),
  scenario: q.scenario.optional(),
});
const IdealPointsQuery = z.object({
  focal: q.code,
  with: partners,
  axis: q.codes.refine((xs) => xs.length === 2, "two codes, e.g. RUS,USA").optional(),
  from: q.year.default(2011),
  to: q.year.default(2024),
  variant: z.enum(["fp", "all"]).default("fp"),
});
const AlliancesQuery = z.object({
  focal: q.code,
  with: partners,
  from: q.year.default(2011),
  to: q.year.default(2018),
});
const MultilateralismQuery = z.object({
  focal: q.code,
  from: q.year.default(2011),
  to: q.year.default(2025),
  scenario: q.scenario.optional(),
});
const HedgingQuery = z.object({
  focal: q.code,
  from: q.year.default(2011),
  to: q.year.default(2025),
  scenario: q.scenario.optional(),
});
const ScorecardQuery = z.object({
  focal: q.code,
  from: q.year.default(2011),
  to: q.year.default(2025),
  weights: weights.optional(),
  pillarWeights: weights.optional(),
  halfLife: z.coerce.number().positive().max(36500).default(365),
  corridors: z.enum(["true", "false", "1", "0"]).optional(),
  scenario: q.scenario.optional(),
});
const ClaimsQuery = z.object({ scenario: q.scenario.optional() });

async function panelStore(ctx: ServerContext, view: string) {
  const store = await ctx.store();
  try {
    await requirePanel(store, view);
  } catch (e) {
    throw new HttpError(503, (e as Error).message);
  }
  return store;
}

/** The named shipped scenario, or the default one when it exists (none otherwise). */
function scenarioOrNone(ctx: ServerContext, id: string | undefined): Scenario | undefined {
  if (id) return ctx.scenario(id);
  try {
    return ctx.scenario();
  } catch {
    return undefined;
  }
}

export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/alignment",
    tag: "measures",
    summary:
      "UN-vote alignment per dyad-year: agreement, S (abs, sq), Häge κ and π, alignment index",
    query: AlignmentQuery,
  });
  app.get("/api/alignment", async (c) => {
    const p = range(parseQuery(c, AlignmentQuery));
    const store = await panelStore(ctx, "ref_unvotes");
    const rows = await alignment(store, {
      focal: p.focal,
      partners: p.with,
      from: p.from,
      to: p.to,
    });
    return c.json({ rows, coding: "1 yes, 2 abstain, 3 no; absences excluded; calendar year" });
  });

  describe(app, {
    method: "get",
    path: "/api/dependence",
    tag: "measures",
    summary:
      "Dependence concentration in one domain (HHI, normalised HHI, effective partners, entropy, top share), by partner or pole, per year or window",
    query: DependenceQuery,
  });
  app.get("/api/dependence", async (c) => {
    const p = range(parseQuery(c, DependenceQuery));
    const s = scenarioOrNone(ctx, p.scenario);
    if (p.by === "pole" && (!s || s.poles.length === 0))
      throw new HttpError(400, "by=pole needs a scenario with poles");
    const compute = async () =>
      JSON.stringify({
        focal: p.focal,
        domain: p.domain,
        by: p.by,
        scenario: s?.meta.id ?? null,
        rows: await dependence(
          {
            focal: p.focal,
            domain: p.domain,
            from: p.from,
            to: p.to,
            by: p.by,
            window: p.window === "true" || p.window === "1",
          },
          { store: await ctx.store(), scenario: s },
        ),
      });
    // A read-only server's store and scenarios do not change: identical requests share one answer.
    const json = ctx.writable
      ? await compute()
      : await ctx.memo(`dependence|${s?.meta.id ?? ""}|${JSON.stringify(p)}`, compute);
    return c.body(json, 200, { "Content-Type": "application/json" });
  });

  describe(app, {
    method: "get",
    path: "/api/relations",
    tag: "measures",
    summary:
      "Dyadic relations from events: Goldstein sums/means, quad counts, net cooperation, decayed score",
    query: RelationsQuery,
  });
  app.get("/api/relations", async (c) => {
    const p = parseQuery(c, RelationsQuery);
    const s = scenarioOrNone(ctx, p.scenario);
    const records = [];
    if (p.evidence !== "imported" && s)
      records.push(...eventRecordsFromScenario(s.events, `scenario:${s.meta.id}`));
    if (p.evidence !== "scenario")
      records.push(
        ...(await importedEventRecords(await ctx.store(), p.focal, p.with, {
          from: p.from,
          to: p.to,
        })),
      );
    const r = relations(records, {
      a: p.focal,
      b: p.with,
      by: p.by,
      from: p.from,
      to: p.to,
      halfLifeDays: p.halfLife,
      prior: p.prior,
      quadScheme: p.quad,
      goldstein: p.goldstein,
    });
    return c.json({ scenario: s?.meta.id ?? null, ...r });
  });

  describe(app, {
    method: "get",
    path: "/api/idealpoints",
    tag: "measures",
    summary: "Ideal-point distances and position on a rival axis (Voeten)",
    query: IdealPointsQuery,
  });
  app.get("/api/idealpoints", async (c) => {
    const p = range(parseQuery(c, IdealPointsQuery));
    const store = await panelStore(ctx, "ref_idealpoints");
    const rows = await idealPoints(store, {
      focal: p.focal,
      partners: p.with,
      axis: p.axis as [string, string] | undefined,
      from: p.from,
      to: p.to,
      variant: p.variant,
    });
    return c.json({ focal: p.focal, variant: p.variant, rows });
  });

  describe(app, {
    method: "get",
    path: "/api/alliances",
    tag: "measures",
    summary: "ATOP alliance-portfolio similarity (valued 3/2/1/0): S, κ, π",
    query: AlliancesQuery,
  });
  app.get("/api/alliances", async (c) => {
    const p = range(parseQuery(c, AlliancesQuery));
    const store = await panelStore(ctx, "ref_atop");
    return c.json({
      rows: await allianceSimilarity(store, {
        focal: p.focal,
        partners: p.with,
        from: p.from,
        to: p.to,
      }),
    });
  });

  describe(app, {
    method: "get",
    path: "/api/multilateralism",
    tag: "measures",
    summary: "Memberships, bridging organisations, forums hosted, mediation",
    query: MultilateralismQuery,
  });
  app.get("/api/multilateralism", (c) => {
    const p = range(parseQuery(c, MultilateralismQuery));
    const s = ctx.scenario(p.scenario);
    return c.json({
      scenario: s.meta.id,
      hostingRule: HOSTING_RULE,
      mediationRule: MEDIATION_RULE,
      rows: multilateralism(s, p.focal, p.from, p.to),
    });
  });

  describe(app, {
    method: "get",
    path: "/api/hedging",
    tag: "measures",
    summary: "Hedging indices (ANA proposals): equidistance, co-engagement, multivector entropy",
    query: HedgingQuery,
  });
  app.get("/api/hedging", async (c) => {
    const p = range(parseQuery(c, HedgingQuery));
    const s = ctx.scenario(p.scenario);
    return c.json({
      scenario: s.meta.id,
      status: "ANA proposal",
      rows: await hedging(await ctx.store(), s, p.focal, p.from, p.to),
    });
  });

  describe(app, {
    method: "get",
    path: "/api/scorecard",
    tag: "measures",
    summary:
      "The ANA scorecard (pillars × levels × years) with traceable inputs, and the power gap",
    query: ScorecardQuery,
  });
  app.get("/api/scorecard", async (c) => {
    const p = range(parseQuery(c, ScorecardQuery));
    for (const k of Object.keys(p.weights ?? {}))
      if (!(k in INPUT_FORMULAS)) throw new HttpError(400, `weights: unknown input "${k}"`);
    for (const k of Object.keys(p.pillarWeights ?? {}))
      if (!(PILLARS as readonly string[]).includes(k))
        throw new HttpError(400, `pillarWeights: unknown pillar "${k}"`);
    const compute = async () => {
      const store = await ctx.store();
      const card = await scorecard(store, scenarioOrNone(ctx, p.scenario), p.focal, p.from, p.to, {
        weights: p.weights,
        pillarWeights: p.pillarWeights,
        halfLifeDays: p.halfLife,
        corridorLeverage:
          p.corridors === "true" || p.corridors === "1" ? corridorLeverageHook() : undefined,
      });
      return JSON.stringify({ ...card, powerGap: await powerGap(store, p.focal, p.from, p.to) });
    };
    // A read-only server's store and scenarios do not change: identical requests share one answer.
    const json = ctx.writable
      ? await compute()
      : await ctx.memo(`scorecard|${JSON.stringify(p)}`, compute);
    return c.body(json, 200, { "Content-Type": "application/json" });
  });

  describe(app, {
    method: "get",
    path: "/api/claims",
    tag: "measures",
    summary: "The seed's empirical claims checked against the data",
    query: ClaimsQuery,
  });
  app.get("/api/claims", async (c) => {
    const p = parseQuery(c, ClaimsQuery);
    const s = ctx.scenario(p.scenario);
    const compute = async () => JSON.stringify(await claimsReport(await ctx.store(), s));
    const json = ctx.writable ? await compute() : await ctx.memo(`claims|${s.meta.id}`, compute);
    return c.body(json, 200, { "Content-Type": "application/json" });
  });
}
