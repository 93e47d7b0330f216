import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Scenarios shipped with ANA: `data/scenarios/<id>/`. */
export const BUILTIN_SCENARIOS_DIR = fileURLToPath(
  new URL("../../data/scenarios/", import.meta.url),
);

/** The scenario used when none is named. */
export const DEFAULT_SCENARIO = "azerbaijan";

/** Ids of the shipped scenarios. */
export function builtinScenarios(): string[] {
  if (!existsSync(BUILTIN_SCENARIOS_DIR)) return [];
  return readdirSync(BUILTIN_SCENARIOS_DIR)
    .filter((d) => existsSync(join(BUILTIN_SCENARIOS_DIR, d, "scenario.yaml")))
    .sort();
}

/**
 * The folder of a scenario given as a path or as a shipped scenario's id (default: azerbaijan).
 * Throws with the choices when it is neither.
 */
export function resolveScenarioDir(nameOrDir: string = DEFAULT_SCENARIO): string {
  if (existsSync(nameOrDir) && statSync(nameOrDir).isDirectory()) return resolve(nameOrDir);
  if (/^[a-z0-9-]+$/.test(nameOrDir)) {
    const dir = join(BUILTIN_SCENARIOS_DIR, nameOrDir);
    if (existsSync(join(dir, "scenario.yaml"))) return dir;
  }
  throw new Error(
    `scenario: "${nameOrDir}" is neither a folder nor a shipped scenario (shipped: ${builtinScenarios().join(", ") || "none"}); make one with \`ana scenario init <ISO3> <dir>\``,
  );
}
