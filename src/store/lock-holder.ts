import { readFileSync } from "node:fs";

/**
 * Who holds a DuckDB file lock, from DuckDB's lock error ("Conflicting lock is held in
 * /usr/bin/node (PID 1234)"): the PID and, where /proc shows it, the command line
 * (`node bin/ana.js serve --port 8080`). Undefined when the message names no PID.
 */
export function lockHolder(message: string): { pid: number; command?: string } | undefined {
  const m = /PID (\d+)/.exec(message);
  if (!m) return undefined;
  const pid = Number(m[1]);
  let command: string | undefined;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    command = undefined;
  }
  return { pid, ...(command ? { command } : {}) };
}

/** The holder as words: `PID 1234 (node bin/ana.js serve)` or `another process`. */
export function describeHolder(message: string): string {
  const h = lockHolder(message);
  if (!h) return "another process";
  return h.command ? `PID ${h.pid} (${h.command})` : `PID ${h.pid}`;
}
