import { printTable } from "../../cli/output.ts";
import type { Scorecard } from "../../measure/scorecard.ts";
import { DEFAULTS, defaultYears } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { Param, p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

/** Two periods compared like for like: `2011-2019:2021-2024`. */
export interface ComparePeriods {
  before: [number, number];
  after: [number, number];
}

const compareParam = new Param<ComparePeriods, ComparePeriods | string, true>({
  kind: "string",
  arg: "<y0-y1:y2-y3>",
  help: "compare two periods like for like (e.g. 2011-2019:2021-2024): only inputs with data in every year of both",
  required: true,
  schema: (z) =>
    z.unknown().transform((v, ctx): ComparePeriods => {
      if (typeof v === "object" && v !== null && "before" in v && "after" in v)
        v = `${(v as ComparePeriods).before.join("-")}:${(v as ComparePeriods).after.join("-")}`;
      const m = typeof v === "string" ? /^(\d{4})-(\d{4}):(\d{4})-(\d{4})$/.exec(v) : null;
      const ys = m ? m.slice(1).map(Number) : [];
      if (!m || ys[0] > ys[1] || ys[2] > ys[3]) {
        ctx.addIssue({
          code: "custom",
          input: v,
          message: `must be two periods y0-y1:y2-y3 such as 2011-2019:2021-2024, not ${JSON.stringify(v)}`,
        });
        return z.NEVER;
      }
      return { before: [ys[0], ys[1]], after: [ys[2], ys[3]] };
    }),
});

export type ScorecardResult = Scorecard & { powerGap: unknown[] };

export const scorecard = defineOperation({
  name: "scorecard",
  summary:
    "the ANA scorecard: pillars (balance & benefit, autonomy, multilateralism, leverage) × levels × years, 0–100 with coverage and traceable inputs; beside it the power gap against CINC",
  params: {
    focal: p.code("the focal state"),
    from: p.year("first year").optional("the scenario's first year"),
    to: p.year("last year").optional("the scenario's last year"),
    weights: p.weights("input weights (e.g. relations.warmth=2,autonomy.gas=0)").optional(),
    pillarWeights: p.weights("pillar weights for the overall score", "<pillar=w,...>").optional(),
    halfLife: p
      .number("half-life of event weights in relation scores", {
        positive: true,
        max: 36500,
        arg: "<days>",
      })
      .default(DEFAULTS.halfLifeDays),
    corridors: p.flag("add corridor leverage (Shapley transit share) to the leverage pillar"),
    compare: compareParam.optional(),
    scenario: p.scenario().optional(),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/scorecard", tag: "measures", memo: true, worker: true },
  async run(ctx, q): Promise<ScorecardResult> {
    const { scorecard, INPUT_FORMULAS, PILLARS } = await import("../../measure/scorecard.ts");
    const { powerGap } = await import("../../measure/power-gap.ts");
    checkYearRange(q, DEFAULTS.maxYears);
    for (const k of Object.keys(q.weights ?? {}))
      if (!(k in INPUT_FORMULAS))
        throw new UsageError(
          `{weights}: unknown input "${k}" (inputs: ${Object.keys(INPUT_FORMULAS).join(", ")})`,
        );
    for (const k of Object.keys(q.pillarWeights ?? {}))
      if (!(PILLARS as readonly string[]).includes(k))
        throw new UsageError(
          `{pillarWeights}: unknown pillar "${k}" (pillars: ${PILLARS.join(", ")})`,
        );
    const sc = ctx.scenario(q.scenario);
    const { from, to } = await defaultYears(ctx, q, { scenario: sc?.scenario, focal: q.focal });
    checkYearRange({ from, to }, DEFAULTS.maxYears);
    const store = await ctx.store();
    const card = await scorecard(store, sc?.scenario, q.focal, from, to, {
      weights: q.weights,
      pillarWeights: q.pillarWeights,
      halfLifeDays: q.halfLife,
      corridorLeverage: q.corridors
        ? (await import("../../measure/corridor-hook.ts")).corridorLeverageHook()
        : undefined,
      // Like-for-like comparison (honesty's `compareperiods`); ignored by a scorecard without it.
      ...(q.compare ? { compare: q.compare } : {}),
    });
    return { ...card, powerGap: await powerGap(store, q.focal, from, to) };
  },
  print(card) {
    // A cell: its score with the 90 % interval and the coverage of its inputs; a cell that is not
    // fully measured says so ("partial": some inputs have only part of their data) instead of a number.
    const cellText = (
      c:
        | {
            score: number | null;
            interval?: [number, number] | null;
            status?: string;
            coverage: number;
          }
        | undefined,
    ) =>
      !c || c.score === null
        ? c?.status === "partial"
          ? "partial"
          : null
        : `${c.score.toFixed(0)}${c.interval ? ` [${c.interval[0].toFixed(0)}–${c.interval[1].toFixed(0)}]` : ""} ${Math.round(c.coverage * 100)}%`;
    const rows = [];
    for (let y = card.from; y <= card.to; y++)
      for (const level of card.levels) {
        const r: Record<string, unknown> = { year: y, level };
        for (const pillar of card.pillars) {
          const c = card.cells.find(
            (x) => x.year === y && x.level === level && x.pillar === pillar,
          );
          const t = cellText(c);
          // † a cell resting on an assumption-driven input (corridor leverage).
          r[pillar] = t !== null && c?.inputs.some((i) => i.assumptionDriven) ? `${t} †` : t;
        }
        r.overall = cellText(card.overall.find((o) => o.year === y && o.level === level));
        rows.push(r);
      }
    printTable(rows, ["year", "level", ...card.pillars, "overall"]);
    process.stdout.write(
      `cells: score 0–100 [90 % interval] and coverage of inputs with data; "—" no data, "partial" not fully measured (never scored); scenario: ${card.scenario ?? "none"}; --json lists every input with its status, value, interval and source\n`,
    );
    const driven = card.cells
      .flatMap((c) =>
        c.inputs.filter((i) => i.assumptionDriven && i.weight > 0).map((i) => ({ c, i })),
      )
      .filter(({ c }) => c.score !== null);
    if (driven.length > 0)
      process.stdout.write(
        `† assumption-driven input (docs/measures/corridors.md):\n${[...new Set(driven.map(({ c, i }) => `  ${c.year} ${i.key}: ${(i.note ?? "").replace(/^assumption-driven: /, "")}`))].join("\n")}\n`,
      );
    if (card.comparison)
      process.stdout.write(`\n${card.comparison.rows.map((r) => r.answer).join("\n")}\n`);
  },
});
