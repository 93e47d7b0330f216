import { printTable } from "../../cli/output.ts";
import type { Scenario } from "../../model/scenario.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { RECORD_KINDS } from "./scenario-kinds.ts";

/** Every record kind of a scenario that carries a `source`. */
const KINDS = RECORD_KINDS;

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
export function citedSources(s: Scenario): ScenarioSource[] {
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

export const scenarioSources = defineOperation({
  name: "scenario sources",
  summary: "the distinct sources a scenario cites, with record counts by kind and years covered",
  params: {
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
  },
  positionals: ["scenario"],
  http: {
    method: "get",
    path: "/api/scenario/sources",
    tag: "core",
    memo: true,
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<{ scenario: string; sources: ScenarioSource[] }> {
    const s = requireScenario(ctx, q.scenario).scenario;
    return { scenario: s.meta.id, sources: citedSources(s) };
  },
  print({ sources }) {
    printTable(
      sources.map((x) => ({
        source: x.source,
        records: Object.values(x.records).reduce((a, b) => a + (b ?? 0), 0),
        from: x.from,
        to: x.to,
      })),
      undefined,
      70,
    );
  },
});
