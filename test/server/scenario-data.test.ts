import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { createApp } from "../../src/server/app.ts";

const MINI = fileURLToPath(new URL("../data/scenarios/mini/", import.meta.url));

async function app() {
  return (await createApp({ db: ":memory:", scenarios: { mini: MINI } })).app;
}

test("GET /api/scenarios includes scenario folders given to the server", async () => {
  const res = await (await app()).request("/api/scenarios");
  const body = await res.json();
  assert.ok(
    body.scenarios.some((s: { id: string; focal: string }) => s.id === "mini" && s.focal === "AZE"),
  );
});

test("GET /api/scenario gives the scenario's records and their counts", async () => {
  const s = loadScenario(MINI);
  const res = await (await app()).request("/api/scenario?scenario=mini");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.meta.focal, "AZE");
  assert.equal(body.counts.events, s.events.length);
  assert.equal(body.counts.flows, s.flows.length);
  assert.deepEqual(body.flows, JSON.parse(JSON.stringify(s.flows)));
});

test("GET /api/scenario/sources counts each distinct source's records, as a direct tally of the files does", async () => {
  const s = loadScenario(MINI);
  const res = await (await app()).request("/api/scenario/sources?scenario=mini");
  const body = await res.json();
  const tally = new Map<string, number>();
  for (const recs of [
    s.actors,
    s.memberships,
    s.poles,
    s.rivalries,
    s.levels,
    s.ties,
    s.events,
    s.flows,
    s.projects,
  ])
    for (const r of recs as { source: string }[])
      tally.set(r.source, (tally.get(r.source) ?? 0) + 1);
  assert.equal(body.sources.length, tally.size);
  for (const x of body.sources as { source: string; records: Record<string, number> }[])
    assert.equal(
      Object.values(x.records).reduce((a, b) => a + b, 0),
      tally.get(x.source),
      x.source,
    );
  const rferl = body.sources.find((x: { source: string }) => x.source.includes("rferl.org"));
  assert.equal(rferl.url, true);
  assert.equal(rferl.from, 2011);
});

test("the scenario endpoints reject bad input: unknown kind 400, bad id 400, missing scenario 404", async () => {
  const a = await app();
  assert.equal((await a.request("/api/scenario/records?scenario=mini&kind=secrets")).status, 400);
  assert.equal((await a.request("/api/scenario?scenario=..%2Fetc")).status, 400);
  assert.equal((await a.request("/api/scenario?scenario=nowhere")).status, 404);
  const ok = await a.request("/api/scenario/records?scenario=mini&kind=flows");
  assert.equal((await ok.json()).records.length, loadScenario(MINI).flows.length);
});
