// Types of every operation's parameters and result, derived from the registry, for clients of the
// HTTP API (the dashboard imports these with `import type`, so no server code reaches the browser).
import type * as ops from "./operations/index.ts";
import type { ParamShape, ParamsInput } from "./params.ts";

type Ops = typeof ops;

/** An operation by its library name: "alignment", "corridorsCompare", "simulateDoctrine", … */
export type OperationName = keyof Ops;

/** What an operation answers: its `--json`, its API response, its library result. */
export type ApiResult<K extends OperationName> = Awaited<ReturnType<Ops[K]["run"]>>;

/** The parameters an operation takes (as the library takes them; the API takes the same names). */
export type ApiParams<K extends OperationName> = Ops[K] extends {
  params: infer P extends ParamShape;
}
  ? ParamsInput<P>
  : never;
