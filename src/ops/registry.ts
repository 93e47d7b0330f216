import type { Operation } from "./define.ts";
import * as ops from "./operations/index.ts";

/**
 * Every operation, declared once in `./operations/`. The CLI (`src/ops/cli.ts`), the HTTP API and
 * its OpenAPI document (`src/ops/http.ts`) and the library (`src/index.ts`) are derived from this
 * list. Declarations import their heavy modules lazily inside `run`, so loading the list is cheap.
 */
export const OPERATIONS: readonly Operation[] = Object.values(ops) as never;

/** Descriptions of the command groups whose subcommands are operations ("corridors"). */
export const GROUPS: Record<string, string> = {
  backtest: "score forecasting models against the outcomes of real decisions",
  scenario: "make and manage scenario folders",
  data: "check and inspect scenario data",
  simulate: "simulations: doctrine comparison under rivalry and shocks",
  corridors: "Eurasian transport and gas corridors: compare routes, close them, measure leverage",
};

/** An operation by its command name ("corridors compare"). */
export function operation(name: string): Operation | undefined {
  return OPERATIONS.find((o) => o.name === name);
}
