import { printTable } from "../../cli/output.ts";
import type { BalanceResult } from "../../network/balance-report.ts";
import type { EdgePeriod } from "../../network/read-edge-list.ts";
import { defineOperation } from "../define.ts";
import { TIME_LIMITS, timeLimit } from "../limits.ts";
import { p } from "../params.ts";
import { edgeParams, edgePeriods } from "./edge-input.ts";

export interface BalanceOutput {
  results: BalanceResult[];
}

/** Balance of each period of an edge list. */
export async function balanceOfPeriods(
  periods: EdgePeriod[],
  options: { timeLimit: number; groups?: number; weighted?: boolean },
): Promise<BalanceOutput> {
  const { buildSignedGraph } = await import("../../network/signed-graph.ts");
  const { balanceReport } = await import("../../network/balance-report.ts");
  // The time limit bounds the whole call: each period gets an equal share of what is left.
  const deadline = performance.now() + options.timeLimit * 1000;
  const results = [];
  for (const [i, x] of periods.entries()) {
    const left = Math.max(0.01, (deadline - performance.now()) / 1000);
    results.push(
      await balanceReport(buildSignedGraph(x.edges), x.period, {
        ...options,
        timeLimit: left / (periods.length - i),
      }),
    );
  }
  return { results };
}

export const balance = defineOperation({
  name: "balance",
  summary:
    "structural balance of a signed edge list: exact frustration index, two blocs, triad census, triangle and walk indices",
  params: {
    ...edgeParams("CSV with header source,target,sign (±1); optional weight, period"),
    timeLimit: p
      .number("time limit for the whole call (all periods, every solver)", {
        positive: true,
        arg: "<seconds>",
      })
      .optional(
        `${TIME_LIMITS.local} s; over HTTP ${TIME_LIMITS.server} s, at most ${TIME_LIMITS.serverMax}`,
      ),
    groups: p
      .number("also find the best partition into at most k clusters (k-balance)", {
        int: true,
        min: 1,
        max: 32,
        arg: "<k>",
      })
      .optional(),
    weighted: p.flag("minimise the total weight of frustrated edges, not their number"),
  },
  positionals: ["file"],
  http: {
    method: "post",
    path: "/api/compute/balance",
    tag: "network",
    textBody: "csv",
    responses: { "413": "too many nodes, edges or periods", "422": "invalid edge list" },
  },
  async run(ctx, q): Promise<BalanceOutput> {
    const periods = await edgePeriods(ctx, q, true);
    return balanceOfPeriods(periods, {
      timeLimit: timeLimit(ctx, q.timeLimit),
      groups: q.groups,
      weighted: q.weighted,
    });
  },
  print({ results }) {
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
  },
});
