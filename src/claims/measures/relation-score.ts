import { type EventRecord, relationScoreAt } from "../../measure/relations.ts";

/**
 * The decayed relation score of focal–partner at an instant (ms), or null when no event of the
 * dyad precedes it (no data: never read as neutral).
 */
export function relationScore(
  records: readonly EventRecord[],
  focal: string,
  partner: string,
  at: number,
  halfLifeDays: number,
): number | null {
  return relationScoreAt(records, focal, partner, at, halfLifeDays).score;
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
