import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Where the store lives when `--db` is not given: `$ANA_DB`, else
 * `$XDG_DATA_HOME/ana/ana.duckdb`, else `~/.local/share/ana/ana.duckdb`.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANA_DB) return env.ANA_DB;
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "ana", "ana.duckdb");
}
