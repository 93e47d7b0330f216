// The DEU III development file (121 issues). It is not shipped (no licence for redistribution was
// found, see data/SOURCES.md): the tests read the team's copy, or ANA_DEU_FILE.
import { existsSync, readFileSync } from "node:fs";

export const DEU_FILE =
  process.env.ANA_DEU_FILE ?? "/work/shared/data/models/deu/deu3_development_issues_1-121.tsv";

export function deuText(): string {
  if (!existsSync(DEU_FILE))
    throw new Error(
      `the DEU III development file is not at ${DEU_FILE}: set ANA_DEU_FILE to your copy (see docs/backtest.md)`,
    );
  return readFileSync(DEU_FILE, "utf8");
}
