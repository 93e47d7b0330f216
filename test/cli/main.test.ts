import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

test("ana data check exits 0 on a valid scenario", () => {
  const r = ana("data", "check", MINI);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ok:/);
});

test("ana events --json filters by actor and date", () => {
  const r = ana("events", "--scenario", MINI, "--actor", "AZE", "--from", "2011-04", "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.events.map((e: { id: string }) => e.id),
    ["nam-accession"],
  );
});

test("ana exits 2 on bad usage and names the problem", () => {
  const r = ana("events", "--scenario", MINI, "--from", "2011-13");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--from must be a date/);
  assert.equal(ana("no-such-command").status, 2);
});

test("ana exits 1 with a clear message on a missing scenario", () => {
  const r = ana("actors", "--scenario", "/nonexistent/folder");
  assert.equal(r.status, 1);
  assert.match(r.stderr, /neither a folder nor a shipped scenario/);
});
