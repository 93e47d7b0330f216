import { coversDate, dateStart } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import { buildSignedGraph, type LabelledEdge, type SignedGraph } from "./signed-graph.ts";

export interface ScenarioGraphOptions {
  /** Half-life of an event's weight, in years (default 1). */
  halfLifeYears?: number;
  /** Dyads whose net score is smaller than this in absolute value get no edge (default 0.1). */
  threshold?: number;
}

/** How each edge of a scenario graph was made, for tracing a sign back to its sources. */
export interface DyadEvidence {
  source: string;
  target: string;
  sign: 1 | -1;
  weight: number;
  /** Standing-tie score T and decayed event score E (score = T + E). */
  tieScore: number;
  eventScore: number;
  /** Active ties: "domain sign×strength". */
  ties: string[];
  /** Number of events counted (dated on or before the date). */
  events: number;
  /** True when an active rivalry or conflict tie fixed the sign to −1. */
  hostile: boolean;
}

export interface ScenarioGraph {
  graph: SignedGraph;
  evidence: DyadEvidence[];
  at: string;
  rule: string;
}

export const SCENARIO_GRAPH_RULE =
  "Edge sign and weight for a dyad at date D: T = −(strongest active rivalry/conflict tie) if any is active, " +
  "else (strongest active positive tie) − (strongest active other negative tie); ties count when from ≤ D ≤ to " +
  "(partial dates cover their whole period; strength defaults to 1). E = Σ over events dated on or before D of " +
  "(Goldstein/10)·2^(−age/h), h = half-life in years (default 1), each event counted for initiator×target pairs " +
  "when both are given, else for every pair of its actors. Score s = T + E. The sign is −1 whenever an active " +
  "rivalry or conflict tie exists (standing hostility is not cancelled by talks or by formal treaty ties), else " +
  "sign(s); the weight is |s| (at least the threshold for hostile dyads). Dyads with |s| below the threshold " +
  "(default 0.1) and no hostile tie get no edge.";

const HOSTILE = new Set(["rivalry", "conflict"]);

/**
 * The scenario's signed network at a date, from its standing ties and its dated events, by the
 * rule in `SCENARIO_GRAPH_RULE` (documented in docs/measures/network.md).
 */
export function scenarioGraph(
  s: Scenario,
  at: string,
  options: ScenarioGraphOptions = {},
): ScenarioGraph {
  const day = dateStart(at);
  const h = options.halfLifeYears ?? 1;
  const threshold = options.threshold ?? 0.1;
  const dyads = new Map<
    string,
    {
      a: string;
      b: string;
      pos: number;
      neg: number;
      hostile: number;
      e: number;
      ties: string[];
      events: number;
    }
  >();
  const get = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let d = dyads.get(key);
    if (!d) {
      d = { a, b, pos: 0, neg: 0, hostile: 0, e: 0, ties: [], events: 0 };
      dyads.set(key, d);
    }
    return d;
  };
  for (const t of s.ties) {
    if (t.a === t.b || !coversDate(t.from, t.to, day)) continue;
    const d = get(t.a, t.b);
    const w = t.strength ?? 1;
    d.ties.push(`${t.domain} ${t.sign > 0 ? "+" : "−"}${w}`);
    if (t.sign > 0) d.pos = Math.max(d.pos, w);
    else if (HOSTILE.has(t.domain)) d.hostile = Math.max(d.hostile, w);
    else d.neg = Math.max(d.neg, w);
  }
  const t0 = Date.parse(day);
  for (const ev of s.events) {
    const start = dateStart(ev.date);
    if (start > day) continue;
    const age = (t0 - Date.parse(start)) / (365.25 * 86400000);
    const x = (ev.goldstein / 10) * 2 ** (-age / h);
    const pairs: [string, string][] = [];
    if (ev.initiator && ev.target.length) for (const t of ev.target) pairs.push([ev.initiator, t]);
    else
      for (let i = 0; i < ev.actors.length; i++)
        for (let j = i + 1; j < ev.actors.length; j++) pairs.push([ev.actors[i], ev.actors[j]]);
    for (const [a, b] of pairs) {
      if (a === b) continue;
      const d = get(a, b);
      d.e += x;
      d.events++;
    }
  }
  const edges: LabelledEdge[] = [];
  const evidence: DyadEvidence[] = [];
  for (const d of dyads.values()) {
    const tie = d.hostile > 0 ? -d.hostile : d.pos - d.neg;
    const score = tie + d.e;
    const hostile = d.hostile > 0;
    if (!hostile && Math.abs(score) < threshold) continue;
    const sign: 1 | -1 = hostile || score < 0 ? -1 : 1;
    const weight = hostile ? Math.max(threshold, Math.abs(score)) : Math.abs(score);
    edges.push({ source: d.a, target: d.b, sign, weight });
    evidence.push({
      source: d.a,
      target: d.b,
      sign,
      weight,
      tieScore: tie,
      eventScore: d.e,
      ties: d.ties,
      events: d.events,
      hostile,
    });
  }
  return { graph: buildSignedGraph(edges), evidence, at, rule: SCENARIO_GRAPH_RULE };
}
