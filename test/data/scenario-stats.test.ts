import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { countEvents, scenarioStats } from "../../src/data/scenario-stats.ts";
import type { Event } from "../../src/model/event.ts";
import type { Scenario } from "../../src/model/scenario.ts";

const MINI = new URL("./scenarios/mini/", import.meta.url).pathname;
const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;

function ev(id: string, date: string, actors: string[], goldstein: number, source: string, level?: Event["level"]): Event {
  return {
    id,
    date,
    actors,
    target: [],
    title: id,
    domain: "diplomatic",
    cameoRoot: "04",
    goldstein,
    level,
    source,
  };
}

const events: Event[] = [
  ev("a", "2011-05", ["AZE", "RUS"], 3, "https://x.org/1", "neighbourhood"),
  ev("b", "2011-06-01", ["AZE", "RUS"], -2, "https://x.org/1/", "neighbourhood"),
  ev("c", "2012", ["AZE", "USA", "RUS"], 0, " https://x.org/2 ", "systemic"),
  ev("d", "2026-01-13", ["AZE", "ISR"], 7, "https://x.org/3", "regional"),
  ev("e", "2012-02-02", ["AZE"], -5, "https://x.org/4"),
];

const scenario: Scenario = {
  meta: { id: "t", name: "t", focal: "AZE", from: "2011", to: "2025" },
  dir: "",
  actors: [],
  memberships: [],
  poles: [],
  rivalries: [],
  levels: [],
  ties: [],
  events,
  flows: [],
  projects: [],
};

test("countEvents counts tone by Goldstein sign and sources once after trimming a trailing slash", () => {
  assert.deepEqual(countEvents(events), {
    events: 5,
    sources: 4,
    cooperation: 2,
    conflict: 2,
    neutral: 1,
  });
  assert.deepEqual(countEvents([]), { events: 0, sources: 0, cooperation: 0, conflict: 0, neutral: 0 });
});

test("scenarioStats groups by level, actor and year and counts the scenario window", () => {
  const st = scenarioStats(scenario);
  assert.deepEqual(
    st.byLevel.map((l) => [l.level, l.events, l.sources, l.cooperation, l.conflict]),
    [
      ["(none)", 1, 1, 0, 1],
      ["neighbourhood", 2, 1, 1, 1],
      ["regional", 1, 1, 1, 0],
      ["systemic", 1, 1, 0, 0],
    ],
  );
  // Brute force: an actor's count is the number of events naming it.
  for (const a of st.byActor)
    assert.equal(a.events, events.filter((e) => e.actors.includes(a.actor)).length, a.actor);
  assert.deepEqual(
    st.byActor.map((a) => a.actor),
    ["AZE", "RUS", "ISR", "USA"],
  );
  assert.deepEqual(
    st.byYear.map((y) => [y.year, y.events]),
    [
      [2011, 2],
      [2012, 2],
      [2026, 1],
    ],
  );
  assert.equal(st.inWindow.events, 4);
  assert.equal(st.total.events, 5);
});

test("ana data stats --json reports the counts of a scenario folder", () => {
  const r = spawnSync(process.execPath, [BIN, "data", "stats", MINI, "--json"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const s = loadScenario(MINI);
  assert.equal(out.scenario, "mini");
  assert.equal(out.total.events, s.events.length);
  assert.deepEqual(
    out.byLevel.map((l: { level: string; events: number }) => [l.level, l.events]),
    [
      ["neighbourhood", 1],
      ["systemic", 1],
    ],
  );
  assert.equal(out.byActor[0].actor, "AZE");
  assert.equal(out.byActor[0].events, 2);
});

test("ana data stats exits 2 on a bad --top", () => {
  const r = spawnSync(process.execPath, [BIN, "data", "stats", MINI, "--top", "x"], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--top must be a whole number/);
});
