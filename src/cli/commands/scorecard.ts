import type { Command } from "commander";
import { codeArg, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

/** Parse "key=number,key=number". */
export function parseWeights(v: string | undefined, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (!v) return out;
  for (const part of v.split(",").filter(Boolean)) {
    const m = /^([A-Za-z.-]+)=(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!m) throw new UsageError(`${what}: "${part}" is not key=number (e.g. relations.warmth=2)`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

export function register(program: Command): void {
  program
    .command("scorecard <ISO3>")
    .description(
      "the ANA scorecard: pillars (balance & benefit, autonomy, multilateralism, leverage) × levels × years, 0–100 with coverage and traceable inputs; beside it the power gap against CINC",
    )
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2025")
    .option("--weights <key=w,...>", "input weights (e.g. relations.warmth=2,autonomy.gas=0)")
    .option("--pillar-weights <pillar=w,...>", "pillar weights for the overall score")
    .option("--half-life <days>", "half-life of event weights in relation scores", "365")
    .option("--corridors", "add corridor leverage (Shapley transit share) to the leverage pillar")
    .option(
      "--compare <before:after>",
      "like-for-like comparison of two periods on the inputs with data in every year of both (e.g. 2011-2019:2021-2024)",
    )
    .option("--scenario <name|dir>", "scenario (default: azerbaijan when present)")
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { scorecard, INPUT_FORMULAS, PILLARS } = await import("../../measure/scorecard.ts");
      const { powerGap } = await import("../../measure/power-gap.ts");
      const focal = codeArg(iso3);
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      if (to - from > 60) throw new UsageError("at most 60 years at a time");
      const weights = parseWeights(opts.weights as string | undefined, "--weights");
      for (const k of Object.keys(weights))
        if (!(k in INPUT_FORMULAS))
          throw new UsageError(
            `--weights: unknown input "${k}" (inputs: ${Object.keys(INPUT_FORMULAS).join(", ")})`,
          );
      const pillarWeights = parseWeights(
        opts.pillarWeights as string | undefined,
        "--pillar-weights",
      );
      for (const k of Object.keys(pillarWeights))
        if (!(PILLARS as readonly string[]).includes(k))
          throw new UsageError(
            `--pillar-weights: unknown pillar "${k}" (pillars: ${PILLARS.join(", ")})`,
          );
      const halfLife = Number(opts.halfLife);
      if (!(halfLife > 0)) throw new UsageError("--half-life must be a positive number of days");
      let compare: import("../../measure/compare-periods.ts").ComparePeriodsOptions | undefined;
      if (opts.compare) {
        const { parseComparePeriods } = await import("../../measure/compare-periods.ts");
        try {
          compare = parseComparePeriods(opts.compare as string);
        } catch (e) {
          throw new UsageError(`--${(e as Error).message}`);
        }
        for (const y of [...compare.before, ...compare.after])
          if (y < from || y > to) throw new UsageError(`--compare: ${y} is outside --from/--to`);
      }
      const sc = optionalScenario(opts as { scenario?: string });
      await withStore(opts as { db?: string }, async (store) => {
        const card = await scorecard(store, sc?.scenario, focal, from, to, {
          weights,
          pillarWeights,
          halfLifeDays: halfLife,
          corridorLeverage: opts.corridors
            ? (await import("../../measure/corridor-hook.ts")).corridorLeverageHook()
            : undefined,
          compare,
        });
        const gap = await powerGap(store, focal, from, to);
        if (opts.json) printJson({ ...card, powerGap: gap });
        else {
          const rows = [];
          for (let y = from; y <= to; y++)
            for (const level of card.levels) {
              const r: Record<string, unknown> = { year: y, level };
              for (const p of card.pillars) {
                const c = card.cells.find(
                  (x) => x.year === y && x.level === level && x.pillar === p,
                )!;
                r[p] =
                  c.score === null
                    ? null
                    : `${c.score.toFixed(0)} (${Math.round(c.coverage * 100)}%)`;
              }
              r.overall =
                card.overall.find((o) => o.year === y && o.level === level)?.score ?? null;
              rows.push(r);
            }
          printTable(rows, ["year", "level", ...card.pillars, "overall"]);
          process.stdout.write(
            `cells: score 0–100 (coverage of inputs with data); scenario: ${card.scenario ?? "none"}; --json lists every input with its value and source\n`,
          );
          if (card.comparison)
            process.stdout.write(`\n${card.comparison.rows.map((r) => r.answer).join("\n")}\n`);
        }
      });
    });
}
