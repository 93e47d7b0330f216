import { readScenario } from "../data/load-scenario.ts";
import { ValidationError } from "../data/problem.ts";
import { DEFAULT_SCENARIO, resolveScenarioDir } from "../data/scenario-registry.ts";
import type { Scenario } from "../model/scenario.ts";

/**
 * The scenario a measure command uses: the one named by `--scenario`, else the shipped default
 * when it exists. A named scenario that cannot be found or is invalid is an error; a missing
 * default is not (panel-only measures then run without scenario data). Returns the record lines
 * too, so errors can name file:line.
 */
export function optionalScenario(opts: {
  scenario?: string;
}): { scenario: Scenario; lines: Record<string, number[]> } | undefined {
  let dir: string;
  try {
    dir = resolveScenarioDir(opts.scenario ?? DEFAULT_SCENARIO);
  } catch (e) {
    if (opts.scenario) throw e;
    return undefined;
  }
  const r = readScenario(dir);
  if (!r.scenario) throw new ValidationError(r.problems);
  return { scenario: r.scenario, lines: r.lines };
}
