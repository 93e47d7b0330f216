import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("landscape")
    .description(
      "alignment landscape (Axelrod & Bennett 1993): local minima of energy over two-sided splits, with basins and frustration",
    )
    .argument("<actors>", "CSV with columns name,size")
    .argument(
      "<propensities>",
      "CSV: long table a,b,p or a square matrix with actor names as header and first column",
    )
    .option("--exhaustive-limit <n>", "solve exhaustively up to this many actors (max 24)", "20")
    .option("--restarts <n>", "local-search restarts beyond the limit", "2000")
    .option("--seed <n>", "seed of the local search", "1")
    .option("--top <n>", "human table: show this many minima", "10")
    .option("--json", "print JSON")
    .action(
      async (
        actors: string,
        props: string,
        opts: {
          exhaustiveLimit: string;
          restarts: string;
          seed: string;
          top: string;
          json?: boolean;
        },
      ) => {
        const limit = Number(opts.exhaustiveLimit);
        const restarts = Number(opts.restarts);
        const seed = Number(opts.seed);
        if (!Number.isInteger(limit) || limit < 1 || limit > 24)
          throw new UsageError("--exhaustive-limit must be an integer 1–24");
        if (!Number.isInteger(restarts) || restarts < 1 || restarts > 1_000_000)
          throw new UsageError("--restarts must be an integer 1–1000000");
        if (!Number.isInteger(seed) || seed < 0)
          throw new UsageError("--seed must be a non-negative integer");
        const { readLandscape } = await import("../../simulate/landscape-input.ts");
        const { solveLandscape } = await import("../../simulate/landscape.ts");
        const res = solveLandscape(readLandscape(actors, props), {
          exhaustiveLimit: limit,
          restarts,
          seed,
        });
        if (opts.json) {
          printJson(res);
          return;
        }
        for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(
          `${res.minima.length} local minima (${res.method}, ${res.configurations} configurations)\n\n`,
        );
        printTable(
          res.minima.slice(0, Number(opts.top) || 10).map((m) => ({
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
    );
}
