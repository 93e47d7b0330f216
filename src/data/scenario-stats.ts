import type { Event } from "../model/event.ts";
import { dateYear } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import { SCENARIO_RECORD_KINDS } from "../model/scenario.ts";

/** Event counts for one group (a level, an actor or a year). */
export interface EventCounts {
  /** Number of events. */
  events: number;
  /** Number of distinct sources cited by those events. */
  sources: number;
  /** Events with Goldstein weight > 0. */
  cooperation: number;
  /** Events with Goldstein weight < 0. */
  conflict: number;
  /** Events with Goldstein weight exactly 0. */
  neutral: number;
}

export interface LevelCounts extends EventCounts {
  /** neighbourhood, regional, systemic, or "(none)" for events without a level. */
  level: string;
}
export interface ActorCounts extends EventCounts {
  actor: string;
}
export interface YearCounts extends EventCounts {
  year: number;
}

/** `ana data stats`: how much evidence a scenario holds, and where. */
export interface ScenarioStats {
  scenario: string;
  focal: string;
  /** Totals over every event. */
  total: EventCounts;
  /** Distinct sources over every record of every file (events, flows, ties, …). */
  sourcesAllRecords: number;
  byLevel: LevelCounts[];
  /** Every actor named in an event's actors list, most events first. */
  byActor: ActorCounts[];
  byYear: YearCounts[];
  /** Events whose date falls inside the scenario's from–to years. */
  inWindow: EventCounts & { from: number; to: number };
}

/** Sources compare after trimming and dropping a trailing slash, so a URL cited twice counts once. */
function sourceKey(s: string): string {
  return s.trim().replace(/\/+$/, "");
}

/** Count events, distinct sources and tone for a set of events. */
export function countEvents(events: readonly Event[]): EventCounts {
  const sources = new Set<string>();
  let cooperation = 0;
  let conflict = 0;
  let neutral = 0;
  for (const e of events) {
    sources.add(sourceKey(e.source));
    if (e.goldstein > 0) cooperation++;
    else if (e.goldstein < 0) conflict++;
    else neutral++;
  }
  return { events: events.length, sources: sources.size, cooperation, conflict, neutral };
}

function groupBy<K>(events: readonly Event[], keys: (e: Event) => K[]): Map<K, Event[]> {
  const m = new Map<K, Event[]>();
  for (const e of events)
    for (const k of new Set(keys(e))) {
      const list = m.get(k);
      if (list) list.push(e);
      else m.set(k, [e]);
    }
  return m;
}

/** Counts of events and of distinct sources per level, per actor and per year, by tone. */
export function scenarioStats(s: Scenario): ScenarioStats {
  const ev = s.events;
  const byLevel = [...groupBy(ev, (e) => [e.level ?? "(none)"])]
    .map(([level, list]) => ({ level, ...countEvents(list) }))
    .sort((a, b) => a.level.localeCompare(b.level));
  const byActor = [...groupBy(ev, (e) => e.actors)]
    .map(([actor, list]) => ({ actor, ...countEvents(list) }))
    .sort((a, b) => b.events - a.events || a.actor.localeCompare(b.actor));
  const byYear = [...groupBy(ev, (e) => [dateYear(e.date)])]
    .map(([year, list]) => ({ year, ...countEvents(list) }))
    .sort((a, b) => a.year - b.year);
  const from = dateYear(s.meta.from);
  const to = dateYear(s.meta.to);
  const all = new Set<string>();
  for (const key of SCENARIO_RECORD_KINDS)
    for (const r of s[key] as { source: string }[]) all.add(sourceKey(r.source));
  return {
    scenario: s.meta.id,
    focal: s.meta.focal,
    total: countEvents(ev),
    sourcesAllRecords: all.size,
    byLevel,
    byActor,
    byYear,
    inWindow: {
      from,
      to,
      ...countEvents(ev.filter((e) => dateYear(e.date) >= from && dateYear(e.date) <= to)),
    },
  };
}
