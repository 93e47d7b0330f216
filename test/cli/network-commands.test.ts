import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const BIN = "bin/ana.js";
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

test("ana balance --json gives the issue's shape, one result per period in input order", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-balance-"));
  const f = join(dir, "e.csv");
  writeFileSync(
    f,
    "source,target,sign,period\nA,B,1,2019\nB,C,1,2019\nA,C,-1,2019\nX,Y,-1,2011\nY,Z,-1,2011\nX,Z,1,2011\n",
  );
  const r = ana("balance", f, "--json");
  assert.equal(r.status, 0, r.stderr);
  const { results } = JSON.parse(r.stdout);
  assert.deepEqual(
    results.map((x: { period: string }) => x.period),
    ["2019", "2011"],
  );
  const a = results[0];
  for (const k of [
    "period",
    "nodes",
    "edges",
    "negativeEdges",
    "frustration",
    "normalizedFrustration",
    "triangleIndex",
    "walkIndex",
    "triads",
    "partition",
    "frustratedEdges",
    "optimal",
    "lowerBound",
    "seconds",
  ])
    assert.ok(k in a, k);
  assert.deepEqual(a.triads, { ppp: 0, ppm: 1, pmm: 0, mmm: 0 });
  assert.equal(a.frustration, 1);
  assert.equal(a.optimal, true);
  assert.equal(a.frustratedEdges.length, 1);
  assert.deepEqual(Object.keys(a.partition), ["A", "B", "C"]);
  assert.equal(results[1].frustration, 0);
  assert.equal(results[1].triangleIndex, 1);
});

test("ana balance on tribes with --groups 3 reports the published values", () => {
  const r = ana("balance", "test/data/graphs/tribes_edges.csv", "--groups", "3", "--json");
  assert.equal(r.status, 0, r.stderr);
  const x = JSON.parse(r.stdout).results[0];
  assert.equal(x.frustration, 7);
  assert.ok(Math.abs(x.normalizedFrustration - 0.7586207) < 5e-8);
  assert.ok(Math.abs(x.triangleIndex - 0.8676471) < 5e-8);
  assert.ok(Math.abs(x.walkIndex - 0.3575761) < 5e-8);
  assert.equal(x.groups.value, 2);
});

test("ana balance reports bad rows as file:line: field and exits 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-balance-"));
  const f = join(dir, "bad.csv");
  writeFileSync(f, "source,target,sign\nA,B,yes\n");
  const r = ana("balance", f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.csv:2: sign: "yes" is not a sign/);
  assert.equal(ana("balance", f, "--time-limit", "-3").status, 2);
});

test("ana brokerage --json on Borgatti's example gives the issue's shape and Burt's values", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-brokerage-"));
  const blocs = join(dir, "blocs.csv");
  writeFileSync(blocs, "node,bloc\nA,x\nB,x\nC,y\nD,y\nE,z\nF,z\nG,x\n");
  const r = ana(
    "brokerage",
    "test/data/graphs/borgatti1997_structural_holes_example_edges.csv",
    "--blocs",
    blocs,
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const nodes = JSON.parse(r.stdout).nodes;
  const g = nodes.find((n: { id: string }) => n.id === "G");
  assert.deepEqual(Object.keys(g).slice(0, 5), [
    "id",
    "betweenness",
    "constraint",
    "effectiveSize",
    "roles",
  ]);
  assert.deepEqual(Object.keys(g.roles).sort(), [
    "coordinator",
    "gatekeeper",
    "itinerant",
    "liaison",
    "representative",
  ]);
  assert.equal(g.betweenness, 9);
  assert.ok(Math.abs(g.effectiveSize - 14 / 3) < 1e-9);
  // G (x) links C (y) to E, F (z): liaison; and A, B (x) to C, D, E, F: representative/gatekeeper.
  assert.ok(g.roles.liaison > 0 && g.roles.representative > 0);
  const w = JSON.parse(
    ana(
      "brokerage",
      "test/data/graphs/borgatti1997_structural_holes_example_edges.csv",
      "--weighted",
      "--json",
    ).stdout,
  );
  assert.ok(Math.abs(w.nodes.find((n: { id: string }) => n.id === "G").constraint - 0.299) < 5e-4);
});

test("ana network shows the focal state's bloc and brokerage in a scenario at a date", () => {
  const r = ana(
    "network",
    "AZE",
    "--at",
    "2015-06-01",
    "--scenario",
    "test/data/scenarios/net-fixture",
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const v = JSON.parse(r.stdout);
  assert.equal(v.balance.frustration, 0);
  assert.deepEqual(v.focalView.allies.sort(), ["GEO", "ISR", "TUR"]);
  assert.deepEqual(v.focalView.opponents.sort(), ["ARM", "IRN", "RUS"]);
  assert.equal(v.brokerage.nodes.find((n: { id: string }) => n.id === "AZE").betweenness, 2);
  assert.equal(
    ana("network", "AZE", "--at", "someday", "--scenario", "test/data/scenarios/net-fixture")
      .status,
    2,
  );
});
