import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { claimsMarkdown, claimsReport } from "../../src/claims/index.ts";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../../src/data/scenario-registry.ts";
import { Store } from "../../src/store/store.ts";

const CLAIMS_MD = fileURLToPath(new URL("../../docs/claims.md", import.meta.url));

test("docs/claims.md is what `ana claims` generates from the shipped data (regenerate with `ana claims --out docs/claims.md`)", async () => {
  const store = await Store.open(":memory:");
  try {
    const s = loadScenario(resolveScenarioDir("azerbaijan"));
    const report = await claimsReport(store, s);
    assert.equal(report.focal, "AZE");
    assert.ok(report.claims.length >= 10);
    for (const c of report.claims) {
      assert.ok(c.finding.length > 20, c.id);
      assert.ok(c.command.startsWith("ana "), c.id);
      assert.ok("interval" in c && "rule" in c && "periods" in c && "inputs" in c, c.id);
      // A verdict that rests on a number shows it; "inconclusive" needs the interval it rests on.
      if (c.verdict === "inconclusive") assert.ok(c.interval !== null || c.stability, c.id);
    }
    // Claim 6 compares periods: not testable or inconclusive unless its inputs cover both.
    const six = report.claims.find((c) => c.id === "passive-to-active")!;
    if (six.inputs.dropped.some((d) => d.key.endsWith("/*")))
      assert.ok(["not testable", "inconclusive"].includes(six.verdict));
    // Hungary and Turkmenistan are OTS observers, never listed as members.
    const ots = report.claims.find((c) => c.id === "ots-bridge")!;
    assert.doesNotMatch(ots.finding.split("not members")[0], /HUN|TKM/);
    assert.equal(readFileSync(CLAIMS_MD, "utf8"), claimsMarkdown(report));
  } finally {
    store.close();
  }
});
