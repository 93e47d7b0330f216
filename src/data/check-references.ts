import { join } from "node:path";
import countries from "i18n-iso-countries";
import type { ScenarioMeta } from "../model/scenario.ts";
import type { Problem } from "./problem.ts";
import type { TableRow } from "./read-table.ts";

type Rows = Record<string, TableRow<unknown>[]>;
type Any = Record<string, unknown>;

/**
 * Cross-file checks of a scenario: every actor named anywhere is declared in actors.csv,
 * ids are unique, organisations are organisations, rivalry sides are poles or actors.
 */
export function checkScenarioReferences(dir: string, meta: ScenarioMeta, tables: Rows): Problem[] {
  const problems: Problem[] = [];
  const actors = tables.actors as TableRow<{ id: string; kind: string }>[];
  const kinds = new Map<string, string>();
  const file = (f: string) => join(dir, f);

  const unique = (key: string, f: string) => {
    const seen = new Map<string, number>();
    for (const r of tables[key] as TableRow<{ id: string }>[]) {
      const first = seen.get(r.value.id);
      if (first !== undefined)
        problems.push({
          file: file(f),
          line: r.line,
          field: "id",
          message: `duplicate id "${r.value.id}" (first on line ${first}): give each row its own id`,
        });
      else seen.set(r.value.id, r.line);
    }
  };
  unique("actors", "actors.csv");
  unique("events", "events.csv");
  unique("projects", "projects.csv");
  for (const a of actors) kinds.set(a.value.id, a.value.kind);
  // An organisation or group must not take a state's ISO3 code (NAM is Namibia, not the
  // Non-Aligned Movement): codes share one namespace in the store and in every measure.
  const iso3 = countries.getAlpha3Codes();
  for (const a of actors) {
    if (a.value.kind !== "state" && a.value.id in iso3) {
      problems.push({
        file: file("actors.csv"),
        line: a.line,
        field: "id",
        message: `"${a.value.id}" is the ISO3 code of a state (${countries.getName(a.value.id, "en") ?? "ISO 3166"}): give the ${a.value.kind} another code (e.g. NONALIGNED for the Non-Aligned Movement)`,
      });
    }
  }

  const known = (f: string, line: number, field: string, code: string | undefined) => {
    if (code !== undefined && !kinds.has(code)) {
      problems.push({
        file: file(f),
        line,
        field,
        message: `unknown actor "${code}": add it to actors.csv or correct the code`,
      });
    }
  };
  if (!kinds.has(meta.focal))
    problems.push({
      file: file("scenario.yaml"),
      line: 0,
      field: "focal",
      message: `focal state "${meta.focal}" is not in actors.csv`,
    });

  for (const r of tables.memberships as TableRow<Any>[]) {
    known("memberships.csv", r.line, "actor", r.value.actor as string);
    known("memberships.csv", r.line, "organisation", r.value.organisation as string);
    const k = kinds.get(r.value.organisation as string);
    if (k !== undefined && k !== "organisation")
      problems.push({
        file: file("memberships.csv"),
        line: r.line,
        field: "organisation",
        message: `"${r.value.organisation}" is a ${k}, not an organisation`,
      });
  }
  const poleIds = new Set<string>();
  for (const r of tables.poles as TableRow<Any>[]) {
    known("poles.csv", r.line, "actor", r.value.actor as string);
    poleIds.add(r.value.pole as string);
  }
  for (const r of tables.rivalries as TableRow<Any>[]) {
    for (const side of ["a", "b"]) {
      const v = r.value[side] as string;
      if (!poleIds.has(v) && !kinds.has(v))
        problems.push({
          file: file("rivalries.csv"),
          line: r.line,
          field: side,
          message: `"${v}" is neither a pole in poles.csv nor an actor in actors.csv`,
        });
    }
  }
  for (const r of tables.levels as TableRow<Any>[]) {
    known("levels.csv", r.line, "focal", r.value.focal as string);
    known("levels.csv", r.line, "partner", r.value.partner as string);
  }
  for (const r of tables.ties as TableRow<Any>[]) {
    known("ties.csv", r.line, "a", r.value.a as string);
    known("ties.csv", r.line, "b", r.value.b as string);
    if (r.value.a === r.value.b)
      problems.push({
        file: file("ties.csv"),
        line: r.line,
        field: "b",
        message: "a tie needs two different actors",
      });
  }
  for (const r of tables.events as TableRow<Any>[]) {
    const list = r.value.actors as string[];
    for (const a of list) known("events.csv", r.line, "actors", a);
    const ini = r.value.initiator as string | undefined;
    known("events.csv", r.line, "initiator", ini);
    if (ini !== undefined && !list.includes(ini))
      problems.push({
        file: file("events.csv"),
        line: r.line,
        field: "initiator",
        message: `"${ini}" is not among the event's actors (${list.join(";")})`,
      });
    for (const t of (r.value.target as string[]) ?? []) {
      known("events.csv", r.line, "target", t);
      if (!list.includes(t))
        problems.push({
          file: file("events.csv"),
          line: r.line,
          field: "target",
          message: `"${t}" is not among the event's actors (${list.join(";")})`,
        });
    }
  }
  for (const r of tables.flows as TableRow<Any>[]) {
    known("flows.csv", r.line, "from", r.value.from as string);
    known("flows.csv", r.line, "to", r.value.to as string);
  }
  for (const r of tables.projects as TableRow<Any>[]) {
    for (const c of r.value.route as string[]) known("projects.csv", r.line, "route", c);
  }
  return problems;
}
