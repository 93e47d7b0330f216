import type { Hono } from "hono";
import { z } from "zod";
import type { Scenario } from "../../model/scenario.ts";
import { SCENARIO_RECORD_KINDS } from "../../model/scenario.ts";
import type { ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

/** Every record kind of a scenario that carries a `source`. */
const KINDS = SCENARIO_RECORD_KINDS;

export interface ScenarioSource {
  source: string;
  /** Whether `source` is a web address (else a dataset citation). */
  url: boolean;
  /** Records citing it, by kind. */
  records: Partial<Record<(typeof KINDS)[number], number>>;
  /** First and last year of the dated records citing it (null when none is dated). */
  from: number | null;
  to: number | null;
}

function yearOf(r: Record<string, unknown>): number[] {
  const ys: number[] = [];
  if (typeof r.year === "number") ys.push(r.year);
  for (const k of ["date", "from", "to"]) {
    const v = r[k];
    if (typeof v === "string" && /^\d{4}/.test(v)) ys.push(Number(v.slice(0, 4)));
  }
  return ys;
}

/** The distinct sources a scenario cites, with what cites them and the years covered. */
export function scenarioSources(s: Scenario): ScenarioSource[] {
  const by = new Map<string, ScenarioSource>();
  for (const kind of KINDS) {
    for (const rec of s[kind] as unknown as Record<string, unknown>[]) {
      const src = String(rec.source ?? "");
      let e = by.get(src);
      if (!e) {
        e = { source: src, url: /^https?:\/\//.test(src), records: {}, from: null, to: null };
        by.set(src, e);
      }
      e.records[kind] = (e.records[kind] ?? 0) + 1;
      for (const y of yearOf(rec)) {
        e.from = e.from === null ? y : Math.min(e.from, y);
        e.to = e.to === null ? y : Math.max(e.to, y);
      }
    }
  }
  const total = (x: ScenarioSource) => Object.values(x.records).reduce((a, b) => a + (b ?? 0), 0);
  return [...by.values()].sort((a, b) => total(b) - total(a) || a.source.localeCompare(b.source));
}

const ScenarioQuery = z.object({ scenario: q.scenario.optional() });
const PARTS = ["levels", "poles", "rivalries", "ties", "flows", "projects", "memberships"] as const;
const ScenarioPartsQuery = z.object({
  scenario: q.scenario.optional(),
  include: z
    .string()
    .max(200)
    .transform((x) => x.split(",").filter(Boolean))
    .pipe(z.array(z.enum(PARTS)))
    .optional()
    .describe(`comma-separated parts to include (default all): ${PARTS.join(",")}`),
});
const RecordsQuery = z.object({
  scenario: q.scenario.optional(),
  kind: z.enum(KINDS),
});

/** A scenario's records as they are (each with its source), for the dashboard and reports. */
export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/scenario",
    tag: "core",
    summary:
      "A scenario's metadata and record counts, with its levels, poles, rivalries, ties, flows, projects and memberships",
    query: ScenarioPartsQuery,
    responses: { "404": "no such scenario" },
  });
  app.get("/api/scenario", async (c) => {
    const p = parseQuery(c, ScenarioPartsQuery);
    const s = ctx.scenario(p.scenario);
    const parts = p.include ?? [...PARTS];
    // Scenarios do not change while the server runs: serialise each view once.
    const json = await ctx.memo(`scenario|${s.meta.id}|${parts.join(",")}`, async () =>
      JSON.stringify({
        meta: s.meta,
        counts: Object.fromEntries(KINDS.map((k) => [k, s[k].length])),
        ...Object.fromEntries(parts.map((k) => [k, s[k]])),
      }),
    );
    return c.body(json, 200, { "Content-Type": "application/json" });
  });

  describe(app, {
    method: "get",
    path: "/api/scenario/records",
    tag: "core",
    summary:
      "One kind of a scenario's records (actors, ties, flows, projects, …), each with its source",
    query: RecordsQuery,
    responses: { "404": "no such scenario" },
  });
  app.get("/api/scenario/records", (c) => {
    const p = parseQuery(c, RecordsQuery);
    const s = ctx.scenario(p.scenario);
    return c.json({ scenario: s.meta.id, kind: p.kind, records: s[p.kind] });
  });

  describe(app, {
    method: "get",
    path: "/api/scenario/sources",
    tag: "core",
    summary: "The distinct sources a scenario cites, with record counts by kind and years covered",
    query: ScenarioQuery,
    responses: { "404": "no such scenario" },
  });
  app.get("/api/scenario/sources", async (c) => {
    const p = parseQuery(c, ScenarioQuery);
    const s = ctx.scenario(p.scenario);
    const json = await ctx.memo(`scenario-sources|${s.meta.id}`, async () =>
      JSON.stringify({ scenario: s.meta.id, sources: scenarioSources(s) }),
    );
    return c.body(json, 200, { "Content-Type": "application/json" });
  });
}
