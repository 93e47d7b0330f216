import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../../src/data/scenario-registry.ts";
import { checkClaims, claimsMarkdown } from "../../src/measure/claims.ts";
import { Store } from "../../src/store/store.ts";

const CLAIMS_MD = fileURLToPath(new URL("../../docs/claims.md", import.meta.url));

test("docs/claims.md is what `ana claims` generates from the shipped data (regenerate with `ana claims --out docs/claims.md`)", async () => {
  const store = await Store.open(":memory:");
  try {
    const s = loadScenario(resolveScenarioDir("azerbaijan"));
    const checks = await checkClaims(store, s);
    assert.ok(checks.length >= 10);
    for (const c of checks) {
      assert.ok(c.finding.length > 20, c.id);
      assert.ok(c.command.startsWith("ana "), c.id);
    }
    // The data disagree with the seed somewhere, and the report says so.
    assert.ok(checks.some((c) => c.verdict === "not supported"));
    assert.equal(readFileSync(CLAIMS_MD, "utf8"), claimsMarkdown(checks, s));
  } finally {
    store.close();
  }
});
