import { queryEvents } from "../data/query-events.ts";
import type { ClaimCheck } from "../measure/claims.ts";
import type { Scorecard } from "../measure/scorecard.ts";
import type { Event } from "../model/event.ts";
import type { Scenario } from "../model/scenario.ts";
import type { ReportCorridor } from "./corridor-leverage.ts";
import { flowSharesByYear, type YearShares } from "./flow-shares.ts";

export interface ReportOptions {
  focal: string;
  from: number;
  to: number;
}

export interface PartnerYear {
  partner: string;
  year: number;
  events: number;
  goldsteinSum: number;
}

export interface ReportSource {
  source: string;
  records: number;
}

/** Everything a report shows, computed from the scenario (and, as they land, the measures). */
export interface ReportData {
  focal: string;
  focalName: string;
  scenario: Scenario["meta"];
  from: number;
  to: number;
  generated: string;
  events: Event[];
  eventsByYear: {
    year: number;
    level: string;
    cooperation: number;
    conflict: number;
    neutral: number;
  }[];
  partnerYears: PartnerYear[];
  topPartners: string[];
  arms: YearShares[];
  gas: YearShares[];
  memberships: Scenario["memberships"];
  projects: Scenario["projects"];
  sources: ReportSource[];
  /** The ANA scorecard, or why it is missing. */
  scorecard: Scorecard | null;
  scorecardNote?: string;
  /** The seed's claims checked (only for the scenario's own focal state), or why they are missing. */
  claims: ClaimCheck[] | null;
  claimsNote?: string;
  /** The focal state's corridor leverage with intervals, flags and tornado, or why it is missing. */
  corridor: ReportCorridor | null;
  corridorNote?: string;
  names: Record<string, string>;
}

/** Gather a report's content for a focal state and year range from a loaded scenario. */
export function buildReport(s: Scenario, o: ReportOptions): ReportData {
  const names = Object.fromEntries(s.actors.map((a) => [a.id, a.name]));
  const events = queryEvents(s.events, { actor: o.focal, from: String(o.from), to: String(o.to) });
  const eventsByYear: ReportData["eventsByYear"] = [];
  for (let y = o.from; y <= o.to; y++)
    for (const level of ["neighbourhood", "regional", "systemic", "unassigned"]) {
      const xs = events.filter(
        (e) => e.date.startsWith(String(y)) && (e.level ?? "unassigned") === level,
      );
      if (level === "unassigned" && xs.length === 0) continue;
      eventsByYear.push({
        year: y,
        level,
        cooperation: xs.filter((e) => e.goldstein > 0).length,
        conflict: xs.filter((e) => e.goldstein < 0).length,
        neutral: xs.filter((e) => e.goldstein === 0).length,
      });
    }
  const py = new Map<string, PartnerYear>();
  for (const e of events) {
    const year = Number(e.date.slice(0, 4));
    for (const p of new Set(e.actors)) {
      if (p === o.focal) continue;
      const k = `${p}|${year}`;
      const r = py.get(k) ?? { partner: p, year, events: 0, goldsteinSum: 0 };
      r.events++;
      r.goldsteinSum += e.goldstein;
      py.set(k, r);
    }
  }
  const partnerYears = [...py.values()].sort(
    (a, b) => a.year - b.year || a.partner.localeCompare(b.partner),
  );
  const counts = new Map<string, number>();
  for (const r of partnerYears) counts.set(r.partner, (counts.get(r.partner) ?? 0) + r.events);
  const topPartners = [...counts.entries()]
    .filter(([p]) => s.actors.find((a) => a.id === p)?.kind === "state")
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([p]) => p);
  const inRange = (y: YearShares) => y.year >= o.from && y.year <= o.to;
  const arms = flowSharesByYear(s.flows, o.focal, "arms").filter(inRange);
  const gas = flowSharesByYear(s.flows, o.focal, "gas").filter(inRange);
  const memberships = s.memberships.filter((m) => m.actor === o.focal);
  const projects = s.projects.filter((p) => p.route.includes(o.focal));
  // Sources of everything the report shows.
  const cited = new Map<string, number>();
  const cite = (src: string) => cited.set(src, (cited.get(src) ?? 0) + 1);
  for (const e of events) cite(e.source);
  const flowsShown = s.flows.filter(
    (f) =>
      (f.domain === "arms" || f.domain === "gas") &&
      (f.from === o.focal || f.to === o.focal) &&
      f.year >= o.from &&
      f.year <= o.to,
  );
  for (const f of flowsShown) cite(f.source);
  for (const m of memberships) cite(m.source);
  for (const p of projects) cite(p.source);
  const sources = [...cited.entries()]
    .map(([source, records]) => ({ source, records }))
    .sort((a, b) => b.records - a.records || a.source.localeCompare(b.source));
  return {
    focal: o.focal,
    focalName: names[o.focal] ?? o.focal,
    scenario: s.meta,
    from: o.from,
    to: o.to,
    generated: new Date().toISOString().slice(0, 10),
    events,
    eventsByYear,
    partnerYears,
    topPartners,
    arms,
    gas,
    memberships,
    projects,
    sources,
    scorecard: null,
    scorecardNote: "not computed",
    claims: null,
    claimsNote: "not computed",
    corridor: null,
    corridorNote: "not computed",
    names,
  };
}
