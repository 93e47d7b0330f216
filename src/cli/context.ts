import { resolveScenarioDir } from "../data/scenario-registry.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { UsageError } from "./usage-error.ts";

/** Load (and validate) the scenario named by `--scenario` (default: the shipped Azerbaijan scenario). */
export async function scenarioFromOptions(opts: { scenario?: string }): Promise<Scenario> {
  const { loadScenario } = await import("../data/load-scenario.ts");
  return loadScenario(resolveScenarioDir(opts.scenario));
}

/**
 * Run `fn` with a store for a query, then close it. Queries never take the writer's lock, so any
 * number run beside each other and beside `ana serve`:
 *  - by default the shipped reference panel alone (in memory; the store file is not opened, so
 *    `--db` does not matter and a running import does not block);
 *  - with `{ events: true }` the store named by `--db` (default: the user data directory) opened
 *    read-only, for work that reads imported events.
 * Writers (`ana import`) open the store themselves with `access: "write"`.
 */
export async function withStore<T>(
  opts: { db?: string },
  fn: (store: Store) => Promise<T>,
  options: { events?: boolean } = {},
): Promise<T> {
  const { Store } = await import("../store/store.ts");
  const store = options.events ? await Store.read(opts.db) : await Store.panel();
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Parse a year option, or fail as bad usage. */
export function yearOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new UsageError(`--${name} must be a year such as 2015, not "${v}"`);
  return Number(v);
}

/** Parse a comma-separated list of actor codes (upper-cased). */
export function codesOption(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const codes = v
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  for (const c of codes)
    if (!/^[A-Z][A-Z0-9_]{1,11}$/.test(c))
      throw new UsageError(`"${c}" is not an actor code (use ISO3 such as RUS)`);
  return codes;
}

/** Parse one actor code argument. */
export function codeArg(v: string): string {
  return codesOption(v)![0];
}
