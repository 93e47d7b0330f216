import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REPO } from "../../util/shared-data.ts";

const ana = (args: string[], db: string) =>
  spawnSync(process.execPath, [join(REPO, "bin", "ana.js"), ...args, "--db", db], {
    encoding: "utf8",
  });

test("`ana sources --json` lists every panel table; `ana scenario init` then `ana data check` pass", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ana-cli-"));
  try {
    const db = join(tmp, "s.duckdb");
    const r = ana(["sources", "--json"], db);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      count: number;
      sources: { table: string; to_year: number }[];
    };
    // One row per shipped table except the coverage table itself (21 since ref_sipri_coverage).
    const files = readdirSync(join(REPO, "data", "reference")).filter(
      (f) => f.endsWith(".parquet") && f !== "coverage.parquet",
    );
    assert.equal(out.count, files.length);
    assert.equal(out.count, 21);
    assert.equal(out.sources.find((s) => s.table === "ref_contiguity")?.to_year, 2016);
    const dir = join(tmp, "vnm");
    const init = ana(["scenario", "init", "VNM", dir, "--year", "2018"], db);
    assert.equal(init.status, 0, init.stderr);
    const check = spawnSync(process.execPath, [join(REPO, "bin", "ana.js"), "data", "check", dir], {
      encoding: "utf8",
    });
    assert.equal(check.status, 0, check.stderr);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
