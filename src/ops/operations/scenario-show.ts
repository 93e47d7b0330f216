import { printTable } from "../../cli/output.ts";
import type { ScenarioMeta } from "../../model/scenario.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { RECORD_KINDS, SCENARIO_PARTS } from "./scenario-kinds.ts";

export type ScenarioShowResult = {
  meta: ScenarioMeta;
  counts: Record<(typeof RECORD_KINDS)[number], number>;
} & Partial<Record<(typeof SCENARIO_PARTS)[number], unknown[]>>;

export const scenarioShow = defineOperation({
  name: "scenario show",
  summary:
    "a scenario's metadata and record counts, with its levels, poles, rivalries, ties, flows, projects and memberships",
  params: {
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    include: p
      .enums(SCENARIO_PARTS, `parts to include (default all): ${SCENARIO_PARTS.join(",")}`)
      .optional(),
  },
  positionals: ["scenario"],
  http: {
    method: "get",
    path: "/api/scenario",
    tag: "core",
    memo: true,
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<ScenarioShowResult> {
    const s = requireScenario(ctx, q.scenario).scenario;
    const parts = q.include ?? [...SCENARIO_PARTS];
    return {
      meta: s.meta,
      counts: Object.fromEntries(RECORD_KINDS.map((k) => [k, s[k].length])) as Record<
        (typeof RECORD_KINDS)[number],
        number
      >,
      ...Object.fromEntries(parts.map((k) => [k, s[k]])),
    };
  },
  print(r) {
    process.stdout.write(
      `${r.meta.id}: ${r.meta.name} (focal ${r.meta.focal}, ${r.meta.from}–${r.meta.to})\n\n`,
    );
    printTable(Object.entries(r.counts).map(([kind, n]) => ({ kind, records: n })));
  },
});
