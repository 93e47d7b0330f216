import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readScenario } from "../../src/data/load-scenario.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const FIXTURE = new URL("../data/scenarios/measures/", import.meta.url).pathname;

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "ana-scale-"));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

test("readScenario reports 150,000 problems in one file without overflowing the call stack", () => {
  const dir = copy();
  try {
    const p = join(dir, "events.csv");
    const [header] = readFileSync(p, "utf8").split("\n");
    const bad = Array.from({ length: 150_000 }, (_, i) => `x${i},not-a-date`).join("\n");
    writeFileSync(p, `${header}\n${bad}\n`);
    const r = readScenario(dir);
    assert.ok(r.problems.length >= 150_000, String(r.problems.length));
    assert.equal(r.scenario, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("`ana data check` flags an events.csv cut short (no final line break, last row cut inside its last field)", () => {
  const dir = copy();
  try {
    const p = join(dir, "events.csv");
    const text = readFileSync(p, "utf8");
    const lines = text.split("\n").filter(Boolean);
    const ok = spawnSync(process.execPath, [BIN, "data", "check", dir], { encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stderr);
    // Cut the file inside the last row's last (notes) field: every column is still present.
    const last = lines[lines.length - 1];
    const cut = `${lines.slice(0, -1).join("\n")}\n${last}synthetic note tha`;
    writeFileSync(p, cut);
    const r = spawnSync(process.execPath, [BIN, "data", "check", dir], { encoding: "utf8" });
    assert.equal(r.status, 1, r.stdout);
    assert.match(
      r.stderr,
      new RegExp(`events\\.csv:${lines.length}: \\(row\\): the file does not end with a line break`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
