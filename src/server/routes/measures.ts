import type { Hono } from "hono";
import { z } from "zod";
import { allianceSimilarity } from "../../measure/alliance-similarity.ts";
import { checkClaims } from "../../measure/claims.ts";
import { hedging } from "../../measure/hedging.ts";
import { idealPoints } from "../../measure/ideal-points.ts";
import { importedEventRecords } from "../../measure/imported-evidence.ts";
import { HOSTING_RULE, MEDIATION_RULE, multilateralism } from "../../measure/multilateralism.ts";
import { requirePanel } from "../../measure/panel.ts";
import { eventRecordsFromScenario, relations } from "../../measure/relations.ts";
import type { Scenario } from "../../model/scenario.ts";
import { serverOpContext } from "../../ops/http.ts";
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

/**
 * The named scenario, or the default one when the server has it (none otherwise). An unknown or
 * invalid scenario is an error (404/422), never a silent "no scenario".
 */
function scenarioOrNone(ctx: ServerContext, id: string | undefined): Scenario | undefined {
  return serverOpContext(ctx).scenario(id)?.scenario;
}

export function register(app: Hono, ctx: ServerContext): void {
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
    path: "/api/claims",
    tag: "measures",
    summary: "The seed's empirical claims checked against the data",
    query: ClaimsQuery,
  });
  app.get("/api/claims", async (c) => {
    const p = parseQuery(c, ClaimsQuery);
    const s = ctx.scenario(p.scenario);
    const compute = async () =>
      JSON.stringify({ scenario: s.meta.id, claims: await checkClaims(await ctx.store(), s) });
    const json = ctx.writable ? await compute() : await ctx.memo(`claims|${s.meta.id}`, compute);
    return c.body(json, 200, { "Content-Type": "application/json" });
  });
}
