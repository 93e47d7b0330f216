import { hasRelation } from "../measure/panel.ts";
import { coversYear } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { FULL_STATUSES } from "./rules/membership-from.ts";
import type { PeerSetSpec } from "./schema.ts";

/** A resolved peer set: its states and how they were found. */
export interface PeerSet {
  id: string;
  name: string;
  members: string[];
  how: string;
  source: string;
}

/**
 * The states of a named peer set in a year: listed in the claims file (with a source), full
 * members of an organisation in the scenario's memberships.csv, or states of the reference
 * panel's state list (COW state system) entering in a year within given code ranges.
 */
export async function resolvePeerSet(
  id: string,
  spec: PeerSetSpec,
  year: number,
  ctx: { store: Store; scenario: Scenario },
): Promise<PeerSet> {
  const base = { id, name: spec.name, source: spec.source };
  if (spec.members) return { ...base, members: [...spec.members], how: "listed in claims.yaml" };
  if (spec.organisation) {
    const members = ctx.scenario.memberships
      .filter(
        (m) =>
          m.organisation === spec.organisation &&
          (FULL_STATUSES as readonly string[]).includes(m.status) &&
          coversYear(m.from, m.to, year),
      )
      .map((m) => m.actor);
    return {
      ...base,
      members: [...new Set(members)],
      how: `full members of ${spec.organisation} in ${year} (scenario memberships.csv)`,
    };
  }
  const p = spec.panel!;
  if (!(await hasRelation(ctx.store, "ref_states")))
    throw new Error(
      `peer set ${id}: the reference panel's state list (ref_states) is not attached`,
    );
  const rows = await ctx.store.all<{ iso3: string; ccode: number }>(
    "SELECT DISTINCT iso3, ccode FROM ref_states WHERE styear = ? AND iso3 IS NOT NULL",
    [p.enteredYear],
  );
  const inRange = rows
    .filter((r) => p.ccodeRanges.some(([a, b]) => r.ccode >= a && r.ccode <= b))
    .map((r) => r.iso3);
  return {
    ...base,
    members: [...new Set([...inRange, ...p.include])].sort(),
    how: `reference panel state list: states entering the system in ${p.enteredYear} with COW codes ${p.ccodeRanges.map(([a, b]) => `${a}–${b}`).join(", ")}${p.include.length ? `, plus ${p.include.join(", ")}` : ""}`,
  };
}
