import { SCENARIO_RECORD_KINDS } from "../../model/record-kinds.ts";

/** A scenario's record kinds, and the parts `ana scenario show` / `GET /api/scenario` can include. */
export const RECORD_KINDS = SCENARIO_RECORD_KINDS;

export const SCENARIO_PARTS = [
  "levels",
  "poles",
  "rivalries",
  "ties",
  "flows",
  "projects",
  "memberships",
] as const;
