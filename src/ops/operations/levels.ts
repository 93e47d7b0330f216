import { printTable } from "../../cli/output.ts";
import type { levelsFor } from "../../data/level-rule.ts";
import { defineOperation } from "../define.ts";
import { OpError } from "../errors.ts";
import { p } from "../params.ts";

export interface LevelsResult {
  focal: string;
  year: number;
  scenario: string | null;
  levels: Awaited<ReturnType<typeof levelsFor>>;
}

export const levels = defineOperation({
  name: "levels",
  summary:
    "a focal state's partners by level (neighbourhood, regional, systemic) in a year: the level rule from the panel, with a scenario's overrides when --scenario is given",
  params: {
    focal: p.code("the focal state", "<iso3>"),
    year: p.year("year").cliDefault("2024"),
    scenario: p.scenario("apply this scenario's levels.csv overrides").optional(),
    radius: p
      .number("capital-to-capital radius of the regional level, km", {
        positive: true,
        max: 20000,
        arg: "<km>",
      })
      .default(2500),
  },
  positionals: ["focal"],
  uses: { db: ":memory:" },
  http: {
    method: "get",
    path: "/api/levels",
    memo: true,
    tag: "panel",
    responses: {
      "404": "no such scenario",
      "422": "not a COW state, or not a state in that year",
    },
  },
  async run(ctx, q): Promise<LevelsResult> {
    const { levelsFor } = await import("../../data/level-rule.ts");
    // Only a scenario named explicitly overrides the rule.
    const overrides = q.scenario !== undefined ? ctx.scenario(q.scenario)!.scenario.levels : [];
    let levels: LevelsResult["levels"];
    try {
      levels = await levelsFor(await ctx.store(), q.focal, q.year, overrides, {
        regionalRadiusKm: q.radius,
      });
    } catch (e) {
      // Unknown state or a year outside its statehood: the caller's input, said plainly.
      throw new OpError(422, (e as Error).message);
    }
    return { focal: q.focal, year: q.year, scenario: q.scenario ?? null, levels };
  },
  print({ levels }) {
    printTable(levels, ["partner", "level", "basis", "notes", "source"], 70);
  },
});
