import { printTable } from "../../cli/output.ts";
import type { Event } from "../../model/event.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

/**
 * The levels (model/level.ts `LEVELS`, which loads zod; repeated here so that the command list
 * loads without it — test/ops/registry.test.ts checks they are the same).
 */
export const EVENT_LEVELS = ["neighbourhood", "regional", "systemic"] as const;

export interface EventsResult {
  scenario: string;
  count: number;
  events: Event[];
}

export const events = defineOperation({
  name: "events",
  summary: "list the scenario's dated events, with CAMEO root, Goldstein weight and source",
  params: {
    actor: p.code("events involving this actor").optional(),
    with: p.codes("…and any of these actors").optional(),
    from: p.date("from YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    to: p.date("to YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    domain: p
      .string("only this domain (diplomatic, energy, security, …)", { max: 40, arg: "<domain>" })
      .optional(),
    level: p.enum(EVENT_LEVELS, "only this level").optional(),
    tone: p
      .enum(["cooperation", "conflict"], "only cooperation (Goldstein > 0) or conflict (< 0)")
      .optional(),
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
  },
  http: {
    method: "get",
    path: "/api/events",
    // A scenario's events do not change while the server runs: identical requests share one answer.
    memo: true,
    tag: "core",
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<EventsResult> {
    checkYearRange(q);
    const { queryEvents } = await import("../../data/query-events.ts");
    const s = requireScenario(ctx, q.scenario).scenario;
    const events = queryEvents(s.events, q);
    return { scenario: s.meta.id, count: events.length, events };
  },
  print({ events }) {
    printTable(
      events,
      ["date", "actors", "cameoRoot", "goldstein", "level", "title", "source"],
      48,
    );
  },
});
