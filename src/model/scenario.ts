import { z } from "zod";
import type { Actor } from "./actor.ts";
import type { Event } from "./event.ts";
import { FLOW_DOMAINS, type Flow } from "./flow.ts";
import type { LevelAssignment } from "./level.ts";
import type { Membership } from "./membership.ts";
import { coversYear, dateStart, partialDate } from "./partial-date.ts";
import type { PoleMember } from "./pole.ts";
import type { Project } from "./project.ts";
import type { Rivalry } from "./rivalry.ts";
import { actorCode } from "./source.ts";
import type { Tie } from "./tie.ts";

/** Record kinds whose counts enter measures only where the scenario declares them curated. */
export const CURATED_KINDS = ["hosting", "mediation", "rivalries"] as const;
export type CuratedKind = (typeof CURATED_KINDS)[number];

/** A span of years declared in scenario.yaml, with how it was compiled and its source. */
const Declaration = z
  .object({
    from: partialDate,
    to: partialDate,
    note: z.string().min(1, { message: "say how the records were compiled" }),
    source: z.string().min(1, { message: "cite where the declaration comes from" }),
  })
  .strict()
  .refine((d) => dateStart(d.from) <= dateStart(d.to), {
    message: "ends before it starts",
    path: ["to"],
  });

/**
 * `curated:` — record kinds counted systematically for these years; counts of a kind are
 * "no data" outside its declared span (and everywhere when it is not declared).
 */
export const CuratedDeclarations = z
  .object({
    hosting: Declaration.optional(),
    mediation: Declaration.optional(),
    /** Years whose rivalry rows (a dataset or hand-coded, sourced rows) are the full set. */
    rivalries: Declaration.optional(),
  })
  .strict();

/**
 * `complete:` — flow domain-years whose partner rows are the full partner set, so partner
 * shares are "data" without a WORLD (reporter total) row.
 */
export const CompleteDeclaration = Declaration.and(z.object({ domain: z.enum(FLOW_DOMAINS) }));

/** `scenario.yaml`: what the folder is about. */
export const ScenarioMeta = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
    message: "not a scenario id: lower-case letters, digits and - (e.g. azerbaijan)",
  }),
  name: z.string().min(1),
  focal: actorCode,
  description: z.string().optional(),
  from: partialDate,
  to: partialDate,
  /** Who compiled it and when, for citation. */
  compiled: z.string().optional(),
  /** Record kinds counted systematically, by years (TEAM.md interface 3). */
  curated: CuratedDeclarations.optional(),
  /** Flow domain-years declared complete (no WORLD row needed). */
  complete: z.array(CompleteDeclaration).optional(),
});
export type ScenarioMeta = z.infer<typeof ScenarioMeta>;

export { SCENARIO_RECORD_KINDS, type ScenarioRecordKind } from "./record-kinds.ts";

/** A validated scenario: every record with its source. */
export interface Scenario {
  meta: ScenarioMeta;
  dir: string;
  actors: Actor[];
  memberships: Membership[];
  poles: PoleMember[];
  rivalries: Rivalry[];
  levels: LevelAssignment[];
  ties: Tie[];
  events: Event[];
  flows: Flow[];
  projects: Project[];
}

/** Whether the scenario declares record kind `kind` curated (counted systematically) in `year`. */
export function isCurated(
  meta: Pick<ScenarioMeta, "curated">,
  kind: CuratedKind,
  year: number,
): boolean {
  const d = meta.curated?.[kind];
  return d !== undefined && coversYear(d.from, d.to, year);
}

/** The `complete` declaration covering a flow domain in `year`, if any. */
export function completeDeclaration(
  meta: Pick<ScenarioMeta, "complete">,
  domain: string,
  year: number,
): { note: string; source: string } | undefined {
  return meta.complete?.find((d) => d.domain === domain && coversYear(d.from, d.to, year));
}
