import type { SignedEdge } from "./signed-graph.ts";

/** Gould & Fernandez (1989) brokerage role counts of one node. */
export interface BrokerageRoles {
  /** a, b, c all in one group. */
  coordinator: number;
  /** b's group differs from a's and c's, which are the same (consultant). */
  itinerant: number;
  /** b in c's group, a outside: b controls access into its group. */
  gatekeeper: number;
  /** b in a's group, c outside: b speaks for its group outward. */
  representative: number;
  /** a, b and c in three different groups. */
  liaison: number;
}

/**
 * Gould–Fernandez brokerage roles: for every two-path a → b → c with a ≠ c and no tie a–c,
 * the broker b gets one role from the groups of a, b and c. Undirected ties count as arcs both
 * ways (as when a symmetric network is given to statnet's `brokerage`), so each open pair
 * {a, c} around b counts twice, and gatekeeper and representative counts are equal. Paths
 * touching a node without a group (`undefined`) are not counted.
 */
export function brokerageRoles(
  n: number,
  edges: SignedEdge[],
  group: (number | string | undefined)[],
): BrokerageRoles[] {
  const nbr: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const e of edges) {
    nbr[e.u].add(e.v);
    nbr[e.v].add(e.u);
  }
  const out: BrokerageRoles[] = [];
  for (let b = 0; b < n; b++) {
    const r: BrokerageRoles = {
      coordinator: 0,
      itinerant: 0,
      gatekeeper: 0,
      representative: 0,
      liaison: 0,
    };
    const gb = group[b];
    if (gb !== undefined) {
      const list = [...nbr[b]];
      for (const a of list) {
        const ga = group[a];
        if (ga === undefined) continue;
        for (const c of list) {
          if (c === a || nbr[a].has(c)) continue;
          const gc = group[c];
          if (gc === undefined) continue;
          if (ga === gb && gb === gc) r.coordinator++;
          else if (ga === gc) r.itinerant++;
          else if (gb === gc) r.gatekeeper++;
          else if (ga === gb) r.representative++;
          else r.liaison++;
        }
      }
    }
    out.push(r);
  }
  return out;
}
