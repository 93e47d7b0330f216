import type { z } from "zod";
import { Actor } from "../model/actor.ts";
import { Event } from "../model/event.ts";
import { Flow } from "../model/flow.ts";
import { LevelAssignment } from "../model/level.ts";
import { Membership } from "../model/membership.ts";
import { PoleMember } from "../model/pole.ts";
import { Project } from "../model/project.ts";
import { Rivalry } from "../model/rivalry.ts";
import { Tie } from "../model/tie.ts";
import type { ColumnSpec } from "./read-table.ts";

/** One CSV file of a scenario folder: its name, columns and record schema. */
export interface ScenarioFileSpec {
  file: string;
  key:
    | "actors"
    | "memberships"
    | "poles"
    | "rivalries"
    | "levels"
    | "ties"
    | "events"
    | "flows"
    | "projects";
  required: boolean;
  columns: ColumnSpec[];
  schema: z.ZodType<unknown>;
}

const s = (column: string, key = column, required = false): ColumnSpec => ({
  column,
  key,
  type: "string",
  required,
});
const n = (column: string, key = column, required = false): ColumnSpec => ({
  column,
  key,
  type: "number",
  required,
});
const i = (column: string, key = column, required = false): ColumnSpec => ({
  column,
  key,
  type: "int",
  required,
});
const l = (column: string, key = column, required = false): ColumnSpec => ({
  column,
  key,
  type: "list",
  required,
});
const src = s("source", "source", true);
const notes = s("notes");

/** The files of a scenario folder, in load order. `docs/data-format.md` documents each. */
export const SCENARIO_FILES: ScenarioFileSpec[] = [
  {
    file: "actors.csv",
    key: "actors",
    required: true,
    columns: [
      s("id", "id", true),
      s("kind", "kind", true),
      s("name", "name", true),
      i("cow"),
      src,
      notes,
    ],
    schema: Actor,
  },
  {
    file: "memberships.csv",
    key: "memberships",
    required: false,
    columns: [
      s("actor", "actor", true),
      s("organisation", "organisation", true),
      s("status", "status", true),
      s("from", "from", true),
      s("to"),
      src,
      notes,
    ],
    schema: Membership,
  },
  {
    file: "poles.csv",
    key: "poles",
    required: false,
    columns: [
      s("pole", "pole", true),
      s("name", "name", true),
      s("actor", "actor", true),
      s("from"),
      s("to"),
      src,
      notes,
    ],
    schema: PoleMember,
  },
  {
    file: "rivalries.csv",
    key: "rivalries",
    required: false,
    columns: [s("a", "a", true), s("b", "b", true), s("from"), s("to"), src, notes],
    schema: Rivalry,
  },
  {
    file: "levels.csv",
    key: "levels",
    required: false,
    columns: [
      s("focal", "focal", true),
      s("partner", "partner", true),
      s("level", "level", true),
      s("from"),
      s("to"),
      s("basis"),
      src,
      notes,
    ],
    schema: LevelAssignment,
  },
  {
    file: "ties.csv",
    key: "ties",
    required: false,
    columns: [
      s("a", "a", true),
      s("b", "b", true),
      s("domain", "domain", true),
      i("sign", "sign", true),
      n("strength"),
      s("from"),
      s("to"),
      src,
      notes,
    ],
    schema: Tie,
  },
  {
    file: "events.csv",
    key: "events",
    required: false,
    columns: [
      s("id", "id", true),
      s("date", "date", true),
      s("date_precision", "datePrecision"),
      l("actors", "actors", true),
      s("initiator"),
      l("target"),
      s("title", "title", true),
      s("domain", "domain", true),
      s("cameo_root", "cameoRoot", true),
      s("cameo_code", "cameoCode"),
      n("goldstein", "goldstein", true),
      s("level"),
      src,
      s("source_title", "sourceTitle"),
      notes,
    ],
    schema: Event,
  },
  {
    file: "flows.csv",
    key: "flows",
    required: false,
    columns: [
      i("year", "year", true),
      s("domain", "domain", true),
      s("from", "from", true),
      s("to", "to", true),
      n("value", "value", true),
      s("unit", "unit", true),
      s("period"),
      src,
      notes,
    ],
    schema: Flow,
  },
  {
    file: "projects.csv",
    key: "projects",
    required: false,
    columns: [
      s("id", "id", true),
      s("name", "name", true),
      s("kind", "kind", true),
      l("route", "route", true),
      l("links"),
      n("capacity"),
      s("capacity_unit", "capacityUnit"),
      s("status", "status", true),
      s("from"),
      s("to"),
      src,
      notes,
    ],
    schema: Project,
  },
];
