import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const BIN = new URL("../../../bin/ana.js", import.meta.url).pathname;
const FIXTURE = new URL("../../data/scenarios/measures/", import.meta.url).pathname;
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, "--db", ":memory:"], { encoding: "utf8" });

test("ana scorecard --compare returns the like-for-like comparison with an answer per row; a bad period exits 2", () => {
  const r = ana(
    "scorecard",
    "GEO",
    "--from",
    "2015",
    "--to",
    "2019",
    "--scenario",
    FIXTURE,
    "--compare",
    "2015-2016:2019-2019",
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const card = JSON.parse(r.stdout);
  assert.deepEqual(card.comparison.before, { from: 2015, to: 2016 });
  assert.deepEqual(card.comparison.after, { from: 2019, to: 2019 });
  assert.equal(card.comparison.rows.length, 15);
  for (const row of card.comparison.rows) {
    assert.ok(["data", "not testable"].includes(row.status));
    assert.ok(row.answer.length > 20);
  }
  for (const c of card.cells) assert.ok(["data", "partial", "no data"].includes(c.status));
  const human = ana(
    "scorecard",
    "GEO",
    "--from",
    "2015",
    "--to",
    "2019",
    "--scenario",
    FIXTURE,
    "--compare",
    "2015-2016:2019-2019",
  );
  assert.equal(human.status, 0, human.stderr);
  assert.match(
    human.stdout,
    /multilateralism \(neighbourhood\), 2015–2016 vs 2019–2019: rose from/,
  );
  const bad = ana("scorecard", "GEO", "--scenario", FIXTURE, "--compare", "2015-2016");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /compare/);
  const outside = ana(
    "scorecard",
    "GEO",
    "--from",
    "2015",
    "--to",
    "2019",
    "--scenario",
    FIXTURE,
    "--compare",
    "2011-2011:2019-2019",
  );
  assert.notEqual(outside.status, 0);
  assert.match(outside.stderr, /outside/);
});
