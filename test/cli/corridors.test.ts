import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/ana.js", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

test("ana corridors compare --json prints routes best first in the issue's shape", () => {
  const r = run("corridors", "compare", "--from", "CHN", "--to", "DEU", "--year", "2024", "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.routes.length >= 5);
  for (const k of [
    "name",
    "countries",
    "modes",
    "timeDays",
    "costUsd",
    "capacity",
    "risk",
    "generalizedCost",
    "sources",
  ])
    assert.ok(k in out.routes[0], k);
  const gc = out.routes.map((x: { generalizedCost: number }) => x.generalizedCost);
  assert.deepEqual(
    gc,
    [...gc].sort((a: number, b: number) => a - b),
  );
});

test("ana corridors disrupt --json has closed, before, after, shifts, binding, costIncrease, timeIncreaseDays", () => {
  const r = run("corridors", "disrupt", "--close", "RUS", "--year", "2024", "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const k of [
    "closed",
    "before",
    "after",
    "shifts",
    "binding",
    "costIncrease",
    "timeIncreaseDays",
  ])
    assert.ok(k in out, k);
  assert.deepEqual(out.closed, ["RUS"]);
  assert.ok(Array.isArray(out.before.routes) && Array.isArray(out.after.routes));
});

test("ana corridors rejects an unknown code and bad weights with exit code 2", () => {
  assert.equal(run("corridors", "disrupt", "--close", "NOPE").status, 2);
  assert.equal(
    run("corridors", "compare", "--from", "CHN", "--to", "DEU", "--weights", "speed=2").status,
    2,
  );
});
