import {
  type EventRecord,
  eventRecordsFromScenario,
  relationScoreAt,
} from "../../measure/relations.ts";
import type { Event } from "../../model/event.ts";

/**
 * The decayed relation score of focal–partner at an instant (ms), or null when its status is not
 * "data" (no event of the dyad within one half-life before the instant: an echo of older events
 * is no data, never read as neutral).
 */
export function relationScore(
  records: readonly EventRecord[],
  focal: string,
  partner: string,
  at: number,
  halfLifeDays: number,
): number | null {
  const r = relationScoreAt(records, focal, partner, at, halfLifeDays);
  return r.status === "data" ? r.score : null;
}

/** Records of the focal state's dyads with the given partners only (speeds up the draws). */
export function dyadRecords(
  records: readonly EventRecord[],
  focal: string,
  partners: readonly string[],
): EventRecord[] {
  const ps = new Set(partners);
  return records.filter(
    (r) => (r.source === focal && ps.has(r.target)) || (r.target === focal && ps.has(r.source)),
  );
}

/** Whether an event yields a record of the focal–partner dyad (a third party acting on both does not). */
export function linksDyad(e: Event, focal: string, partner: string): boolean {
  if (!e.actors.includes(focal) || !e.actors.includes(partner)) return false;
  return eventRecordsFromScenario([e]).some(
    (r) =>
      (r.source === focal && r.target === partner) || (r.source === partner && r.target === focal),
  );
}
