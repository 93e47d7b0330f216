import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

// Issue 15 over real HTTP (`ana serve` in its own process): Host checks on the wire, a client that
// disconnects stops its computation (threads freed), and SIGTERM stops a server that is computing.

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
let dir: string;
let proc: ChildProcess;
let port: number;

/** Threads of the server process (Linux). */
const threads = () =>
  Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${proc.pid}/status`, "utf8"))?.[1]);

async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) assert.fail(`${what} (after ${ms} ms)`);
    await sleep(50);
  }
}

/** A GET with raw headers (Host included); resolves with the status, or the request to abort. */
function get(path: string, headers: Record<string, string> = {}) {
  const req = request({ host: "127.0.0.1", port, path, headers });
  const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
  req.end();
  return { req, done };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "ana-serve-"));
  // Writable on a fresh store: no background warm-up, so the thread count is quiet.
  proc = spawn(
    process.execPath,
    [BIN, "serve", "--port", "0", "--writable", "--db", join(dir, "s.duckdb")],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  proc.stdout?.on("data", (d) => {
    out += d;
  });
  proc.stderr?.on("data", (d) => {
    out += d;
  });
  await until(() => /serving on http:\/\/[^:]+:(\d+)/.test(out), 60_000, `no start: ${out}`);
  port = Number(/serving on http:\/\/[^:]+:(\d+)/.exec(out)?.[1]);
});

after(() => {
  if (proc.exitCode === null) proc.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

test("over HTTP, a foreign Host (DNS rebinding) is 403 and the server's own names are served", async () => {
  assert.equal((await get("/api/health", { host: "evil.example" }).done).status, 403);
  assert.equal((await get("/api/health", { host: `localhost:${port}` }).done).status, 200);
  assert.equal((await get("/api/health").done).status, 200); // Host: 127.0.0.1:port
});

test("a client that disconnects from GET /api/simulate/doctrine stops it: the server's threads return to baseline", async () => {
  // One small run first, so that thread pools that start once are counted in the baseline.
  assert.equal((await get("/api/simulate/doctrine?runs=10&years=2").done).status, 200);
  await sleep(300);
  const base = threads();
  const { req, done } = get("/api/simulate/doctrine?runs=2000&years=50&seed=7");
  done.catch(() => undefined);
  await until(() => threads() > base, 30_000, "the computation's thread did not start");
  req.destroy();
  await until(() => threads() <= base, 15_000, `threads stayed above ${base}`);
});

test("SIGTERM stops a server in the middle of a computation", async () => {
  const { done } = get("/api/simulate/doctrine?runs=2000&years=50&seed=8");
  done.catch(() => undefined);
  await sleep(1500);
  const t0 = Date.now();
  proc.kill("SIGTERM");
  await until(() => proc.exitCode !== null || proc.signalCode !== null, 10_000, "still running");
  assert.ok(Date.now() - t0 < 10_000);
});
