import { type ClickHouseClient, ClickHouseLogLevel, createClient } from "@clickhouse/client";
import type { ClickHouseConfig } from "./config.ts";
import { distributedTableSql, ident, lit, metadataTablesSql, rowsTableSql } from "./sql.ts";

/** Settings sent with every request (18.16 takes none in the query text). */
const SETTINGS = {
  // Counts come back as JSON numbers, not strings.
  output_format_json_quote_64bit_integers: 0,
  // A Distributed INSERT returns only when every shard holds its rows (the default spools them
  // and sends them seconds later).
  insert_distributed_sync: 1,
  // Long imports and aggregations keep the connection alive through proxies.
  send_progress_in_http_headers: 1,
  http_headers_progress_interval_ms: "60000",
} as const;

/**
 * ANA's event store on ClickHouse: one node, or a cluster of shards with a `Distributed` table.
 * Every node holds `event_rows_local` (a MergeTree) and, in a cluster, `event_rows` (Distributed
 * over the shards); the first node also holds the import and file records and starts the queries.
 */
export class ClickHouseEventStore {
  private constructor(
    readonly config: ClickHouseConfig,
    readonly clients: ClickHouseClient[],
  ) {}

  get db(): string {
    return this.config.database;
  }
  get cluster(): string | undefined {
    return this.config.cluster;
  }
  /** The table queries read: the Distributed table in a cluster, else the node's own. */
  get rowsTable(): string {
    return this.cluster ? "event_rows" : "event_rows_local";
  }
  describe(): string {
    return `ClickHouse ${this.cluster ? `cluster ${this.cluster} (${this.clients.length} shards)` : "single node"} ${this.config.nodes.join(", ")} database ${this.db}`;
  }

  /** Connect to every node, check the cluster, create the schema where missing. */
  static async open(config: ClickHouseConfig): Promise<ClickHouseEventStore> {
    const clients = config.nodes.map((url) =>
      createClient({
        url,
        username: config.username ?? "default",
        password: config.password ?? "",
        request_timeout: config.requestTimeoutSeconds * 1000,
        clickhouse_settings: SETTINGS,
        // Errors are thrown to the caller, which reports them once.
        log: { level: ClickHouseLogLevel.OFF },
      }),
    );
    const s = new ClickHouseEventStore(config, clients);
    try {
      for (const [i, c] of clients.entries()) {
        const p = await c.ping();
        if (!p.success)
          throw new Error(
            `store: ClickHouse node ${config.nodes[i]} does not answer (${(p as { error?: Error }).error?.message ?? "no reply"}): is the server running and is this its HTTP port?`,
          );
      }
      if (config.cluster) {
        const [{ n }] = await s.all<{ n: number }>(
          `SELECT count() AS n FROM system.clusters WHERE cluster = ${lit(config.cluster)}`,
        );
        if (n !== clients.length)
          throw new Error(
            `store: cluster "${config.cluster}" on ${config.nodes[0]} has ${n} shard(s) in <remote_servers>, but --store lists ${clients.length} node(s): list every shard's HTTP endpoint once`,
          );
      }
      await s.createSchema();
    } catch (e) {
      await s.close();
      throw e;
    }
    return s;
  }

  private async createSchema(): Promise<void> {
    const db = ident(this.db);
    await this.onEach(`CREATE DATABASE IF NOT EXISTS ${db}`);
    await this.onEach(rowsTableSql(db, "event_rows_local"));
    if (this.cluster)
      await this.onEach(distributedTableSql(db, "event_rows", "event_rows_local", this.cluster));
    for (const sql of metadataTablesSql(db)) await this.command(sql);
  }

  /** Run a statement on one node (default: the first). */
  async command(sql: string, node = 0): Promise<void> {
    await this.clients[node].command({ query: sql });
  }

  /** Run a statement on every node (DDL without ZooKeeper's ON CLUSTER). */
  async onEach(sql: string): Promise<void> {
    for (let i = 0; i < this.clients.length; i++) await this.command(sql, i);
  }

  /** Rows of a query as plain objects (run on the first node unless told). */
  async all<T>(sql: string, node = 0): Promise<T[]> {
    const rs = await this.clients[node].query({ query: sql, format: "JSONEachRow" });
    return (await rs.json()) as T[];
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
  }
}
