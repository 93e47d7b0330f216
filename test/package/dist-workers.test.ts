// Worker threads started from the compiled dist/: the doctrine Monte Carlo's workers and the
// corridor worker (moduleWorker: the .js twin) and the HiGHS worker (a plain .mjs copied by the
// build). Each result is compared with the same computation run from the sources.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = `${ROOT}bin/ana.js`;

before(() => {
  // builds dist/ unless it already holds a build of the current sources
  const r = spawnSync(process.execPath, [`${ROOT}scripts/build.js`, "--quiet"], {
    encoding: "utf8",
    timeout: 180_000,
  });
  assert.equal(r.status, 0, r.stderr);
});

/** Run an ES module (a file: workers inherit node's flags, and `--input-type` breaks them). */
function node(code: string, flags: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "ana-dist-workers-"));
  writeFileSync(join(dir, "probe.mjs"), code);
  const r = spawnSync(process.execPath, [...flags, join(dir, "probe.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  rmSync(dir, { recursive: true });
  return r;
}

test("simulate doctrine on 2 worker threads from dist/ gives the sources' result", () => {
  const run = (env: NodeJS.ProcessEnv) => {
    const args = ["simulate", "doctrine", "--runs", "300", "--years", "6", "--threads", "2"];
    const r = spawnSync(process.execPath, [BIN, ...args, "--json"], {
      encoding: "utf8",
      env: { ...process.env, ANA_DEBUG_START: "1", ...env },
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    return { path: /ana: running (\w+)/.exec(r.stderr)?.[1], out: JSON.parse(r.stdout) };
  };
  const dist = run({});
  const src = run({ ANA_FROM_SOURCE: "1" });
  assert.equal(dist.path, "dist");
  assert.equal(src.path, "src");
  assert.equal(dist.out.threads, 2);
  assert.deepEqual({ ...dist.out, elapsedMs: 0 }, { ...src.out, elapsedMs: 0 });
});

test("the corridor worker runs from dist/ and answers as from the sources", () => {
  const probe = (file: string) => `
    const { runInWorker, stopWorker } = await import(${JSON.stringify(`${ROOT}${file}`)});
    const r = await runInWorker({ op: "leverage", args: { iso3: "AZE",
      weights: { cost: 1, time: 1, risk: 1 }, networks: ["gas"] } });
    await stopWorker();
    console.log(JSON.stringify(r));`;
  const dist = node(probe("dist/corridor/run-in-worker.js"));
  assert.equal(dist.status, 0, dist.stderr);
  const src = node(probe("src/corridor/run-in-worker.ts"), ["--import", "tsx"]);
  assert.equal(src.status, 0, src.stderr);
  const out = JSON.parse(dist.stdout);
  assert.ok(out.rows.length > 0);
  assert.deepEqual(out, JSON.parse(src.stdout));
});

test("the HiGHS worker runs from dist/: a triangle with one negative edge has frustration 1", () => {
  const r = node(`
    const { frustrationModel } = await import(${JSON.stringify(`${ROOT}dist/network/frustration-model.js`)});
    const { solveMip, stopMipWorker } = await import(${JSON.stringify(`${ROOT}dist/network/solve-mip.js`)});
    const edges = [{ u: 0, v: 1, sign: 1, weight: 1 }, { u: 1, v: 2, sign: 1, weight: 1 },
      { u: 0, v: 2, sign: -1, weight: 1 }];
    const r = await solveMip({ model: frustrationModel(3, edges), timeLimit: 20, relGap: 0, absGap: 0.5 });
    await stopMipWorker();
    console.log(JSON.stringify([r.status, r.objective]));`);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), ["optimal", 1]);
});
