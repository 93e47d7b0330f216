export { Actor } from "./actor.ts";
export { EVENT_DOMAINS, Event } from "./event.ts";
export { FLOW_DOMAINS, Flow, type FlowDomain } from "./flow.ts";
export { LEVELS, type Level, LevelAssignment } from "./level.ts";
export { MEMBERSHIP_STATUSES, Membership } from "./membership.ts";
export {
  coversDate,
  coversYear,
  type DatePrecision,
  dateEnd,
  datePrecision,
  dateStart,
  dateYear,
} from "./partial-date.ts";
export { type Pole, PoleMember } from "./pole.ts";
export { PROJECT_STATUSES, Project } from "./project.ts";
export { Rivalry } from "./rivalry.ts";
export {
  SCENARIO_RECORD_KINDS,
  type Scenario,
  ScenarioMeta,
  type ScenarioRecordKind,
} from "./scenario.ts";
export { actorCode, source } from "./source.ts";
export { TIE_DOMAINS, Tie } from "./tie.ts";
