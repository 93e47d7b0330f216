import type { Command } from "commander";
import { codeArg, scenarioFromOptions } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("network")
    .description(
      "balance and brokerage of the scenario's signed network at a date, seen from a state",
    )
    .argument("<ISO3>", "focal state, e.g. AZE")
    .requiredOption("--at <date>", "date YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--scenario <name|dir>", "scenario id or folder", "azerbaijan")
    .option("--time-limit <seconds>", "time limit for the exact frustration index", "60")
    .option("--groups <k>", "also find the best partition into at most k clusters")
    .option("--half-life <years>", "half-life of an event's weight", "1")
    .option("--threshold <score>", "smallest |score| that makes an edge", "0.1")
    .option("--json", "print JSON")
    .action(async (iso: string, opts: Record<string, string | boolean | undefined>) => {
      const { datePrecision } = await import("../../model/partial-date.ts");
      const { networkView } = await import("../../network/network-view.ts");
      const { positiveOption } = await import("./balance.ts");
      const at = opts.at as string;
      if (datePrecision(at) === undefined)
        throw new UsageError(`--at must be a date YYYY, YYYY-MM or YYYY-MM-DD, not "${at}"`);
      const focal = codeArg(iso);
      const s = scenarioFromOptions(opts as { scenario?: string });
      if (!s.actors.some((a) => a.id === focal))
        throw new UsageError(`${focal} is not an actor of scenario ${s.meta.id}`);
      const groups = positiveOption("groups", opts.groups as string | undefined, true);
      if (groups !== undefined && groups > 32) throw new UsageError("--groups must be at most 32");
      const v = await networkView(s, focal, at, {
        timeLimit: positiveOption("time-limit", opts.timeLimit as string),
        groups,
        halfLifeYears: positiveOption("half-life", opts.halfLife as string),
        threshold: positiveOption("threshold", opts.threshold as string),
      });
      if (opts.json) {
        printJson(v);
        return;
      }
      const b = v.balance;
      process.stdout.write(
        `${v.scenario} network at ${v.at}: ${b.nodes} actors, ${b.edges} ties (${b.negativeEdges} negative)\n` +
          `weighted frustration ${b.frustration.toFixed(3)}${b.optimal ? " (proven)" : ` (not proven; ≥ ${b.lowerBound.toFixed(3)})`}, ` +
          `normalised ${b.normalizedFrustration?.toFixed(3) ?? "—"}, triangle index ${b.triangleIndex?.toFixed(3) ?? "—"}, walk index ${b.walkIndex?.toFixed(3) ?? "—"}\n\n`,
      );
      const f = v.focalView;
      if (!f.inNetwork) process.stdout.write(`${v.focal} has no tie in the network at ${v.at}\n`);
      else {
        process.stdout.write(
          `${v.focal}'s bloc: ${f.allies.join(" ") || "(alone)"}\nother bloc: ${f.opponents.join(" ") || "(empty)"}\n` +
            `frustrated ties of ${v.focal}: ${f.frustratedEdges.map(([x, y]) => `${x}–${y}`).join(", ") || "none"}\n\n`,
        );
      }
      printTable(
        [...v.brokerage.nodes]
          .sort((x, y) => y.betweenness - x.betweenness)
          .slice(0, 15)
          .map((x) => ({
            id: x.id,
            bloc: x.bloc,
            betweenness: x.betweenness,
            constraint: x.constraint,
            effectiveSize: x.effectiveSize,
            itinerant: x.roles.itinerant,
            gatekeeper: x.roles.gatekeeper,
            representative: x.roles.representative,
          })),
      );
    });
}
