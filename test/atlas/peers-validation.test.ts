import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { auc, averageRanks, spearman } from "../../scripts/atlas-validation.ts";

const root = new URL("../../", import.meta.url).pathname;

/** scipy's answers for the same data (Debian's python3-scipy). */
function scipy(code: string): number[] {
  const r = spawnSync("/usr/bin/python3", ["-c", code], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as number[];
}

test("spearman, averageRanks and auc agree with scipy (ties included)", () => {
  const a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
  const b = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4];
  const [rho, ...ranks] = scipy(
    `import json; from scipy.stats import spearmanr, rankdata
a=${JSON.stringify(a)}; b=${JSON.stringify(b)}
print(json.dumps([spearmanr(a,b).statistic] + list(rankdata(a))))`,
  );
  assert.ok(Math.abs(spearman(a, b) - rho) < 1e-12);
  assert.deepEqual(averageRanks(a), ranks);
  const [u] = scipy(
    `import json; from scipy.stats import mannwhitneyu
print(json.dumps([mannwhitneyu(${JSON.stringify(a)}, ${JSON.stringify(b)}).statistic]))`,
  );
  assert.ok(Math.abs(auc(a, b) - u / (a.length * b.length)) < 1e-12);
});

test("docs/atlas.md's validation block is what scripts/atlas-validation.ts outputs (regenerate with --write)", () => {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/atlas-validation.ts", "--check"],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
});
