import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { installCommands, missingTools, plan, toolsNeeded } from "../../scripts/test-prereqs.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith(".test.ts") ? [p] : [];
    });
}

test("toolsNeeded finds chromium for the browser tests and clickhouse-server for the cluster tests, and nothing else", () => {
  const all = walk(join(ROOT, "test"));
  assert.deepEqual(toolsNeeded(all), ["chromium", "clickhouse-server"]);
  const rel = (f: string) => f.slice(ROOT.length);
  const chromium = all.filter((f) => toolsNeeded([f]).includes("chromium")).map(rel);
  const ch = all.filter((f) => toolsNeeded([f]).includes("clickhouse-server")).map(rel);
  // The browser tests (render.test.ts renders with linkedom, no browser).
  assert.deepEqual(chromium, [
    "test/e2e/atlas.test.ts",
    "test/e2e/dashboard.test.ts",
    "test/e2e/lab-track-record.test.ts",
    "test/e2e/map-corridors.test.ts",
    "test/e2e/views.test.ts",
  ]);
  assert.deepEqual(ch, ["test/ops/clickhouse-server.test.ts", "test/store/clickhouse.test.ts"]);
  assert.deepEqual(toolsNeeded([join(ROOT, "test/store/store.test.ts")]), []);
});

test("missingTools honours CHROMIUM, ANA_CLICKHOUSE and ANA_CH_SERVER", () => {
  const none = () => false;
  const both: ("chromium" | "clickhouse-server")[] = ["chromium", "clickhouse-server"];
  assert.deepEqual(missingTools(both, {}, none), both);
  // A cluster given from outside needs no local server.
  assert.deepEqual(missingTools(both, { ANA_CLICKHOUSE: "clickhouse://h:8123" }, none), [
    "chromium",
  ]);
  const only = (name: string) => (n: string) => n === name;
  assert.deepEqual(missingTools(both, { CHROMIUM: "/opt/c" }, only("/opt/c")), [
    "clickhouse-server",
  ]);
  assert.deepEqual(missingTools(both, {}, only("/usr/bin/chromium")), ["clickhouse-server"]);
  assert.deepEqual(missingTools(["clickhouse-server"], {}, only("clickhouse-server")), []);
  assert.deepEqual(
    missingTools(["clickhouse-server"], { ANA_CH_SERVER: "/x/ch" }, only("clickhouse-server")),
    ["clickhouse-server"],
  );
});

test("plan installs with apt-get as root, and otherwise stops with the exact command", () => {
  assert.deepEqual(plan([], { root: false, apt: false }), { action: "none" });
  const install = plan(["chromium", "clickhouse-server"], { root: true, apt: true });
  assert.deepEqual(install, {
    action: "install",
    commands: [
      ["apt-get", "update", "-qq"],
      ["apt-get", "install", "-y", "-qq", "chromium"],
      [
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "clickhouse-server",
        "clickhouse-client",
      ],
    ],
  });
  const stop = plan(["clickhouse-server"], { root: false, apt: true });
  assert.equal(stop.action, "stop");
  assert.ok(
    stop.action === "stop" &&
      stop.message.includes(
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends clickhouse-server clickhouse-client",
      ),
  );
  assert.deepEqual(installCommands([]), []);
});

test("run-tests stops at once, before any check, when a needed tool is missing and it cannot install", () => {
  // Not root (an unprivileged uid when we are root), a Chromium path that does not exist.
  const asUser =
    process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
  const [cmd, ...rest] = [
    ...asUser,
    process.execPath,
    "scripts/run-tests.js",
    "test/e2e/dashboard.test.ts",
  ];
  const t0 = Date.now();
  const r = spawnSync(cmd, rest, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHROMIUM: "/nonexistent/chromium" },
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(
    r.stderr,
    /npm test needs chromium, which this machine lacks \(and it does not run as root\)/,
  );
  assert.match(r.stderr, /sudo apt-get update && sudo apt-get install -y chromium/);
  assert.ok(Date.now() - t0 < 10_000, "stopped at once, not after tsc");
});
