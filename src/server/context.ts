import { join } from "node:path";
import { loadScenario } from "../data/load-scenario.ts";
import {
  BUILTIN_SCENARIOS_DIR,
  builtinScenarios,
  DEFAULT_SCENARIO,
} from "../data/scenario-registry.ts";
import type { Scenario } from "../model/scenario.ts";
import { Store } from "../store/store.ts";
import { EncodedBodies } from "./encoded-bodies.ts";
import { dataFingerprint, ResponseCache } from "./response-cache.ts";

export interface ServerOptions {
  /** Store file (default: the user data directory); ":memory:" for none. */
  db?: string;
  /**
   * Allow requests that change the store. Off unless the operator says so. A writable server
   * holds the store file's lock from start to stop (no other process can open it meanwhile); a
   * read-only one opens it read-only, only while a request reads imported events.
   */
  writable?: boolean;
  /**
   * Scenario folders served beside the shipped ones, by id (`ana serve --scenario DIR`). Requests
   * still name only ids, never paths.
   */
  scenarios?: Record<string, string>;
  /**
   * Keep computed answers (`memo`) on disk in this folder between runs, keyed by a fingerprint of
   * the code and data (`ana serve` uses `defaultCacheDir()`). Read-only servers only. Off when
   * absent.
   */
  cacheDir?: string;
  /**
   * Imported events from ClickHouse instead of the store file (`ana serve --store clickhouse://…`):
   * the operations that read imported events (dyads, relations) ask for them through it.
   */
  eventStore?: string;
  /**
   * The interface the server is bound to (`ana serve --host`): requests must name it or a
   * loopback name in `Host` (DNS rebinding). Bound to 0.0.0.0 or ::, the machine's own addresses
   * and name are accepted too.
   */
  host?: string;
  /** Other names requests may use in `Host` (a reverse proxy's name). */
  allowedHosts?: string[];
}

/** Progress of the start-up warm-up (`src/server/warm-up.ts`), shown by `GET /api/health`. */
export interface WarmupState {
  state: "off" | "warming" | "ready" | "failed";
  /** Requests answered so far, of `total`. */
  done: number;
  total: number;
  /** The request being computed now. */
  current: string | null;
  /** Seconds since the warm-up started (while warming), or how long it took. */
  seconds: number | null;
  /** Requests that did not answer 200, with the error the user would see. */
  failed: { path: string; status: number; error: string }[];
}

/** A read-only server closes the store file this long after its last use (so imports can run). */
export const EVENTS_IDLE_MS = 2000;

/**
 * What route handlers share: validated scenarios (cached; requests may only name shipped
 * scenarios, never a path), the reference panel, and the store file for imported events.
 *  - `panel()`: the shipped Parquet panel in an in-memory DuckDB, opened once; never touches the
 *    store file, so any number of servers and CLI commands run beside each other.
 *  - `withEvents(fn)`: the store file for imported events. Read-only servers open it READ_ONLY
 *    (DuckDB's shared lock) for the requests that need it and close it when idle, so readers never
 *    block each other and `ana import` can run between requests; a writable server opens it for
 *    writing at start (`openWritable()`) and holds it until `close()`.
 */
export class ServerContext {
  private scenarios = new Map<string, Scenario>();
  private panelPromise?: Promise<Store>;
  private writePromise?: Promise<Store>;
  private reader?: { store: Promise<Store>; users: number; timer?: NodeJS.Timeout };
  private disk?: ResponseCache | null;
  /** Memoised answers as bytes (UTF-8, gzip), sent by `sendEncodedBodies`. */
  readonly bodies = new EncodedBodies({ entries: MEMO_ENTRIES });
  /** API requests being answered now, other than the warm-up's own (it yields to them). */
  activeRequests = 0;
  /** The start-up warm-up's progress ("off" until `warmUp` runs). */
  warmup: WarmupState = {
    state: "off",
    done: 0,
    total: 0,
    current: null,
    seconds: null,
    failed: [],
  };
  constructor(readonly options: ServerOptions = {}) {}

  /** The on-disk answer cache, or null (writable server, no `cacheDir`, or it cannot be made). */
  private diskCache(): ResponseCache | null {
    if (this.disk !== undefined) return this.disk;
    this.disk = null;
    if (this.writable || !this.options.cacheDir) return null;
    try {
      const fp = dataFingerprint(Object.values(this.options.scenarios ?? {}));
      this.disk = new ResponseCache(this.options.cacheDir, fp);
    } catch {
      this.disk = null;
    }
    return this.disk;
  }

  get writable(): boolean {
    return this.options.writable === true;
  }

  /** A shipped scenario by id. Request input is checked against the id pattern before any file access. */
  scenario(id = "azerbaijan"): Scenario {
    if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(id))
      throw new HttpError(400, `scenario: "${id}" is not a scenario id`);
    let s = this.scenarios.get(id);
    if (!s) {
      // Own properties and the shipped list only: never `constructor` from a prototype, never a
      // folder relative to the working directory.
      const extra = this.options.scenarios ?? {};
      const dir = Object.hasOwn(extra, id)
        ? extra[id]
        : builtinScenarios().includes(id)
          ? join(BUILTIN_SCENARIOS_DIR, id)
          : undefined;
      if (dir === undefined)
        throw new HttpError(
          404,
          `scenario: no scenario "${id}" on this server (served: ${this.scenarioIds().join(", ") || "none"})`,
        );
      s = loadScenario(dir);
      this.scenarios.set(id, s);
    }
    return s;
  }

  /**
   * The named scenario; without a name, the default scenario when this server serves one
   * (undefined only when it does not). A scenario that fails to load or validate is an error
   * (422 with its problems), never a silent "no scenario".
   */
  scenarioOrDefault(id?: string): Scenario | undefined {
    if (id) return this.scenario(id);
    if (!this.scenarioIds().includes(DEFAULT_SCENARIO)) return undefined;
    return this.scenario(DEFAULT_SCENARIO);
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
   * (e.g. a solver stopped by its time limit). With `cacheDir`, kept answers (JSON values) also
   * go to disk and are read back by the next server on the same code and data.
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
    const disk = this.diskCache();
    const p = disk
      ? (async () => {
          const cached = disk.get(key);
          if (cached !== undefined) return cached as T;
          const v = await compute();
          if (keep(v)) disk.put(key, v);
          return v;
        })()
      : compute();
    this.memoCache.set(key, p);
    p.then(
      (v) => {
        // Kept answers' JSON is sent many times: encode it once.
        const json = typeof v === "string" ? v : (v as { json?: unknown } | null)?.json;
        if (typeof json === "string") this.bodies.add(json);
      },
      () => undefined,
    );
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

  /** The shipped reference panel (in memory, opened once): for every query without imported events. */
  panel(): Promise<Store> {
    this.panelPromise ??= Store.panel();
    this.panelPromise.catch(() => {
      this.panelPromise = undefined;
    });
    return this.panelPromise;
  }

  /** @deprecated Use `panel()` (reference panel) or `withEvents()` (imported events). */
  store(): Promise<Store> {
    return this.panel();
  }

  /** A writable server's store, opened for writing (exclusive lock) on first call and held. */
  openWritable(): Promise<Store> {
    if (!this.writable) throw new HttpError(403, "this server is read-only");
    this.writePromise ??= Store.open(this.options.db, { access: "write" });
    return this.writePromise;
  }

  /**
   * Run `fn` with the store file for imported events: read-only and shared (closed
   * `EVENTS_IDLE_MS` after the last user), or a writable server's own store. A store that a
   * writer holds answers 503 with who holds it.
   */
  async withEvents<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const { store, release } = await this.acquireEvents();
    try {
      return await fn(store);
    } finally {
      release();
    }
  }

  /**
   * The store for imported events, held until `release()` (call it exactly once): what
   * `withEvents` does, for callers that cannot wrap their work in a function (an operation's
   * context releases it in its `close()`).
   */
  async acquireEvents(): Promise<{ store: Store; release: () => void }> {
    if (this.writable) return { store: await this.openWritable(), release: () => undefined };
    let r = this.reader;
    if (!r) {
      const store = Store.open(this.options.db, { access: "read" });
      r = { store, users: 0 };
      this.reader = r;
      const mine = r;
      store.catch(() => {
        if (this.reader === mine) this.reader = undefined;
      });
    }
    const mine = r;
    mine.users++;
    clearTimeout(mine.timer);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      mine.users--;
      if (mine.users === 0 && this.reader === mine) {
        mine.timer = setTimeout(() => {
          if (this.reader !== mine || mine.users > 0) return;
          this.reader = undefined;
          mine.store.then(
            (s) => s.close(),
            () => undefined,
          );
        }, EVENTS_IDLE_MS);
        mine.timer.unref();
      }
    };
    try {
      return { store: await mine.store, release };
    } catch (e) {
      release();
      throw new HttpError(503, (e as Error).message);
    }
  }

  /** True once `close()` was called (the warm-up stops starting requests). */
  closed = false;

  async close(): Promise<void> {
    this.closed = true;
    const open = [this.panelPromise, this.writePromise, this.reader?.store];
    if (this.reader) clearTimeout(this.reader.timer);
    this.panelPromise = this.writePromise = this.reader = undefined;
    for (const p of open) {
      if (!p) continue;
      try {
        (await p).close();
      } catch {
        // it never opened: nothing to close
      }
    }
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
