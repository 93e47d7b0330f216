import { readFileSync } from "node:fs";
import type { TrackRecord } from "../../backtest/track-record.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { loadZod } from "../zod.ts";
import { printScores } from "./backtest-batch.ts";

/** The shipped track record: `ana backtest deu` on the DEU data, generated with docs/backtest.md. */
export const TRACK_RECORD_FILE = "data/models/backtest/track-record.json";
const SHIPPED = new URL(`../../../${TRACK_RECORD_FILE}`, import.meta.url).pathname;

/** The shipped track record (src/backtest/track-record.ts) and where it is explained. */
export type TrackRecordResult = TrackRecord & {
  /** Where the track record is explained ("docs/backtest.md"). */
  source: string;
  /** The JSON file read. */
  file: string;
};

async function validate(json: unknown, file: string): Promise<TrackRecord> {
  const z = await loadZod();
  const num = z.number().nullable();
  const group = z.array(
    z.object({ group: z.string(), model: z.string(), n: z.number(), mae: num }),
  );
  const schema = z.object({
    dataset: z.object({
      name: z.string(),
      citation: z.string(),
      doi: z.string(),
      file: z.string(),
      issues: z.number().int().min(0),
      skipped: z.number().int().min(0),
    }),
    command: z.string(),
    settings: z.object({ level: z.number(), scale: z.string() }).passthrough(),
    capabilities: z.string(),
    models: z.array(z.string()),
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
    byProcedure: group,
    byRule: group,
    calibration: z.array(
      z.object({
        model: z.string(),
        band: z.union([z.literal(0.5), z.literal(0.9)]),
        n: z.number(),
        coverage: num,
      }),
    ),
    failures: z.array(z.object({ model: z.string(), n: z.number() }).passthrough()),
    notes: z.array(z.string()),
  });
  const r = schema.safeParse(json);
  if (!r.success)
    throw new OpError(
      500,
      `${file} is not a track record: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
  return json as TrackRecord;
}

export const backtestTrackRecord = defineOperation({
  name: "backtest track-record",
  summary:
    "the shipped track record of the bargaining models and baselines on real EU decisions (docs/backtest.md)",
  params: {
    file: p
      .string(
        "read this track record (ana backtest deu --track-record <file.json>) instead of the shipped one",
        {
          arg: "<file.json>",
        },
      )
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
          `no track record: ${shown} does not exist (it is generated with docs/backtest.md by \`ana backtest deu <file> --track-record <file.json>\`)`,
        );
      throw new OpError(500, `cannot read ${shown}: ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new OpError(500, `${shown} is not JSON: ${(e as Error).message}`);
    }
    return { source: "docs/backtest.md", file: shown, ...(await validate(json, shown)) };
  },
  print(r) {
    console.log(
      `Track record (${r.source}, ${r.file}): ${r.dataset.name}, ${r.dataset.file}: ${r.dataset.issues} issues scored, ${r.dataset.skipped} skipped. Capabilities: ${r.capabilities}. Errors on ${r.settings.scale}.`,
    );
    printScores(r);
    for (const n of r.notes) console.log(`note: ${n}`);
  },
});
