// The package as another project sees it: a fresh project runs `npm install <this checkout>`
// (which links the checkout and runs its postinstall build), then imports "ana" and its subpaths
// from the compiled dist/, type-checks against the emitted declarations, and runs the `ana` bin.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir = "";

/** The environment without the npm_* variables of an enclosing `npm test` (they name this checkout
 * as the project, e.g. npm_config_local_prefix, and would redirect the nested install). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** Run an ES module in the consumer project, with extra node flags. */
function runInConsumer(code: string, flags: string[] = []) {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return spawnSync(process.execPath, [...flags, file], {
    cwd: dir,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 60_000,
  });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "ana-consumer-"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "ana-consumer", version: "1.0.0", private: true, type: "module" }),
  );
  const r = spawnSync(
    "npm",
    ["install", ROOT, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    { cwd: dir, env: cleanEnv(), encoding: "utf8", timeout: 180_000 },
  );
  assert.equal(r.status, 0, `npm install ${ROOT} failed:\n${r.stdout}\n${r.stderr}`);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('npm install <checkout> links the checkout as "ana" and builds its dist/', () => {
  const link = join(dir, "node_modules", "ana");
  assert.ok(lstatSync(link).isSymbolicLink(), "a directory dependency is installed as a link");
  assert.equal(realpathSync(link), realpathSync(ROOT));
  const r = runInConsumer(
    `import { createRequire } from "node:module";
     const require = createRequire(import.meta.url);
     console.log(JSON.stringify({ main: import.meta.resolve("ana"), types: require("ana/package.json").types }));`,
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.match(out.main, /\/dist\/index\.js$/);
  assert.equal(out.types, "./dist/types/index.d.ts");
});

test('import { ... } from "ana" works in the consumer and computes', () => {
  const r = runInConsumer(`
    import { buildSignedGraph, frustrationIndex, haversineKm, parseCsv } from "ana";
    // one negative edge in a triangle: unbalanced, one edge to remove; two negative: balanced
    const one = await frustrationIndex(buildSignedGraph([
      { source: "A", target: "B", sign: 1 }, { source: "B", target: "C", sign: 1 },
      { source: "A", target: "C", sign: -1 }]));
    const two = await frustrationIndex(buildSignedGraph([
      { source: "A", target: "B", sign: -1 }, { source: "B", target: "C", sign: 1 },
      { source: "A", target: "C", sign: -1 }]));
    console.log(JSON.stringify({
      one: [one.value, one.optimal], two: [two.value, two.optimal],
      degree: haversineKm(0, 0, 0, 1),
      csv: parseCsv('a,b\\n1,"x,y"\\n').records,
    }));`);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.one, [1, true]);
  assert.deepEqual(out.two, [0, true]);
  // one degree of longitude on the equator of a sphere of radius 6371 km
  const expected = (6371 * Math.PI) / 180;
  assert.ok(Math.abs(out.degree - expected) / expected < 1e-12, String(out.degree));
  // a quoted field keeps its comma; the header row is not a record
  assert.deepEqual(out.csv, [{ line: 2, fields: ["1", "x,y"] }]);
});

test('in the consumer, alignment() from "ana" returns what the installed `ana alignment --json` prints', () => {
  const r = runInConsumer(`
    import { alignment, dependence, relations, scorecard } from "ana";
    for (const f of [alignment, dependence, relations, scorecard])
      if (typeof f !== "function") throw new Error("not a function: " + f);
    const lib = await alignment({ focal: "AZE", with: ["RUS"], from: 2015, to: 2016, db: ":memory:" });
    console.log(JSON.stringify(lib));`);
  assert.equal(r.status, 0, r.stderr);
  const lib = JSON.parse(r.stdout);
  const cli = spawnSync(
    join(dir, "node_modules", ".bin", "ana"),
    [
      "alignment",
      "AZE",
      "--with",
      "RUS",
      "--from",
      "2015",
      "--to",
      "2016",
      "--db",
      ":memory:",
      "--json",
    ],
    { cwd: dir, env: cleanEnv(), encoding: "utf8", timeout: 60_000 },
  );
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(
    lib.rows.map((x: { year: number; a: string; b: string }) => [x.year, x.a, x.b]),
    [
      [2015, "AZE", "RUS"],
      [2016, "AZE", "RUS"],
    ],
  );
  assert.deepEqual(lib, JSON.parse(cli.stdout));
});

test("every subpath export resolves to compiled JavaScript and exports something", () => {
  const subpaths = ["measure", "network", "corridor", "simulate", "ingest", "store", "server"];
  const r = runInConsumer(`
    const out = {};
    for (const s of ${JSON.stringify(subpaths)}) {
      const m = await import("ana/" + s);
      out[s] = { url: import.meta.resolve("ana/" + s), n: Object.keys(m).length };
    }
    const { createApp } = await import("ana/server");
    out.createApp = typeof createApp;
    console.log(JSON.stringify(out));`);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const s of subpaths) {
    assert.match(out[s].url, new RegExp(`/dist/${s}/index\\.js$`), s);
    assert.ok(out[s].n > 0, `ana/${s} exports nothing`);
  }
  assert.equal(out.createApp, "function");
});

test('importing "ana" loads no HTTP server (hono)', () => {
  // a resolve hook that fails the import the moment anything asks for hono, naming the importer
  const hooks = `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, next) {
       if (/^(hono|@hono\\/)/.test(s)) throw new Error("hono loaded: " + s + " imported by " + c.parentURL);
       return next(s, c);
     }`,
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(
    `import { register } from "node:module"; register(${JSON.stringify(hooks)});`,
  )}`;
  const probe = (spec: string) =>
    runInConsumer(`const m = await import("${spec}"); console.log(Object.keys(m).length);`, [
      "--import",
      register,
    ]);
  const root = probe("ana");
  assert.equal(root.status, 0, root.stderr);
  assert.ok(Number(root.stdout) > 0);
  // the hook does catch hono: the server subpath loads it
  const server = probe("ana/server");
  assert.notEqual(server.status, 0);
  assert.match(server.stderr, /hono loaded: hono imported by file:.*\/dist\/server\//);
});

test("the consumer type-checks against the emitted declarations (module nodenext)", () => {
  writeFileSync(
    join(dir, "use.ts"),
    `import { buildSignedGraph, type SignedGraph } from "ana";
     import { createApp } from "ana/server";
     const g: SignedGraph = buildSignedGraph([{ source: "A", target: "B", sign: -1 }]);
     const n: number = g.edges.length;
     // @ts-expect-error createApp lives in "ana/server", not in "ana"
     import type { createApp as notThere } from "ana";
     export { n, createApp };
     export type { notThere };
    `,
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ["use.ts"],
    }),
  );
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
    cwd: dir,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test("the installed `ana` bin runs the compiled CLI, with the same commands as the sources", () => {
  const help = (env: NodeJS.ProcessEnv) =>
    spawnSync(join(dir, "node_modules", ".bin", "ana"), ["--help"], {
      cwd: dir,
      env: { ...cleanEnv(), ANA_DEBUG_START: "1", ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
  const dist = help({});
  assert.equal(dist.status, 0, dist.stderr);
  assert.match(dist.stderr, /ana: running dist/);
  const src = help({ ANA_FROM_SOURCE: "1" });
  assert.equal(src.status, 0, src.stderr);
  assert.match(src.stderr, /ana: running src/);
  // command discovery finds the compiled commands: the help text is the same, command for command
  assert.match(dist.stdout, /Commands:\n {2}\w/);
  assert.equal(dist.stdout, src.stdout);
});

test('createApp from "ana/server" serves the same API as the sources', async () => {
  const r = runInConsumer(`
    const { createApp } = await import("ana/server");
    const { app } = await createApp({ db: ":memory:" });
    const res = await app.request("/api/openapi.json");
    console.log(JSON.stringify({ status: res.status, paths: Object.keys((await res.json()).paths).sort() }));`);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const { createApp } = await import("../../src/server/app.ts");
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/openapi.json");
  const paths = Object.keys(((await res.json()) as { paths: object }).paths).sort();
  assert.equal(out.status, 200);
  assert.ok(paths.length > 10, `only ${paths.length} API paths from the sources`);
  assert.deepEqual(out.paths, paths);
});
