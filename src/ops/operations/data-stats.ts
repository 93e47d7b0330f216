import { printTable } from "../../cli/output.ts";
import type { scenarioStats } from "../../data/scenario-stats.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";

export const dataStats = defineOperation({
  name: "data stats",
  summary:
    "count a scenario's events and distinct sources per level, per actor and per year, cooperation vs conflict (default: the shipped Azerbaijan scenario)",
  params: {
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    top: p
      .number("actors to show in the human table (all with --json)", { int: true, min: 1 })
      .local()
      .default(30),
  },
  positionals: ["scenario"],
  http: {
    method: "get",
    path: "/api/scenario/stats",
    tag: "core",
    memo: true,
    responses: { "404": "no such scenario" },
  },
  async run(ctx, q): Promise<ReturnType<typeof scenarioStats>> {
    const { scenarioStats } = await import("../../data/scenario-stats.ts");
    return scenarioStats(requireScenario(ctx, q.scenario).scenario);
  },
  print(stats, q) {
    const t = stats.total;
    const w = stats.inWindow;
    process.stdout.write(
      `${stats.scenario} (focal ${stats.focal}): ${t.events} events from ${t.sources} distinct sources; ` +
        `${t.cooperation} cooperation, ${t.conflict} conflict, ${t.neutral} neutral; ` +
        `${w.events} events in ${w.from}-${w.to}; ${stats.sourcesAllRecords} distinct sources over all records\n\nby level\n`,
    );
    const cols = ["events", "sources", "cooperation", "conflict", "neutral"];
    printTable(stats.byLevel, ["level", ...cols]);
    process.stdout.write("\nby year\n");
    printTable(stats.byYear, ["year", ...cols]);
    process.stdout.write(
      `\nby actor (${Math.min(q.top, stats.byActor.length)} of ${stats.byActor.length}, most events first)\n`,
    );
    printTable(stats.byActor.slice(0, q.top), ["actor", ...cols]);
  },
});
