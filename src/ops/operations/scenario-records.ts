import { printTable } from "../../cli/output.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { RECORD_KINDS } from "./scenario-kinds.ts";

export interface ScenarioRecordsResult {
  scenario: string;
  kind: (typeof RECORD_KINDS)[number];
  records: unknown[];
}

export const scenarioRecords = defineOperation({
  name: "scenario records",
  summary:
    "one kind of a scenario's records (actors, ties, flows, projects, …), each with its source",
  params: {
    kind: p.enum(RECORD_KINDS, "the record kind"),
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
  },
  positionals: ["kind"],
  http: {
    method: "get",
    path: "/api/scenario/records",
    tag: "core",
    memo: true,
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<ScenarioRecordsResult> {
    const s = requireScenario(ctx, q.scenario).scenario;
    return { scenario: s.meta.id, kind: q.kind, records: s[q.kind] };
  },
  print({ records }) {
    printTable(records as Record<string, unknown>[], undefined, 40);
  },
});
