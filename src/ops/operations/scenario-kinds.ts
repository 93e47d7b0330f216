/**
 * A scenario's record kinds (model/scenario.ts `SCENARIO_RECORD_KINDS`, whose module loads zod;
 * repeated so that the command list loads without it — test/ops/registry.test.ts checks they are
 * the same), and the parts `ana scenario show` / `GET /api/scenario` can include.
 */
export const RECORD_KINDS = [
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

export const SCENARIO_PARTS = [
  "levels",
  "poles",
  "rivalries",
  "ties",
  "flows",
  "projects",
  "memberships",
] as const;
