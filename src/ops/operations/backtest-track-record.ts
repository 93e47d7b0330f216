import { readFileSync } from "node:fs";
import type {
  BacktestCalibrationRow,
  BacktestGroupRow,
  BacktestResult,
  BacktestSummaryRow,
} from "../../backtest/types.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { loadZod } from "../zod.ts";
import { printScores } from "./backtest-batch.ts";

/** The shipped track record: `ana backtest deu` on the DEU data, generated with docs/backtest.md. */
export const TRACK_RECORD_FILE = "data/models/backtest/track-record.json";
const SHIPPED = new URL(`../../../${TRACK_RECORD_FILE}`, import.meta.url).pathname;

/** The scores of the shipped backtest, without the issue-by-issue forecasts. */
export interface TrackRecordResult {
  /** Where the track record is explained ("docs/backtest.md"). */
  source: string;
  /** The JSON file read. */
  file: string;
  /** The data the models were scored on (the backtest's input file). */
  dataset: string | null;
  models: string[];
  capabilities: string;
  summary: BacktestSummaryRow[];
  calibration: BacktestCalibrationRow[];
  byProcedure: BacktestGroupRow[];
  byRule: BacktestGroupRow[];
  settings: BacktestResult["settings"] | null;
  notes: string[];
  /** Issues scored and issues skipped (no outcome, too few actors). */
  issues: number;
  skipped: number;
}

async function validate(json: unknown, file: string): Promise<BacktestResult> {
  const z = await loadZod();
  const num = z.number().nullable();
  const schema = z.object({
    file: z.string().optional(),
    models: z.array(z.string()),
    capabilities: z.string(),
    summary: z
      .array(
        z.object({
          model: z.string(),
          n: z.number().int().min(0),
          mae: num,
          rmse: num,
          medianAE: num,
          within10: num,
          diffVsCompromise: z
            .object({ mae: z.number(), interval: z.tuple([z.number(), z.number()]) })
            .passthrough()
            .nullable(),
        }),
      )
      .min(1),
    calibration: z.array(
      z.object({
        model: z.string(),
        band: z.union([z.literal(0.5), z.literal(0.9)]),
        n: z.number(),
        coverage: num,
      }),
    ),
    byProcedure: z.array(
      z.object({ group: z.string(), model: z.string(), n: z.number(), mae: num }),
    ),
    byRule: z.array(z.object({ group: z.string(), model: z.string(), n: z.number(), mae: num })),
    issues: z.array(z.unknown()),
    skipped: z.array(z.unknown()),
  });
  const r = schema.safeParse(json);
  if (!r.success)
    throw new OpError(
      500,
      `${file} is not a backtest result: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
  return json as BacktestResult;
}

export const backtestTrackRecord = defineOperation({
  name: "backtest track-record",
  summary:
    "the shipped track record of the bargaining models and baselines on real EU decisions (docs/backtest.md)",
  params: {
    file: p
      .string("read this backtest result (ana backtest deu --json) instead of the shipped one", {
        arg: "<file.json>",
      })
      .local()
      .optional(TRACK_RECORD_FILE),
  },
  http: {
    method: "get",
    path: "/api/backtest/track-record",
    tag: "simulate",
    responses: { "404": "no track record is shipped with this installation" },
  },
  async run(ctx, q): Promise<TrackRecordResult> {
    if (q.file !== undefined && ctx.surface !== "local")
      throw new UsageError("{file} is read only on the command line");
    const path = q.file ?? SHIPPED;
    const shown = q.file ?? TRACK_RECORD_FILE;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT")
        throw new OpError(
          404,
          `no track record: ${shown} does not exist (it is generated with docs/backtest.md from \`ana backtest deu --json\`)`,
        );
      throw new OpError(500, `cannot read ${shown}: ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new OpError(500, `${shown} is not JSON: ${(e as Error).message}`);
    }
    const r = await validate(json, shown);
    return {
      source: "docs/backtest.md",
      file: shown,
      dataset: r.file ?? null,
      models: r.models,
      capabilities: r.capabilities,
      summary: r.summary,
      calibration: r.calibration,
      byProcedure: r.byProcedure,
      byRule: r.byRule,
      settings: r.settings ?? null,
      notes: r.notes ?? [],
      issues: r.issues.length,
      skipped: r.skipped.length,
    };
  },
  print(r) {
    console.log(
      `Track record (${r.source}): ${r.issues} issues scored, ${r.skipped} skipped${r.dataset ? `, from ${r.dataset}` : ""}. Capabilities: ${r.capabilities}`,
    );
    printScores(r);
    for (const n of r.notes) console.log(`note: ${n}`);
  },
});
