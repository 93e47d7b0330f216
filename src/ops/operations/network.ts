import { printTable } from "../../cli/output.ts";
import type { NetworkView } from "../../network/network-view.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { OpError } from "../errors.ts";
import { TIME_LIMITS, timeLimit } from "../limits.ts";
import { p } from "../params.ts";

export const network = defineOperation({
  name: "network",
  summary:
    "balance and brokerage of the scenario's signed network at a date, seen from a state: exact balance (blocs, frustrated edges, bounds) and brokerage",
  params: {
    focal: p.code("focal state, e.g. AZE"),
    at: p.date("date YYYY, YYYY-MM or YYYY-MM-DD"),
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    timeLimit: p
      .number("time limit for the exact frustration index", { positive: true, arg: "<seconds>" })
      .optional(
        `${TIME_LIMITS.local} s; over HTTP ${TIME_LIMITS.server} s, at most ${TIME_LIMITS.serverMax}`,
      ),
    groups: p
      .number("also find the best partition into at most k clusters", {
        int: true,
        min: 1,
        max: 32,
        arg: "<k>",
      })
      .optional(),
    halfLife: p
      .number("half-life of an event's weight", { positive: true, max: 100, arg: "<years>" })
      .default(1),
    threshold: p
      .number("smallest |score| that makes an edge", { positive: true, max: 1, arg: "<score>" })
      .default(0.1),
  },
  positionals: ["focal"],
  http: {
    method: "get",
    path: "/api/network",
    tag: "network",
    // Identical requests share one solve; only proven-optimal answers are kept.
    memo: (v: NetworkView) => v.balance.optimal === true,
    responses: { "404": "focal is not an actor of the scenario" },
  },
  job: { kind: "network", maxSeconds: 60 },
  async run(ctx, q): Promise<NetworkView> {
    const { networkView } = await import("../../network/network-view.ts");
    const s = requireScenario(ctx, q.scenario).scenario;
    if (!s.actors.some((a) => a.id === q.focal))
      throw new OpError(404, `{focal}: ${q.focal} is not an actor of scenario ${s.meta.id}`);
    return networkView(s, q.focal, q.at, {
      timeLimit: timeLimit(ctx, q.timeLimit),
      groups: q.groups,
      halfLifeYears: q.halfLife,
      threshold: q.threshold,
    });
  },
  print(v) {
    const b = v.balance;
    process.stdout.write(
      `${v.scenario} network at ${v.at}: ${b.nodes} actors, ${b.edges} ties (${b.negativeEdges} negative)\n` +
        `weighted frustration ${b.frustration.toFixed(3)}${b.optimal ? " (proven)" : ` (not proven; ≥ ${b.lowerBound.toFixed(3)})`}, ` +
        `normalised ${b.normalizedFrustration?.toFixed(3) ?? "—"}, triangle index ${b.triangleIndex?.toFixed(3) ?? "—"}, walk index ${b.walkIndex?.toFixed(3) ?? "—"}\n\n`,
    );
    const f = v.focalView;
    if (!f.inNetwork) process.stdout.write(`${v.focal} has no tie in the network at ${v.at}\n`);
    else
      process.stdout.write(
        `${v.focal}'s bloc: ${f.allies.join(" ") || "(alone)"}\nother bloc: ${f.opponents.join(" ") || "(empty)"}\n` +
          `frustrated ties of ${v.focal}: ${f.frustratedEdges.map(([x, y]) => `${x}–${y}`).join(", ") || "none"}\n\n`,
      );
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
  },
});
