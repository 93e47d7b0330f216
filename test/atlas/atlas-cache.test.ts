import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { cachedAtlas } from "../../src/atlas/cache.ts";

const dir = mkdtempSync(join(tmpdir(), "ana-atlas-cache-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the disk cache answers a repeated request without computing, per request and panel", async () => {
  const env = { ANA_CACHE_DIR: dir, ANA_PANEL_DIR: join(dir, "no-panel") };
  let computed = 0;
  const compute = async () => {
    computed++;
    return { rows: [{ iso3: "AZE", index: 0.5 }] };
  };
  const a = await cachedAtlas({ from: 2010, to: 2010 }, compute, env);
  const b = await cachedAtlas({ from: 2010, to: 2010 }, compute, env);
  assert.equal(computed, 1);
  assert.deepEqual(a, b);
  await cachedAtlas({ from: 2011, to: 2011 }, compute, env);
  assert.equal(computed, 2);
  const fp = readdirSync(join(dir, "atlas"));
  assert.equal(fp.length, 1);
  assert.equal(readdirSync(join(dir, "atlas", fp[0])).filter((f) => f.endsWith(".json")).length, 2);
  // ANA_CACHE_DIR=off: always computed.
  await cachedAtlas({ from: 2010, to: 2010 }, compute, { ANA_CACHE_DIR: "off" });
  assert.equal(computed, 3);
});
