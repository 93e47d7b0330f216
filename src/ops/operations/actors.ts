import { printTable } from "../../cli/output.ts";
import type { Actor } from "../../model/actor.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";

export interface ActorsResult {
  scenario: string;
  focal: string;
  actors: Actor[];
}

export const actors = defineOperation({
  name: "actors",
  summary: "list the scenario's actors (states, organisations, groups) with their sources",
  params: {
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    kind: p.enum(["state", "organisation", "group"], "only this kind of actor").optional(),
  },
  http: {
    method: "get",
    path: "/api/actors",
    memo: true,
    tag: "core",
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<ActorsResult> {
    const s = requireScenario(ctx, q.scenario).scenario;
    return {
      scenario: s.meta.id,
      focal: s.meta.focal,
      actors: s.actors.filter((a) => !q.kind || a.kind === q.kind),
    };
  },
  print({ actors }) {
    printTable(actors, ["id", "kind", "name", "cow", "source"]);
  },
});
