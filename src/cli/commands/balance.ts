import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

/** Parse a positive number option, or fail as bad usage. */
export function positiveOption(
  name: string,
  v: string | undefined,
  integer = false,
): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x)))
    throw new UsageError(
      `--${name} must be a positive ${integer ? "integer" : "number"}, not "${v}"`,
    );
  return x;
}

export function register(program: Command): void {
  program
    .command("balance")
    .description(
      "structural balance of a signed edge list: exact frustration index, two blocs, triad census, triangle and walk indices",
    )
    .argument("<edges.csv>", "CSV with header source,target,sign (±1); optional weight, period")
    .option("--time-limit <seconds>", "time limit per period for the exact solver", "60")
    .option("--groups <k>", "also find the best partition into at most k clusters (k-balance)")
    .option("--weighted", "minimise the total weight of frustrated edges, not their number")
    .option("--json", "print JSON")
    .action(async (file: string, opts: Record<string, string | boolean | undefined>) => {
      const { readFileSync } = await import("node:fs");
      const { readEdgeList } = await import("../../network/read-edge-list.ts");
      const { buildSignedGraph } = await import("../../network/signed-graph.ts");
      const { balanceReport } = await import("../../network/balance-report.ts");
      const timeLimit = positiveOption("time-limit", opts.timeLimit as string);
      const groups = positiveOption("groups", opts.groups as string | undefined, true);
      if (groups !== undefined && groups > 32) throw new UsageError("--groups must be at most 32");
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const periods = readEdgeList(file, text);
      const results = [];
      for (const p of periods)
        results.push(
          await balanceReport(buildSignedGraph(p.edges), p.period, {
            timeLimit,
            groups,
            weighted: opts.weighted === true,
          }),
        );
      if (opts.json) {
        printJson({ results });
        return;
      }
      printTable(
        results.map((r) => ({
          period: r.period,
          nodes: r.nodes,
          edges: r.edges,
          negative: r.negativeEdges,
          frustration: r.frustration,
          proven: r.optimal ? "yes" : `no (≥ ${r.lowerBound})`,
          normalized: r.normalizedFrustration,
          triangleIndex: r.triangleIndex,
          walkIndex: r.walkIndex,
          "ppp/ppm/pmm/mmm": `${r.triads.ppp}/${r.triads.ppm}/${r.triads.pmm}/${r.triads.mmm}`,
          ...(r.groups
            ? { [`k=${r.groups.k}`]: `${r.groups.value}${r.groups.optimal ? "" : "?"}` }
            : {}),
          seconds: r.seconds,
        })),
      );
      for (const r of results) {
        const bloc = (s: number) =>
          Object.entries(r.partition)
            .filter(([, x]) => x === s)
            .map(([v]) => v)
            .join(" ");
        process.stdout.write(
          `\n${r.period === null ? "" : `period ${r.period}: `}bloc 0: ${bloc(0)}\n${" ".repeat(r.period === null ? 0 : 9 + r.period.length)}bloc 1: ${bloc(1)}\n`,
        );
        if (r.frustratedEdges.length)
          process.stdout.write(
            `frustrated: ${r.frustratedEdges.map(([a, b]) => `${a}–${b}`).join(", ")}\n`,
          );
      }
    });
}
