import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { attachPanel } from "./attach-panel.ts";
import { defaultStorePath } from "./default-path.ts";
import { createEventSchema } from "./duckdb/event-schema.ts";
import { describeHolder } from "./lock-holder.ts";

export type Row = Record<string, unknown>;

/**
 * How a store is opened:
 *  - `write`: the store file itself, created if needed, with DuckDB's exclusive lock. For writers
 *    only (`ana import`, `ana serve --writable`); one at a time, and no reader beside it.
 *  - `read`: the store file READ_ONLY (DuckDB's shared lock: any number of readers side by side).
 *    When the file does not exist yet there is nothing imported: an in-memory database with the
 *    (empty) event tables stands in, and the file is not created.
 *  - `panel`: no store file at all: an in-memory database with the shipped reference panel only
 *    (no event tables). For every query that needs no imported events; never waits for a lock.
 * Every mode attaches the shipped Parquet reference panel as `ref_*` views.
 */
export type StoreAccess = "write" | "read" | "panel";

export interface StoreOpenOptions {
  /** Default "write" (the historical behaviour); queries should ask for "read" or "panel". */
  access?: StoreAccess;
}

const OPEN_DEFAULTS: Required<StoreOpenOptions> = { access: "write" };

/** Turn DuckDB values into plain JSON-friendly values: BIGINT → number, dates → ISO strings. */
function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Date) return v.toISOString();
  const o = v as { toString?: () => string; items?: unknown[]; entries?: unknown };
  // DuckDB's own value classes (dates, decimals, lists) print themselves sensibly.
  if ("items" in o && Array.isArray(o.items)) return o.items.map(plain);
  const name = v.constructor?.name ?? "";
  if (name.startsWith("DuckDB") && typeof o.toString === "function") {
    const s = o.toString();
    const num = Number(s);
    return name.includes("Decimal") && Number.isFinite(num) ? num : s;
  }
  const out: Row = {};
  for (const [k, x] of Object.entries(v)) out[k] = plain(x);
  return out;
}

/** What to tell the user when DuckDB refuses the lock. */
function lockMessage(path: string, access: StoreAccess, dbMessage: string): string {
  const holder = describeHolder(dbMessage);
  if (access === "write")
    return `store: ${path} is in use by ${holder}. Writing (\`ana import\`, \`ana serve --writable\`) needs the store to itself, with no reader or writer beside it: wait for that process to finish or stop it (kill ${/PID (\d+)/.exec(dbMessage)?.[1] ?? "it"}), then retry; or pass --db with another file`;
  return `store: ${path} is being written by ${holder} (\`ana import\` or \`ana serve --writable\` hold the store to themselves): wait for it to finish or stop it, then retry; or pass --db with another file`;
}

/**
 * ANA's analytical store: imported events in one DuckDB file, with the shipped reference panel
 * attached as views. Readers share the file (`read`), writers hold it alone (`write`), and work
 * that needs only the panel does not open it at all (`panel`): see `StoreAccess`.
 *
 * API:
 *  - `Store.open(path?, { access })` — open the store at `path` (default `defaultStorePath()`;
 *    ":memory:" for a private in-memory one).
 *  - `Store.read(path?)` = `open(path, { access: "read" })`; `Store.panel()` = the panel alone.
 *  - `store.run(sql, params)`, `store.all(sql, params)`, `store.transaction(fn)`, `store.close()`.
 *  - `store.access`, `store.path`, `store.file` (whether a store file is open), `store.events`
 *    (whether the event tables exist: false for `panel`).
 */
export class Store {
  private constructor(
    readonly path: string,
    readonly access: StoreAccess,
    /** True when the store file itself is open (not an in-memory stand-in). */
    readonly file: boolean,
    /** True when the imported-event tables are present (every mode but `panel`). */
    readonly events: boolean,
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Open the store at `path` (default: `defaultStorePath()`; ":memory:" for none). */
  static async open(
    path: string = defaultStorePath(),
    options: StoreOpenOptions = {},
  ): Promise<Store> {
    const { access } = { ...OPEN_DEFAULTS, ...options };
    const memory =
      path === ":memory:" || access === "panel" || (access === "read" && !existsSync(path));
    if (!memory && access === "write") mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = memory
        ? await DuckDBInstance.create(":memory:")
        : await DuckDBInstance.create(path, access === "read" ? { access_mode: "READ_ONLY" } : {});
    } catch (e) {
      const msg = (e as Error).message;
      if (/lock/i.test(msg)) throw new Error(lockMessage(path, access, msg));
      throw new Error(
        `store: cannot open ${path}${access === "read" ? " (read-only)" : ""}: ${msg}`,
      );
    }
    const connection = await instance.connect();
    const events = access !== "panel";
    const store = new Store(
      access === "panel" ? ":memory:" : path,
      access,
      !memory,
      events,
      instance,
      connection,
    );
    try {
      // A read-only file already has its tables (created by the writer that made it).
      if (events && !(access === "read" && !memory)) await createEventSchema(store);
      await attachPanel(store);
    } catch (e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The store file for reading (shared with other readers); see `StoreAccess`. */
  static read(path: string = defaultStorePath()): Promise<Store> {
    return Store.open(path, { access: "read" });
  }

  /** The shipped reference panel alone, in memory: no store file, no lock. */
  static panel(): Promise<Store> {
    return Store.open(":memory:", { access: "panel" });
  }

  private busy = 0;
  private closing = false;

  /**
   * Count a statement in flight while it runs. Closing DuckDB while a statement runs hangs the
   * process (the statement never settles), so `close()` waits for the last one.
   */
  private async track<T>(p: () => Promise<T>): Promise<T> {
    if (this.closing) throw new Error(`store: ${this.path} is closed`);
    this.busy++;
    try {
      return await p();
    } finally {
      this.busy--;
      if (this.closing && this.busy === 0) this.closeNow();
    }
  }

  /** Run a statement. */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.track(() => this.connection.run(sql, params));
  }

  /** Run a query and return its rows as plain objects (BIGINT as number). */
  async all<T = Row>(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>,
  ): Promise<T[]> {
    const reader = await this.track(() => this.connection.runAndReadAll(sql, params));
    return reader.getRowObjects().map((r) => plain(r) as T);
  }

  /** Run `fn` inside a transaction: all of it lands, or none of it does. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run("BEGIN TRANSACTION");
    try {
      const out = await fn();
      await this.run("COMMIT");
      return out;
    } catch (e) {
      await this.run("ROLLBACK");
      throw e;
    }
  }

  /**
   * Close the store: now when no statement runs, else as soon as the last one ends (new
   * statements are refused from now on). The file's lock is released when it is closed.
   */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.busy === 0) this.closeNow();
  }

  private closeNow(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
