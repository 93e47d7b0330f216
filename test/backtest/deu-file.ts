// The DEU III development file (121 issues). It is not shipped (no licence for redistribution was
// found, see data/SOURCES.md): the tests read the shared copy beside the repository (as in CI),
// ANA_SHARED_DATA's, or the file ANA_DEU_FILE names.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../util/shared-data.ts";

const NAME = join("models", "deu", "deu3_development_issues_1-121.tsv");
const candidates = [
  process.env.ANA_DEU_FILE,
  process.env.ANA_SHARED_DATA && join(process.env.ANA_SHARED_DATA, NAME),
  join(REPO, "..", "shared", "data", NAME),
  join("/work/shared/data", NAME),
].filter(Boolean) as string[];

export const DEU_FILE = candidates.find((c) => existsSync(c)) ?? candidates[candidates.length - 1];

export function deuText(): string {
  if (!existsSync(DEU_FILE))
    throw new Error(
      `the DEU III development file is not at ${candidates.join(" or ")}: set ANA_DEU_FILE to your copy (see docs/backtest.md)`,
    );
  return readFileSync(DEU_FILE, "utf8");
}
