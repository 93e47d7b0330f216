import { printTable } from "../../cli/output.ts";
import type { EventRecord, Relations } from "../../measure/relations.ts";
import { DEFAULTS } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

const PERIOD = { pattern: /^\d{4}(-(0[1-9]|1[0-2]))?$/, forms: "YYYY or YYYY-MM" };

export type RelationsResult = { scenario: string | null } & Relations;

export const relations = defineOperation({
  name: "relations",
  summary:
    "dyadic relations from events: Goldstein sums and means, quad counts, net cooperation and a decayed relation score in [-1, 1]",
  params: {
    focal: p.code("the focal state"),
    with: p.code("the partner"),
    by: p.enum(["month", "year"], "period").default("year"),
    from: p.date("first period (YYYY or YYYY-MM)", PERIOD).optional("the first event"),
    to: p.date("last period (YYYY or YYYY-MM)", PERIOD).optional("the last event"),
    halfLife: p
      .number("half-life of an event's weight in the decayed score", {
        positive: true,
        max: 36500,
        arg: "<days>",
      })
      .default(DEFAULTS.halfLifeDays),
    prior: p
      .number("weight of the neutral prior in the decayed score", {
        min: 0,
        max: 1000,
        arg: "<weight>",
      })
      .default(1),
    quad: p.enum(["gdelt", "icews"], "quad scheme").default("gdelt"),
    goldstein: p
      .enum(["recorded", "cameo-root"], "recorded (each event's weight) or cameo-root")
      .default("recorded"),
    evidence: p.enum(["scenario", "imported", "all"], "which events count").default("all"),
    scenario: p.scenario().optional(),
  },
  positionals: ["focal"],
  uses: { db: true, eventStore: true },
  http: { method: "get", path: "/api/relations", tag: "measures" },
  async run(ctx, q): Promise<RelationsResult> {
    checkYearRange(q);
    const mod = await import("../../measure/relations.ts");
    const records: EventRecord[] = [];
    let scenarioId: string | null = null;
    if (q.evidence !== "imported") {
      const sc = ctx.scenario(q.scenario);
      if (sc) {
        scenarioId = sc.scenario.meta.id;
        for (const r of mod.eventRecordsFromScenario(sc.scenario.events, `scenario:${scenarioId}`))
          records.push(r);
      } else if (q.evidence === "scenario")
        throw new UsageError("no scenario: pass {scenario} (or make one with `ana scenario init`)");
    }
    if (q.evidence !== "scenario") {
      const ev = await import("../../measure/imported-evidence.ts");
      const backend = await ctx.events();
      const range = { from: q.from, to: q.to };
      const imported =
        backend.kind === "duckdb"
          ? await ev.importedEventRecords(
              (backend as import("../../store/duckdb/backend.ts").DuckDbEventBackend).store,
              q.focal,
              q.with,
              range,
            )
          : ev.importedToRecords(
              await backend.importedEvents({ actor: q.focal, partner: q.with, ...range }),
            );
      // A loop, not push(...imported): spreading >~120k arguments overflows the call stack.
      for (const r of imported) records.push(r);
    }
    const r = mod.relations(records, {
      a: q.focal,
      b: q.with,
      by: q.by,
      from: q.from,
      to: q.to,
      halfLifeDays: q.halfLife,
      prior: q.prior,
      quadScheme: q.quad,
      goldstein: q.goldstein,
    });
    return { scenario: scenarioId, ...r };
  },
  print(r) {
    printTable(
      r.rows.map((x) => ({
        ...x,
        quad: `${x.quad.verbalCooperation}/${x.quad.materialCooperation}/${x.quad.verbalConflict}/${x.quad.materialConflict}`,
        // A score only echoing older events is not shown as a measurement.
        score: x.scoreStatus === "data" ? x.score : null,
        "score 90%": x.scoreInterval
          ? `${x.scoreInterval[0].toFixed(3)}–${x.scoreInterval[1].toFixed(3)}`
          : null,
      })) as unknown as Record<string, unknown>[],
      [
        "period",
        "evidence",
        "n",
        "goldsteinSum",
        "goldsteinMean",
        "quad",
        "netCooperation",
        "score",
        "score 90%",
      ],
    );
    process.stdout.write(
      `quad = verbal coop/material coop/verbal conflict/material conflict (${r.quadScheme} scheme); ${r.goldsteinTable}; half-life ${r.halfLifeDays} days; score — when no event falls within one half-life before the period's end (no data)\n`,
    );
  },
});
