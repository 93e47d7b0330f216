import type { Store } from "../store/store.ts";
import type { Operation } from "./define.ts";
import { OpError, renderParamNames, UsageError } from "./errors.ts";
import { LocalContext, type LocalOptions } from "./local-context.ts";
import type { ParamShape, ParamsInput } from "./params.ts";
import { parseParams } from "./parse.ts";
import { loadZod } from "./zod.ts";

let sharedPanel: Promise<Store> | undefined;

/**
 * The reference panel for library calls: opened once per process and kept (an in-memory DuckDB
 * over the shipped Parquet files; it holds no file lock and does not keep the process alive).
 */
function panel(): Promise<Store> {
  sharedPanel ??= import("../store/store.ts").then(({ Store }) => Store.panel());
  sharedPanel.catch(() => {
    sharedPanel = undefined;
  });
  return sharedPanel;
}

/** A library function's options: the operation's parameters plus where the data live. */
export type LibraryOptions<P extends ParamShape> = ParamsInput<P> & LocalOptions;

/**
 * The library form of an operation: one options object (the command's options in camelCase plus
 * its named positionals, and `db`/`store` for the store), returning exactly what `--json` prints.
 * Bad options throw a `UsageError` naming the option.
 */
export function libraryFunction<P extends ParamShape, R>(
  op: Operation<P, R>,
): (options: LibraryOptions<P>) => Promise<R> {
  const fn = async (options: LibraryOptions<P>): Promise<R> => {
    const { db, store, ...input } = (options ?? {}) as LocalOptions & Record<string, unknown>;
    let ctx: LocalContext | undefined;
    try {
      await loadZod();
      const params = parseParams(op, input, { unknownKeys: "error", allowed: ["db", "store"] });
      ctx = new LocalContext(
        { db: db ?? (typeof op.uses?.db === "string" ? op.uses.db : undefined), store },
        panel,
      );
      return await op.run(ctx, params);
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(renderParamNames(e.message, "api"));
      if (e instanceof OpError) throw new OpError(e.status, renderParamNames(e.message, "api"));
      throw e;
    } finally {
      await ctx?.close();
    }
  };
  Object.defineProperty(fn, "name", { value: op.fnName });
  return fn;
}
