import type { Event } from "../model/event.ts";
import { coversYear, dateYear } from "../model/partial-date.ts";
import { isCurated, type Scenario } from "../model/scenario.ts";
import { rivalPairs } from "./poles.ts";
import type { DataStatus } from "./status.ts";

const FULL = new Set(["member", "founding-member"]);

/** How events count as forums hosted and as mediation (named in the output). */
export const HOSTING_RULE =
  "focal state is the event's initiator and the title says host/summit/forum/conference";
export const MEDIATION_RULE =
  "CAMEO 045 (mediate) events initiated by the focal state, which is not among the targets";

export function isHosted(e: Event, focal: string): boolean {
  return (
    e.initiator === focal &&
    /\b(host|hosts|hosted|hosting|summit|forum|conference)\b/i.test(e.title)
  );
}

export function isMediation(e: Event, focal: string): boolean {
  return (
    e.initiator === focal &&
    !e.target.includes(focal) &&
    (e.cameoCode?.startsWith("045") ?? false) &&
    e.target.length > 0
  );
}

export interface MultilateralismRow {
  year: number;
  /** Organisations with full (member, founding) and partial (partner, observer, dialogue partner, associate, candidate) status. */
  full: number | null;
  partial: number | null;
  /** False when the scenario lists none of the focal state's memberships: counts are unknown (null), not 0. */
  membershipsKnown: boolean;
  /** False when the scenario has no events: hosting and mediation are unknown. */
  eventsKnown: boolean;
  organisations: { id: string; status: string; source: string }[];
  /** Organisations the focal state belongs to that also hold members on both sides of a rivalry. */
  bridging: { organisation: string; rivalries: string[] }[];
  /**
   * Whether the year's hosting and mediation records are a measurement: "data" only when
   * scenario.yaml declares the kind curated for the year (`curated:`); otherwise the lists below
   * are the records found, and their counts are "no data" (they measure search effort).
   */
  hostingStatus: DataStatus;
  mediationStatus: DataStatus;
  hosted: { id: string; date: string; title: string; source: string }[];
  mediation: { id: string; date: string; title: string; targets: string[]; source: string }[];
}

/**
 * Multilateral embeddedness of the focal state per year, from the scenario: memberships by
 * status, bridging organisations (ones holding members of both sides of an active rivalry,
 * poles resolved to their members), forums hosted and mediation events.
 */
export function multilateralism(
  s: Pick<Scenario, "memberships" | "poles" | "rivalries" | "events"> & {
    meta?: Pick<Scenario["meta"], "curated">;
  },
  focal: string,
  from: number,
  to: number,
): MultilateralismRow[] {
  const out: MultilateralismRow[] = [];
  const membershipsKnown = s.memberships.some((m) => m.actor === focal);
  const eventsKnown = s.events.length > 0;
  for (let y = from; y <= to; y++) {
    const active = s.memberships.filter(
      (m) => m.status !== "suspended" && coversYear(m.from, m.to, y),
    );
    const mine = active.filter((m) => m.actor === focal);
    const members = (org: string) =>
      new Set(active.filter((m) => m.organisation === org).map((m) => m.actor));
    const pairs = rivalPairs(s, y);
    const bridging: MultilateralismRow["bridging"] = [];
    for (const m of mine) {
      const mem = members(m.organisation);
      const hits = pairs
        .filter((p) => p.aMembers.some((a) => mem.has(a)) && p.bMembers.some((b) => mem.has(b)))
        .map((p) => `${p.a}–${p.b}`);
      if (hits.length > 0)
        bridging.push({ organisation: m.organisation, rivalries: [...new Set(hits)] });
    }
    const evs = s.events.filter((e) => dateYear(e.date) === y);
    out.push({
      year: y,
      full: membershipsKnown
        ? new Set(mine.filter((m) => FULL.has(m.status)).map((m) => m.organisation)).size
        : null,
      partial: membershipsKnown
        ? new Set(mine.filter((m) => !FULL.has(m.status)).map((m) => m.organisation)).size
        : null,
      membershipsKnown,
      eventsKnown,
      hostingStatus: eventsKnown && s.meta && isCurated(s.meta, "hosting", y) ? "data" : "no data",
      mediationStatus:
        eventsKnown && s.meta && isCurated(s.meta, "mediation", y) ? "data" : "no data",
      organisations: mine.map((m) => ({ id: m.organisation, status: m.status, source: m.source })),
      bridging,
      hosted: evs
        .filter((e) => isHosted(e, focal))
        .map((e) => ({ id: e.id, date: e.date, title: e.title, source: e.source })),
      mediation: evs
        .filter((e) => isMediation(e, focal))
        .map((e) => ({
          id: e.id,
          date: e.date,
          title: e.title,
          targets: e.target,
          source: e.source,
        })),
    });
  }
  return out;
}
