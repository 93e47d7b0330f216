import { betweenness } from "./betweenness.ts";
import { type BrokerageRoles, brokerageRoles } from "./brokerage-roles.ts";
import { frustrationIndex } from "./frustration-index.ts";
import type { SignedGraph } from "./signed-graph.ts";
import { structuralHoles } from "./structural-holes.ts";

export interface BrokerageOptions {
  weighted?: boolean;
  /** Bloc of each node; when absent, the two blocs of the exact frustration partition. */
  blocs?: Map<string, string>;
  /** Which ties carry brokerage: positive ones (default) or all, ignoring sign. */
  ties?: "positive" | "all";
  /**
   * Time limit (s) for the whole report: the balance partition (when blocs are not given) gets
   * half; betweenness throws a TimeLimitError when it cannot finish in time.
   */
  timeLimit?: number;
}

export interface BrokerageNode {
  id: string;
  betweenness: number;
  constraint: number | null;
  effectiveSize: number | null;
  roles: BrokerageRoles;
  degree: number;
  /** Effective size / degree. */
  efficiency: number | null;
  bloc: string | null;
}

export interface BrokerageResult {
  nodes: BrokerageNode[];
  weighted: boolean;
  ties: "positive" | "all";
  blocSource: "given" | "balance";
  /** Whether the balance partition used for blocs is proven optimal (null when blocs were given). */
  blocsOptimal: boolean | null;
}

/**
 * Brokerage measures of every node: betweenness (Brandes), Burt's constraint and effective size,
 * and Gould–Fernandez roles across blocs. Computed on the positive ties by default (hostile ties
 * are not channels of brokerage); `ties: "all"` uses every tie regardless of sign.
 */
export async function brokerageReport(
  g: SignedGraph,
  options: BrokerageOptions = {},
): Promise<BrokerageResult> {
  // The time limit bounds the whole report: the balance partition may use half of it, and
  // betweenness (which has no partial answer) stops with a TimeLimitError at the deadline.
  const deadline = performance.now() + (options.timeLimit ?? 60) * 1000;
  const weighted = options.weighted ?? false;
  const ties = options.ties ?? "positive";
  const edges = ties === "all" ? g.edges : g.edges.filter((e) => e.sign > 0);
  const n = g.nodes.length;
  let bloc: (string | undefined)[];
  let blocsOptimal: boolean | null = null;
  if (options.blocs) {
    const blocs = options.blocs;
    bloc = g.nodes.map((v) => blocs.get(v));
  } else {
    const f = await frustrationIndex(g, {
      weighted,
      timeLimit: Math.max(0.01, (deadline - performance.now()) / 2000),
    });
    bloc = Array.from(f.side, (s) => String(s));
    blocsOptimal = f.optimal;
  }
  const bc = betweenness(n, edges, weighted, { deadline });
  const sh = structuralHoles(n, edges, weighted);
  const roles = brokerageRoles(n, edges, bloc);
  const degree = new Array<number>(n).fill(0);
  for (const e of edges) {
    degree[e.u]++;
    degree[e.v]++;
  }
  return {
    nodes: g.nodes.map((id, i) => ({
      id,
      betweenness: bc[i],
      constraint: sh.constraint[i],
      effectiveSize: sh.effectiveSize[i],
      roles: roles[i],
      degree: degree[i],
      efficiency:
        sh.effectiveSize[i] === null || degree[i] === 0 ? null : sh.effectiveSize[i]! / degree[i],
      bloc: bloc[i] ?? null,
    })),
    weighted,
    ties,
    blocSource: options.blocs ? "given" : "balance",
    blocsOptimal,
  };
}
