import type { Event } from "../model/event.ts";
import type { Level } from "../model/level.ts";
import { dateEnd, dateStart } from "../model/partial-date.ts";

export interface EventQuery {
  /** Events involving this actor. */
  actor?: string;
  /** …together with any of these actors. */
  with?: string[];
  /** Partial dates; an event counts when its date range overlaps [from, to]. */
  from?: string;
  to?: string;
  domain?: string;
  level?: Level;
  /** "cooperation" (Goldstein > 0) or "conflict" (< 0). */
  tone?: "cooperation" | "conflict";
}

/** Filter and date-sort scenario events. A month-precise event overlaps any range touching that month. */
export function queryEvents(events: readonly Event[], q: EventQuery): Event[] {
  const from = q.from ? dateStart(q.from) : undefined;
  const to = q.to ? dateEnd(q.to) : undefined;
  return events
    .filter((e) => {
      if (q.actor && !e.actors.includes(q.actor)) return false;
      if (q.with && q.with.length > 0 && !q.with.some((w) => e.actors.includes(w))) return false;
      if (from && dateEnd(e.date) < from) return false;
      if (to && dateStart(e.date) > to) return false;
      if (q.domain && e.domain !== q.domain) return false;
      if (q.level && e.level !== q.level) return false;
      if (q.tone === "cooperation" && !(e.goldstein > 0)) return false;
      if (q.tone === "conflict" && !(e.goldstein < 0)) return false;
      return true;
    })
    .sort((a, b) => dateStart(a.date).localeCompare(dateStart(b.date)) || a.id.localeCompare(b.id));
}
