import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";

export interface ScenariosResult {
  scenarios: { id: string; name: string; focal: string; from: string; to: string }[];
}

export const scenarios = defineOperation({
  name: "scenarios",
  summary: "the shipped scenarios (id, name, focal state, years)",
  params: {},
  http: { method: "get", path: "/api/scenarios", tag: "core" },
  async run(ctx): Promise<ScenariosResult> {
    return {
      scenarios: ctx.scenarioIds().map((id) => {
        const s = ctx.scenario(id)!.scenario;
        return { id, name: s.meta.name, focal: s.meta.focal, from: s.meta.from, to: s.meta.to };
      }),
    };
  },
  print({ scenarios }) {
    printTable(scenarios, ["id", "focal", "from", "to", "name"]);
  },
});
