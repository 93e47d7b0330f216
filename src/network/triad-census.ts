import type { SignedGraph } from "./signed-graph.ts";
import { forEachTriangle } from "./triangles.ts";

/**
 * Signed triad census of an undirected signed graph: the number of triangles with three positive
 * edges (ppp), two positive and one negative (ppm), one positive and two negative (pmm), and three
 * negative (mmm). ppp and pmm are balanced in Heider's sense; ppm and mmm are not (mmm is balanced
 * under Davis's weak balance). Open triads carry no balance information and are not counted.
 */
export interface TriadCensus {
  ppp: number;
  ppm: number;
  pmm: number;
  mmm: number;
}

export function triadCensus(g: SignedGraph): TriadCensus {
  const c: TriadCensus = { ppp: 0, ppm: 0, pmm: 0, mmm: 0 };
  forEachTriangle(g, (a, b, d) => {
    const neg =
      (g.edges[a].sign < 0 ? 1 : 0) + (g.edges[b].sign < 0 ? 1 : 0) + (g.edges[d].sign < 0 ? 1 : 0);
    if (neg === 0) c.ppp++;
    else if (neg === 1) c.ppm++;
    else if (neg === 2) c.pmm++;
    else c.mmm++;
  });
  return c;
}

/**
 * Triangle index (Aref & Wilson 2018; signnet `balance_score(g, "triangles")`): the share of
 * triangles that are balanced, (ppp + pmm) / all. `null` when the graph has no triangle.
 */
export function triangleIndex(c: TriadCensus): number | null {
  const all = c.ppp + c.ppm + c.pmm + c.mmm;
  return all === 0 ? null : (c.ppp + c.pmm) / all;
}
