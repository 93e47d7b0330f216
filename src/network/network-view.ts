import type { Scenario } from "../model/scenario.ts";
import { type BalanceResult, balanceReport } from "./balance-report.ts";
import { type BrokerageNode, type BrokerageResult, brokerageReport } from "./brokerage-report.ts";
import { type DyadEvidence, scenarioGraph } from "./scenario-graph.ts";

export interface NetworkViewOptions {
  timeLimit?: number;
  groups?: number;
  halfLifeYears?: number;
  threshold?: number;
}

export interface NetworkView {
  scenario: string;
  focal: string;
  at: string;
  rule: string;
  edges: DyadEvidence[];
  balance: BalanceResult;
  brokerage: BrokerageResult;
  /** The focal state's place: its bloc, the blocs' members, its frustrated ties and brokerage. */
  focalView: {
    inNetwork: boolean;
    bloc: 0 | 1 | null;
    allies: string[];
    opponents: string[];
    frustratedEdges: [string, string][];
    brokerage: BrokerageNode | null;
  };
}

/**
 * Balance and brokerage of a scenario's signed network at a date, with the focal state's view:
 * its bloc in the optimal two-bloc partition, its frustrated ties (the "hedger carries
 * frustration" signature) and its brokerage roles across the two blocs (weighted measures).
 */
export async function networkView(
  s: Scenario,
  focal: string,
  at: string,
  options: NetworkViewOptions = {},
): Promise<NetworkView> {
  const sg = scenarioGraph(s, at, {
    halfLifeYears: options.halfLifeYears,
    threshold: options.threshold,
  });
  const balance = await balanceReport(sg.graph, at, {
    weighted: true,
    timeLimit: options.timeLimit,
    groups: options.groups,
  });
  const blocs = new Map(Object.entries(balance.partition).map(([k, v]) => [k, String(v)]));
  const brokerage = await brokerageReport(sg.graph, { weighted: true, blocs });
  brokerage.blocSource = "balance";
  brokerage.blocsOptimal = balance.optimal;
  const inNetwork = focal in balance.partition;
  const bloc = inNetwork ? balance.partition[focal] : null;
  return {
    scenario: s.meta.id,
    focal,
    at,
    rule: sg.rule,
    edges: sg.evidence,
    balance,
    brokerage,
    focalView: {
      inNetwork,
      bloc,
      allies: inNetwork
        ? Object.keys(balance.partition).filter((k) => k !== focal && balance.partition[k] === bloc)
        : [],
      opponents: inNetwork
        ? Object.keys(balance.partition).filter((k) => balance.partition[k] !== bloc)
        : [],
      frustratedEdges: balance.frustratedEdges.filter(([a, b]) => a === focal || b === focal),
      brokerage: brokerage.nodes.find((x) => x.id === focal) ?? null,
    },
  };
}
