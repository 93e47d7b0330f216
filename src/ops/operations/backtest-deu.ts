import { BACKTEST_DEFAULTS } from "../../backtest/defaults.ts";
import type { BacktestResult } from "../../backtest/types.ts";
import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";

const MODELS = ["smp", "bdm", "compromise", "median", "mean", "statusquo"] as const;

export type BacktestDeuResult = BacktestResult & {
  file: string;
  elapsedMs: number;
  threads: number;
};

export const backtestDeu = defineOperation({
  name: "backtest deu",
  summary:
    "score the bargaining models (smp, bdm) and baselines (compromise, median, mean, statusquo) against the outcomes of a DEU III table",
  params: {
    file: p
      .string(
        "DEU III table: tab-, comma- or semicolon-separated, first row the DEU column names",
        {
          arg: "<file.tsv>",
        },
      )
      .local(),
    models: p.enums(MODELS, `models to score (default all: ${MODELS.join(",")})`).optional(),
    capabilities: p
      .enum(
        ["ssi", "votes"],
        "member states' capability: Shapley–Shubik index for the issue's rule (ssi) or Council votes (votes)",
      )
      .default("ssi"),
    draws: p
      .number("Monte Carlo runs per issue for smp and bdm (0: no quantiles or calibration)", {
        int: true,
        min: 0,
        max: 10_000,
      })
      .default(BACKTEST_DEFAULTS.draws),
    perturb: p
      .number("Monte Carlo: perturb positions/saliences by ±points, capabilities by ±%", {
        min: 0,
        max: 50,
        arg: "<points>",
      })
      .default(BACKTEST_DEFAULTS.perturb),
    seed: p
      .number("seed of the Monte Carlo and the bootstrap", { int: true, min: 0, max: 2 ** 32 - 1 })
      .default(BACKTEST_DEFAULTS.seed),
    level: p
      .number("level of the bootstrap intervals", { min: 0.5, max: 0.999 })
      .default(BACKTEST_DEFAULTS.level),
    resamples: p
      .number("bootstrap resamples", { int: true, min: 100, max: 100_000 })
      .default(BACKTEST_DEFAULTS.resamples),
    threads: p
      .number("worker threads for smp and bdm (default: one per core, at most 8)", {
        int: true,
        min: 1,
        max: 64,
      })
      .optional(),
    trackRecord: p
      .string("also write the track record (scores only, no DEU data) to this JSON file", {
        arg: "<file.json>",
      })
      .local()
      .optional(),
    markdown: p
      .string(
        "also write docs/backtest.md (rendered from the track record) to this file, and its calibration plot backtest-calibration.svg beside it",
        {
          arg: "<file.md>",
        },
      )
      .local()
      .optional(),
  },
  positionals: ["file"],
  // Reads a file on this machine: the command line and the library only (the Lab gets the
  // shipped track record, GET /api/backtest/track-record).
  http: false,
  async run(ctx, q, progress): Promise<BacktestDeuResult> {
    if (ctx.surface !== "local") throw new UsageError("files are read only on the command line");
    const { readDeu } = await import("../../backtest/deu-parse.ts");
    const { InputError } = await import("../../backtest/tsv.ts");
    const { forecastIssuesParallel, PARALLEL_DEFAULTS } = await import(
      "../../backtest/parallel.ts"
    );
    const { scoreForecasts } = await import("../../backtest/score.ts");
    const text = readLocalFile(ctx, q.file);
    let parsed: ReturnType<typeof readDeu>;
    try {
      parsed = readDeu(text, { file: q.file, capabilities: q.capabilities });
    } catch (e) {
      if (e instanceof InputError) throw new UsageError(e.message);
      throw e;
    }
    const models = q.models?.length ? [...new Set(q.models)] : [...MODELS];
    const threads = q.threads ?? PARALLEL_DEFAULTS.threads;
    const t0 = Date.now();
    progress?.(0, `forecasting ${parsed.issues.length} issues`);
    const forecasts = await forecastIssuesParallel(parsed.issues, models, {
      draws: q.draws,
      perturb: q.perturb,
      seed: q.seed,
      threads,
    });
    const notes = [
      ...parsed.skipped.map((s) => `line ${s.line} skipped: ${s.reason}`),
      ...parsed.duplicates.map((d) => `${d}: kept as <id>@<line>`),
      ...(parsed.unknownActors.length
        ? [
            `actor columns not recognised (capability 0; in mean and median only): ${parsed.unknownActors.join(", ")}`,
          ]
        : []),
    ];
    const regimes = new Map<string, number>();
    for (const i of parsed.issues)
      for (const n of i.notes ?? [])
        if (n.startsWith("Council: ")) regimes.set(n.slice(9), (regimes.get(n.slice(9)) ?? 0) + 1);
    notes.push(`Council regimes used: ${[...regimes].map(([r, n]) => `${r} ${n}`).join(", ")}`);
    const approximations = new Map<string, number>();
    for (const i of parsed.issues)
      for (const n of i.notes ?? [])
        if (!n.startsWith("Council: ")) approximations.set(n, (approximations.get(n) ?? 0) + 1);
    for (const [n, k] of approximations) notes.push(`${k} issue(s): ${n}`);
    const result = scoreForecasts(parsed.issues, forecasts, {
      models,
      draws: q.draws,
      perturb: q.perturb,
      seed: q.seed,
      level: q.level,
      resamples: q.resamples,
      capabilities: parsed.capabilities,
      notes,
    });
    const elapsedMs = Date.now() - t0;
    if (q.trackRecord || q.markdown) {
      const { writeFileSync } = await import("node:fs");
      const { trackRecord } = await import("../../backtest/track-record.ts");
      const { renderBacktestMarkdown } = await import("../../backtest/markdown.ts");
      const base = q.file.split(/[\\/]/).pop();
      const D = BACKTEST_DEFAULTS;
      const defaults =
        q.draws === D.draws &&
        q.perturb === D.perturb &&
        q.seed === D.seed &&
        q.level === D.level &&
        q.resamples === D.resamples &&
        q.capabilities === "ssi";
      const command = `ana backtest deu ${base}${q.models?.length ? ` --models ${models.join(",")}` : ""}${defaults ? "" : ` --capabilities ${q.capabilities} --draws ${q.draws} --perturb ${q.perturb} --seed ${q.seed} --level ${q.level} --resamples ${q.resamples}`}`;
      const tr = trackRecord(result, { file: q.file, command });
      if (q.trackRecord) writeFileSync(q.trackRecord, `${JSON.stringify(tr, null, 2)}\n`);
      if (q.markdown) {
        // docs/backtest.md embeds the calibration plot as backtest-calibration.svg beside it.
        const { trackRecordCalibrationSvg } = await import("../../backtest/calibration-plot.ts");
        const { dirname, join } = await import("node:path");
        writeFileSync(q.markdown, renderBacktestMarkdown(tr));
        writeFileSync(
          join(dirname(q.markdown), "backtest-calibration.svg"),
          trackRecordCalibrationSvg(tr),
        );
      }
    }
    return { file: q.file, ...result, elapsedMs, threads };
  },
  print(r) {
    const n = (x: number | null | undefined, d = 1) =>
      x === null || x === undefined ? null : Number(x.toFixed(d));
    console.log(
      `${r.file}: ${r.issues.length} issues with an outcome, ${r.skipped.length} skipped`,
    );
    console.log(`capabilities: ${r.capabilities}`);
    printTable(
      r.summary.map((s) => ({
        model: s.model,
        n: s.n,
        MAE: n(s.mae),
        RMSE: n(s.rmse),
        "median AE": n(s.medianAE),
        "within 10": n(s.within10, 2),
        "ΔMAE vs compromise": n(s.diffVsCompromise?.mae),
        [`${Math.round(100 * r.settings.level)}% interval`]: s.diffVsCompromise
          ? `${n(s.diffVsCompromise.interval[0])} to ${n(s.diffVsCompromise.interval[1])}`
          : null,
      })),
    );
    if (r.calibration.length)
      printTable(
        r.calibration.map((c) => ({
          model: c.model,
          band: `central ${100 * c.band}%`,
          n: c.n,
          coverage: n(c.coverage, 2),
        })),
      );
    for (const x of r.skipped) console.log(`skipped ${x.id}: ${x.reason}`);
    for (const x of r.notes) console.log(`note: ${x}`);
    console.log(`${(r.elapsedMs / 1000).toFixed(1)} s on ${r.threads} thread(s)`);
  },
});
