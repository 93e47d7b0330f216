import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const BIN = new URL("../../../bin/ana.js", import.meta.url).pathname;
const FIXTURE = new URL("../../data/scenarios/measures/", import.meta.url).pathname;
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, "--db", ":memory:"], { encoding: "utf8" });

test("ana alignment --json prints the issue's rows (year, a, b, n, agreement, sAbs, sSq, kappa, pi, alignmentIndex)", () => {
  const r = ana(
    "alignment",
    "AZE",
    "--with",
    "RUS,USA",
    "--from",
    "2011",
    "--to",
    "2012",
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.rows.length, 4);
  for (const row of out.rows) {
    for (const k of [
      "year",
      "a",
      "b",
      "n",
      "agreement",
      "sAbs",
      "sSq",
      "kappa",
      "pi",
      "alignmentIndex",
    ])
      assert.ok(k in row, k);
    assert.equal(row.a, "AZE");
  }
});

test("ana dependence --json gives per-year rows, or one from/to row with --window", () => {
  const r = ana(
    "dependence",
    "GEO",
    "--domain",
    "trade-export",
    "--from",
    "2015",
    "--to",
    "2017",
    "--scenario",
    FIXTURE,
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.rows.map((x: { year: number }) => x.year),
    [2015, 2016, 2017],
  );
  for (const k of [
    "total",
    "nPartners",
    "hhi",
    "hhiNorm",
    "nEff",
    "entropy",
    "top",
    "topShare",
    "shares",
  ])
    assert.ok(k in out.rows[0], k);
  assert.equal(out.rows[2].hhi, null);
  const w = JSON.parse(
    ana(
      "dependence",
      "GEO",
      "--domain",
      "trade-export",
      "--from",
      "2015",
      "--to",
      "2016",
      "--window",
      "--scenario",
      FIXTURE,
      "--json",
    ).stdout,
  );
  assert.equal(w.rows.length, 1);
  assert.equal(w.rows[0].from, 2015);
  assert.equal(w.rows[0].to, 2016);
});

test("ana relations --json names the quad scheme and Goldstein table; bad usage exits 2", () => {
  const r = ana(
    "relations",
    "GEO",
    "--with",
    "RUS",
    "--by",
    "month",
    "--scenario",
    FIXTURE,
    "--evidence",
    "scenario",
    "--json",
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.quadScheme, "gdelt");
  assert.match(out.goldsteinTable, /Goldstein/);
  assert.equal(out.rows[0].period, "2015-01");
  const bad = ana("dependence", "GEO", "--domain", "oil");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--domain must be one of/);
});

test("ana relations keeps imported machine-coded events as a second, labelled evidence source", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-rel-"));
  const db = join(dir, "store.duckdb");
  try {
    const csv = new URL(
      "../../data/events/gdelt1_AZE_actor_events_GeorgiaActionGeo_2011-06_2013-05_undp.csv",
      import.meta.url,
    ).pathname;
    const imp = spawnSync(
      process.execPath,
      [BIN, "import", "csv", "--preset", "gdelt-csv", csv, "--db", db],
      {
        encoding: "utf8",
      },
    );
    assert.equal(imp.status, 0, imp.stderr);
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        "relations",
        "AZE",
        "--with",
        "ARM",
        "--by",
        "year",
        "--from",
        "2011",
        "--to",
        "2013",
        "--db",
        db,
        "--json",
      ],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const evidence = new Set(out.rows.map((x: { evidence: string }) => x.evidence));
    assert.ok(evidence.has("scenario:azerbaijan"));
    const imported = out.rows.filter((x: { evidence: string }) =>
      x.evidence.startsWith("imported:"),
    );
    assert.ok(imported.length > 0);
    assert.ok(imported.some((x: { n: number }) => x.n > 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
