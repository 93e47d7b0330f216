import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

// Real processes on one default store (XDG_DATA_HOME points at a temporary folder, so the default
// path is $XDG_DATA_HOME/ana/ana.duckdb): the "one store, many readers" done-when.
const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;
const ICEWS = new URL("../data/events/icews_events.2018.sample.tab", import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), "ana-readers-"));
const env = {
  ...process.env,
  XDG_DATA_HOME: home,
  XDG_CACHE_HOME: home,
  ANA_DB: "",
  ANA_CACHE_DIR: "",
};
const STORE = join(home, "ana", "ana.duckdb");
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(home, { recursive: true, force: true });
});

/** Stop a server with SIGTERM and wait for it to exit (it must, even mid-warm-up). */
function stop(c: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (c.exitCode !== null) return resolve(c.exitCode);
    const t = setTimeout(
      () => reject(new Error(`ana serve (PID ${c.pid}) did not stop within 60 s of SIGTERM`)),
      60_000,
    );
    c.once("exit", (code) => {
      clearTimeout(t);
      resolve(code);
    });
    c.kill("SIGTERM");
  });
}

/** Run `ana …` to completion. */
function ana(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (d: Buffer) => {
      stdout += d;
    });
    c.stderr.on("data", (d: Buffer) => {
      stderr += d;
    });
    c.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Start `ana serve --port 0 …` and wait for its address. */
function serve(
  ...args: string[]
): Promise<{ url: string; child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { env });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const t = setTimeout(
      () => reject(new Error(`ana serve did not start within 120 s: ${out}`)),
      120_000,
    );
    child.stdout?.on("data", (d: Buffer) => {
      out += d;
      const m = /serving on (http:\/\/[^/]+\/)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve({ url: m[1], child, out: () => out });
      }
    });
    child.stderr?.on("data", (d: Buffer) => {
      out += d;
    });
    child.on("exit", (code) => reject(new Error(`ana serve exited ${code}: ${out}`)));
  });
}

test("servers and query commands share the default store; a writer holds it alone and says who it is", {
  timeout: 600_000,
}, async () => {
  // A default store with imported events in it.
  const imp = await ana("import", "icews", ICEWS, "--json");
  assert.equal(imp.status, 0, imp.stderr);
  assert.ok(existsSync(STORE));

  // One server, its scorecard loaded, and a read of imported events through it.
  const a = await serve();
  const card = await fetch(`${a.url}api/scorecard?focal=AZE&from=2015&to=2016`);
  assert.equal(card.status, 200, await card.clone().text());
  assert.ok(Array.isArray(((await card.json()) as { cells: unknown[] }).cells));
  const rel = await fetch(`${a.url}api/relations?focal=AZE&with=ARM&evidence=imported`);
  assert.equal(rel.status, 200, await rel.clone().text());

  // The done-when: a query command on the same default store exits 0 …
  const al = await ana(
    "alignment",
    "AZE",
    "--with",
    "RUS",
    "--from",
    "2015",
    "--to",
    "2016",
    "--json",
  );
  assert.equal(al.status, 0, al.stderr);
  const rows = (JSON.parse(al.stdout) as { rows: { year: number; b: string }[] }).rows;
  assert.deepEqual(
    rows.map((r) => [r.year, r.b]),
    [
      [2015, "RUS"],
      [2016, "RUS"],
    ],
  );
  // … so does one that reads imported events from the store file itself (read-only beside the
  // server's own read-only handle) …
  const dy = await ana("dyads", "--actor", "AZE", "--json");
  assert.equal(dy.status, 0, dy.stderr);
  assert.ok((JSON.parse(dy.stdout) as { rows: unknown[] }).rows.length > 0);

  // … and a second server on another scenario folder answers its scorecard with 200, and its
  // event views too, while the first one still answers.
  const b = await serve("--scenario", MINI);
  const card2 = await fetch(`${b.url}api/scorecard?focal=AZE&scenario=mini&from=2015&to=2016`);
  assert.equal(card2.status, 200, await card2.clone().text());
  const rel2 = await fetch(`${b.url}api/relations?focal=AZE&with=ARM&scenario=mini`);
  assert.equal(rel2.status, 200, await rel2.clone().text());
  const [r1, r2] = await Promise.all([
    fetch(`${a.url}api/dyads?actor=AZE`),
    fetch(`${b.url}api/dyads?actor=AZE`),
  ]);
  assert.equal(r1.status, 200);
  assert.equal(r2.status, 200);
  assert.deepEqual(await r1.json(), await r2.json());

  // A writer takes the lock and says so; readers of the store file are then told who holds it,
  // while panel-only queries carry on.
  // Both stop promptly on SIGTERM, whatever their warm-up is doing.
  assert.deepEqual(await Promise.all([stop(a.child), stop(b.child)]), [0, 0]);
  const w = await serve("--writable");
  assert.match(w.out(), new RegExp(`holds the store ${STORE.replaceAll("/", "\\/")} for writing`));
  const blocked = await ana("dyads", "--actor", "AZE", "--json");
  assert.equal(blocked.status, 1);
  assert.match(
    blocked.stderr,
    new RegExp(`being written by PID ${w.child.pid} \\(.*serve --port 0 --writable`),
  );
  assert.match(blocked.stderr, /wait for it to finish or stop it/);
  const al2 = await ana(
    "alignment",
    "AZE",
    "--with",
    "RUS",
    "--from",
    "2015",
    "--to",
    "2016",
    "--json",
  );
  assert.equal(al2.status, 0, al2.stderr);
  const imp2 = await ana("import", "icews", ICEWS, "--json");
  assert.equal(imp2.status, 1);
  assert.match(imp2.stderr, new RegExp(`in use by PID ${w.child.pid}`));
  assert.equal(await stop(w.child), 0);
});
