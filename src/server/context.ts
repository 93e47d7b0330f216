import { loadScenario } from "../data/load-scenario.ts";
import { builtinScenarios, resolveScenarioDir } from "../data/scenario-registry.ts";
import type { Scenario } from "../model/scenario.ts";
import { Store } from "../store/store.ts";

export interface ServerOptions {
  /** Store file (default: the user data directory); ":memory:" for none. */
  db?: string;
  /** Allow requests that change the store. Off unless the operator says so. */
  writable?: boolean;
  /**
   * Scenario folders served beside the shipped ones, by id (`ana serve --scenario DIR`). Requests
   * still name only ids, never paths.
   */
  scenarios?: Record<string, string>;
  /**
   * Imported events from ClickHouse instead of the store file (`ana serve --store clickhouse://…`):
   * the operations that read imported events (dyads, relations) ask for them through it.
   */
  eventStore?: string;
}

/**
 * What route handlers share: validated scenarios (cached; requests may only name shipped
 * scenarios, never a path), and one store connection opened on first use.
 */
export class ServerContext {
  private scenarios = new Map<string, Scenario>();
  private storePromise?: Promise<Store>;
  constructor(readonly options: ServerOptions = {}) {}

  get writable(): boolean {
    return this.options.writable === true;
  }

  /** A shipped scenario by id. Request input is checked against the id pattern before any file access. */
  scenario(id = "azerbaijan"): Scenario {
    if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(id))
      throw new HttpError(400, `scenario: "${id}" is not a scenario id`);
    let s = this.scenarios.get(id);
    if (!s) {
      let dir: string;
      try {
        dir = this.options.scenarios?.[id] ?? resolveScenarioDir(id);
      } catch (e) {
        throw new HttpError(404, (e as Error).message);
      }
      s = loadScenario(dir);
      this.scenarios.set(id, s);
    }
    return s;
  }

  /** Ids of every scenario this server serves: the shipped ones and the extra folders. */
  scenarioIds(): string[] {
    return [
      ...new Set([...builtinScenarios(), ...Object.keys(this.options.scenarios ?? {})]),
    ].sort();
  }

  private memoCache = new Map<string, Promise<unknown>>();

  /**
   * Share one computation among identical requests: concurrent callers with the same key wait
   * for the same promise, and the answer is kept (up to `MEMO_ENTRIES`, oldest dropped first).
   * Only for pure functions of the request and the shipped data (scenarios do not change while
   * the server runs). A failed computation is not kept; `keep(result)` can refuse a result
   * (e.g. a solver stopped by its time limit).
   */
  memo<T>(
    key: string,
    compute: () => Promise<T>,
    keep: (v: T) => boolean = () => true,
  ): Promise<T> {
    const hit = this.memoCache.get(key);
    if (hit) {
      this.memoCache.delete(key);
      this.memoCache.set(key, hit);
      return hit as Promise<T>;
    }
    const p = compute();
    this.memoCache.set(key, p);
    while (this.memoCache.size > MEMO_ENTRIES)
      this.memoCache.delete(this.memoCache.keys().next().value as string);
    p.then(
      (v) => {
        if (!keep(v) && this.memoCache.get(key) === p) this.memoCache.delete(key);
      },
      () => {
        if (this.memoCache.get(key) === p) this.memoCache.delete(key);
      },
    );
    return p;
  }

  store(): Promise<Store> {
    this.storePromise ??= Store.open(this.options.db);
    return this.storePromise;
  }

  async close(): Promise<void> {
    if (this.storePromise) (await this.storePromise).close();
  }
}

/** Computed answers kept by `ServerContext.memo`. */
export const MEMO_ENTRIES = 256;

/** An error with an HTTP status, turned into `{"error": message}` by the app. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 500 | 503,
    message: string,
  ) {
    super(message);
  }
}
