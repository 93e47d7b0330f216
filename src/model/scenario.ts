import { z } from "zod";
import type { Actor } from "./actor.ts";
import type { Event } from "./event.ts";
import type { Flow } from "./flow.ts";
import type { LevelAssignment } from "./level.ts";
import type { Membership } from "./membership.ts";
import { partialDate } from "./partial-date.ts";
import type { PoleMember } from "./pole.ts";
import type { Project } from "./project.ts";
import type { Rivalry } from "./rivalry.ts";
import { actorCode } from "./source.ts";
import type { Tie } from "./tie.ts";

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
});
export type ScenarioMeta = z.infer<typeof ScenarioMeta>;

/** The record kinds of a scenario, one CSV file (and one store table) each, in load order. */
export const SCENARIO_RECORD_KINDS = [
  "actors",
  "memberships",
  "poles",
  "rivalries",
  "levels",
  "ties",
  "events",
  "flows",
  "projects",
] as const;
export type ScenarioRecordKind = (typeof SCENARIO_RECORD_KINDS)[number];

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
