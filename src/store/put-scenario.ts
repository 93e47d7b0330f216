import type { DuckDBValue } from "@duckdb/node-api";
import { dateStart } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";
import { SCENARIO_RECORD_KINDS } from "../model/scenario.ts";
import type { Store } from "./store.ts";

const v = (x: string | number | undefined | null): DuckDBValue => (x === undefined ? null : x);
// Lists go in as DuckDB list literals ("[AZE, ARM]"), cast on insert: the node binding cannot
// infer a type for an empty list. Codes are [A-Z0-9_] and ids [A-Za-z0-9._-], so no quoting is needed.
const list = (xs: readonly string[]) => `[${xs.join(", ")}]`;

const TABLES = SCENARIO_RECORD_KINDS;

/**
 * Put a validated scenario into the store, replacing any earlier copy of the same scenario id,
 * in one transaction: a failure leaves the store as it was.
 */
export async function putScenario(store: Store, s: Scenario): Promise<void> {
  const id = s.meta.id;
  const insert = async (table: string, rows: DuckDBValue[][]) => {
    if (rows.length === 0) return;
    const width = rows[0].length + 1;
    const marks = `(${Array.from({ length: width }, () => "?").join(", ")})`;
    // Batched multi-row VALUES: prepared single-row inserts are slow in DuckDB.
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await store.run(
        `INSERT INTO ${table} VALUES ${chunk.map(() => marks).join(", ")}`,
        chunk.flatMap((r) => [id, ...r]),
      );
    }
  };
  await store.transaction(async () => {
    for (const t of TABLES) await store.run(`DELETE FROM ${t} WHERE scenario = ?`, [id]);
    await store.run("DELETE FROM scenarios WHERE id = ?", [id]);
    await store.run("INSERT INTO scenarios VALUES (?, ?, ?, ?, ?, ?, now())", [
      id,
      s.meta.name,
      s.meta.focal,
      s.dir,
      s.meta.from,
      s.meta.to,
    ]);
    await insert(
      "actors",
      s.actors.map((a) => [a.id, a.kind, a.name, v(a.cow), a.source, v(a.notes)]),
    );
    await insert(
      "memberships",
      s.memberships.map((m) => [
        m.actor,
        m.organisation,
        m.status,
        m.from,
        v(m.to),
        m.source,
        v(m.notes),
      ]),
    );
    await insert(
      "poles",
      s.poles.map((p) => [p.pole, p.name, p.actor, v(p.from), v(p.to), p.source, v(p.notes)]),
    );
    await insert(
      "rivalries",
      s.rivalries.map((r) => [r.a, r.b, v(r.from), v(r.to), r.source, v(r.notes)]),
    );
    await insert(
      "levels",
      s.levels.map((l) => [
        l.focal,
        l.partner,
        l.level,
        v(l.from),
        v(l.to),
        l.basis,
        l.source,
        v(l.notes),
      ]),
    );
    await insert(
      "ties",
      s.ties.map((t) => [
        t.a,
        t.b,
        t.domain,
        t.sign,
        t.strength,
        v(t.from),
        v(t.to),
        t.source,
        v(t.notes),
      ]),
    );
    await insert(
      "events",
      s.events.map((e) => [
        e.id,
        e.date,
        e.datePrecision ?? null,
        dateStart(e.date),
        list(e.actors),
        v(e.initiator),
        list(e.target),
        e.title,
        e.domain,
        e.cameoRoot,
        v(e.cameoCode),
        e.goldstein,
        v(e.level),
        e.source,
        v(e.sourceTitle),
        v(e.notes),
      ]),
    );
    await store.run(
      "UPDATE events SET date_precision = CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END WHERE scenario = ?",
      [id],
    );
    await insert(
      "flows",
      s.flows.map((f) => [
        f.year,
        f.domain,
        f.from,
        f.to,
        f.value,
        f.unit,
        f.period,
        f.source,
        v(f.notes),
      ]),
    );
    await insert(
      "projects",
      s.projects.map((p) => [
        p.id,
        p.name,
        p.kind,
        list(p.route),
        list(p.links),
        v(p.capacity),
        v(p.capacityUnit),
        p.status,
        v(p.from),
        v(p.to),
        p.source,
        v(p.notes),
      ]),
    );
  });
}
