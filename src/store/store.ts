import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { defaultStorePath } from "./default-path.ts";
import { createSchema } from "./schema.ts";

export type Row = Record<string, unknown>;

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

/**
 * ANA's analytical store: one DuckDB database holding the scenarios and imported events, with
 * the shipped reference panel attached as views. One process may hold a store file at a time
 * (DuckDB's lock), so commands open it, work, and close it.
 */
export class Store {
  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Open (creating if needed) the store at `path` (default: `defaultStorePath()`; ":memory:" for none). */
  static async open(path: string = defaultStorePath()): Promise<Store> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (e) {
      const msg = (e as Error).message;
      if (/lock/i.test(msg)) {
        throw new Error(
          `store: ${path} is in use by another ANA process (DuckDB allows one at a time): stop it (e.g. \`ana serve\`) or pass --db with another file`,
        );
      }
      throw new Error(`store: cannot open ${path}: ${msg}`);
    }
    const connection = await instance.connect();
    const store = new Store(path, instance, connection);
    await createSchema(store);
    return store;
  }

  /** Run a statement. */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Run a query and return its rows as plain objects (BIGINT as number). */
  async all<T = Row>(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>,
  ): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
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

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
