import { printTable } from "../../cli/output.ts";
import type { LandscapeResult } from "../../simulate/landscape.ts";
import { defineOperation } from "../define.ts";
import { OpError, UsageError } from "../errors.ts";
import { bounded } from "../limits.ts";
import { p } from "../params.ts";

/** Server bounds: one request cannot hold the server. */
const SERVER = { maxActors: 200, ms: 20_000 };

export const landscape = defineOperation({
  name: "landscape",
  summary:
    "alignment landscape (Axelrod & Bennett 1993): local minima of energy over two-sided splits, with basins and frustration",
  params: {
    actors: p.string("CSV file with columns name,size", { arg: "<actors>" }).local().optional(),
    propensities: p
      .string(
        "CSV file: long table a,b,p or a square matrix with actor names as header and first column",
        { arg: "<propensities>" },
      )
      .local()
      .optional(),
    actorsCsv: p
      .string("the actors CSV as text (instead of a file)", { max: 200_000, arg: "<csv>" })
      .optional(),
    propensitiesCsv: p
      .string("the propensities CSV as text (instead of a file)", { max: 800_000, arg: "<csv>" })
      .optional(),
    exhaustiveLimit: p
      .number("solve exhaustively up to this many actors (max 24; server 20)", {
        int: true,
        min: 1,
        max: 24,
      })
      .default(20),
    restarts: p
      .number("local-search restarts beyond the limit (server: at most 20000)", {
        int: true,
        min: 1,
        max: 1_000_000,
      })
      .default(2000),
    seed: p.number("seed of the local search", { int: true, min: 0, max: 0xffffffff }).default(1),
    top: p.number("human table: show this many minima", { int: true, min: 1 }).local().default(10),
  },
  positionals: ["actors", "propensities"],
  http: {
    method: "post",
    path: "/api/compute/landscape",
    tag: "simulate",
    // The posted body names the CSV texts `actors` and `propensities`.
    aliases: { actors: "actorsCsv", propensities: "propensitiesCsv" },
    responses: { "413": "too many actors", "422": "invalid input", "503": "time budget exceeded" },
  },
  // CPU-bound: on the server it runs in its own worker under the job limits (never on the event loop).
  job: { kind: "landscape", maxSeconds: 60 },
  async run(ctx, q): Promise<LandscapeResult> {
    bounded(ctx, "exhaustiveLimit", q.exhaustiveLimit, { local: 24, server: 20 });
    bounded(ctx, "restarts", q.restarts, { local: 1_000_000, server: 20_000 });
    const { readLandscape, parseLandscape } = await import("../../simulate/landscape-input.ts");
    const { solveLandscape } = await import("../../simulate/landscape.ts");
    let inp: ReturnType<typeof parseLandscape>;
    if (q.actors !== undefined && q.propensities !== undefined && ctx.surface === "local")
      inp = readLandscape(q.actors, q.propensities);
    else if (q.actorsCsv !== undefined && q.propensitiesCsv !== undefined)
      inp = parseLandscape(q.actorsCsv, q.propensitiesCsv, "actors", "propensities");
    else
      throw new UsageError(
        "give the actors and propensities: as files ({actors} {propensities}) or as CSV text ({actorsCsv}, {propensitiesCsv})",
      );
    const server = ctx.surface === "server";
    if (server && inp.names.length > SERVER.maxActors)
      throw new OpError(413, `at most ${SERVER.maxActors} actors per request`);
    try {
      return solveLandscape(inp, {
        exhaustiveLimit: q.exhaustiveLimit,
        restarts: q.restarts,
        seed: q.seed,
        ...(server ? { deadline: Date.now() + SERVER.ms } : {}),
      });
    } catch (e) {
      if (e instanceof Error && /time budget/.test(e.message)) throw new OpError(503, e.message);
      throw e;
    }
  },
  print(res, q) {
    for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(
      `${res.minima.length} local minima (${res.method}, ${res.configurations} configurations)\n\n`,
    );
    printTable(
      res.minima.slice(0, q.top).map((m) => ({
        energy: m.energy,
        basin: m.basin,
        "side 0": Object.keys(m.partition)
          .filter((k) => m.partition[k] === 0)
          .join(" "),
        "side 1": Object.keys(m.partition)
          .filter((k) => m.partition[k] === 1)
          .join(" "),
      })),
      undefined,
      80,
    );
  },
});
