/** A mistake in how a command was called: printed with a hint and exit code 2 (see src/ops/errors.ts). */
export { UsageError } from "../ops/errors.ts";
