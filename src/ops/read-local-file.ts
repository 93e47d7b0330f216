import { readFileSync } from "node:fs";
import type { OpContext } from "./context.ts";
import { UsageError } from "./errors.ts";

/** Read a file an operation was given by path: only on the local surface, never from a request. */
export function readLocalFile(ctx: OpContext, file: string): string {
  if (ctx.surface !== "local") throw new UsageError("files are read only on the command line");
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
