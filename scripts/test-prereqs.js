// What the test run needs from the machine beyond Node and npm: Debian's `chromium` for the
// browser tests (test/e2e) and `clickhouse-server` for the ClickHouse store tests, which start
// their own two-shard cluster on loopback. Pure functions of the test files and the environment,
// so `scripts/run-tests.js` can act on them and tests can check them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** The Debian packages for each tool, as `.ci/run` always installed them. */
export const PACKAGES = {
  chromium: { packages: ["chromium"], flags: [] },
  "clickhouse-server": {
    packages: ["clickhouse-server", "clickhouse-client"],
    flags: ["--no-install-recommends"],
  },
};

/** Is `name` an executable on PATH (or an absolute path that exists)? */
export function onPath(name, env = process.env) {
  if (name.startsWith("/")) return existsSync(name);
  const r = spawnSync("sh", ["-c", `command -v "${name}"`], { env, encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() !== "";
}

/**
 * Which tools the given test files need, by what they use: the browser harness or playwright
 * (chromium), the ClickHouse endpoint variable (clickhouse-server).
 */
export function toolsNeeded(files, read = (f) => readFileSync(f, "utf8")) {
  const need = new Set();
  for (const f of files) {
    const text = read(f);
    if (/from "playwright-core"|from "\.\/harness\.ts"/.test(text)) need.add("chromium");
    if (/process\.env\.ANA_CLICKHOUSE/.test(text)) need.add("clickhouse-server");
  }
  return [...need].sort();
}

/**
 * The needed tools this machine lacks. chromium: `$CHROMIUM` or /usr/bin/chromium (what the
 * browser harness launches). clickhouse-server: only when no cluster is given in
 * `$ANA_CLICKHOUSE`; `$ANA_CH_SERVER`, PATH or /usr/sbin/clickhouse-server.
 */
export function missingTools(needed, env = process.env, has = (n) => onPath(n, env)) {
  const missing = [];
  for (const t of needed) {
    if (t === "chromium" && !has(env.CHROMIUM || "/usr/bin/chromium")) missing.push(t);
    if (
      t === "clickhouse-server" &&
      !env.ANA_CLICKHOUSE &&
      !(env.ANA_CH_SERVER
        ? has(env.ANA_CH_SERVER)
        : has("clickhouse-server") || has("/usr/sbin/clickhouse-server"))
    )
      missing.push(t);
  }
  return missing;
}

/** The apt-get commands that install `missing`, as argument vectors. */
export function installCommands(missing) {
  if (missing.length === 0) return [];
  const cmds = [["apt-get", "update", "-qq"]];
  for (const t of missing) {
    const { packages, flags } = PACKAGES[t];
    cmds.push(["apt-get", "install", "-y", "-qq", ...flags, ...packages]);
  }
  return cmds;
}

/**
 * What to do about missing tools: nothing, install them (running as root with apt-get), or stop
 * with the exact command to run.
 */
export function plan(missing, { root, apt }) {
  if (missing.length === 0) return { action: "none" };
  const cmds = installCommands(missing);
  if (root && apt) return { action: "install", commands: cmds };
  const line = cmds.map((c) => `sudo ${c.filter((a) => a !== "-qq").join(" ")}`).join(" && ");
  return {
    action: "stop",
    message:
      `npm test needs ${missing.join(" and ")}, which this machine lacks` +
      (root ? " (and apt-get is not available)" : " (and it does not run as root)") +
      `. Install ${missing.length > 1 ? "them" : "it"} with:\n\n  ${line}\n\n` +
      (missing.includes("chromium") ? "or set CHROMIUM to a Chromium binary; " : "") +
      (missing.includes("clickhouse-server")
        ? "or set ANA_CLICKHOUSE to a running two-shard cluster (scripts/clickhouse-cluster.sh); "
        : "") +
      "then run npm test again.",
  };
}
