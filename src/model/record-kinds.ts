/**
 * The record kinds of a scenario, one CSV file each, in load order. In a module of its own (no
 * zod) so that the command list can name them without loading the schemas.
 */
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
