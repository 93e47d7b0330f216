import { readFileSync } from "node:fs";
import { ident } from "./sql.ts";

/** Where a ClickHouse event store lives. */
export interface ClickHouseConfig {
  /** HTTP(S) endpoints, one per shard; the first one holds the import records and starts queries. */
  nodes: string[];
  /** The cluster name in the servers' `<remote_servers>`; required with more than one node. */
  cluster?: string;
  /** Database for ANA's tables (created if missing). Default `ana`. */
  database: string;
  username?: string;
  password?: string;
  /** Seconds a request may take (default 600). */
  requestTimeoutSeconds: number;
}

const HELP =
  "use clickhouse://host:port[,host:port...][?cluster=NAME&database=ana&user=U&password=P&secure=1] (HTTP ports) or a JSON file " +
  '{"nodes":["http://host:8123",...],"cluster":"NAME","database":"ana","username":"U","password":"P"}';

/**
 * Parse `--store`: a `clickhouse://` URL or the path of a JSON config file. The password may also
 * come from the environment (`ANA_CLICKHOUSE_PASSWORD`) so it stays out of shell history.
 */
export function parseStoreOption(v: string): ClickHouseConfig {
  let cfg: ClickHouseConfig;
  if (/^clickhouses?:\/\//.test(v)) {
    const m = /^clickhouse(s?):\/\/(?:([^:@/]+)(?::([^@/]*))?@)?([^/?]+)\/?(?:\?(.*))?$/.exec(v);
    if (!m) throw new Error(`--store: cannot read "${v}": ${HELP}`);
    const [, s, user, pass, hosts, query] = m;
    const params = new URLSearchParams(query ?? "");
    const secure = s === "s" || params.get("secure") === "1";
    const nodes = hosts.split(",").map((h) => {
      if (!/^[A-Za-z0-9.\-[\]:]+:\d+$/.test(h))
        throw new Error(`--store: "${h}" is not host:port (the node's HTTP port): ${HELP}`);
      return `${secure ? "https" : "http"}://${h}`;
    });
    cfg = {
      nodes,
      cluster: params.get("cluster") ?? undefined,
      database: params.get("database") ?? "ana",
      username: params.get("user") ?? (user ? decodeURIComponent(user) : undefined),
      password: params.get("password") ?? (pass ? decodeURIComponent(pass) : undefined),
      requestTimeoutSeconds: Number(params.get("timeout") ?? 600),
    };
  } else {
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(readFileSync(v, "utf8"));
    } catch (e) {
      throw new Error(
        `--store: "${v}" is neither a clickhouse:// URL nor a readable JSON config file (${(e as Error).message}): ${HELP}`,
      );
    }
    const nodes = j.nodes;
    if (
      !Array.isArray(nodes) ||
      nodes.length === 0 ||
      !nodes.every((n) => typeof n === "string" && /^https?:\/\//.test(n))
    )
      throw new Error(
        `--store ${v}: field "nodes" must be a non-empty list of http(s)://host:port URLs: ${HELP}`,
      );
    cfg = {
      nodes: nodes as string[],
      cluster: typeof j.cluster === "string" ? j.cluster : undefined,
      database: typeof j.database === "string" ? j.database : "ana",
      username: typeof j.username === "string" ? j.username : undefined,
      password: typeof j.password === "string" ? j.password : undefined,
      requestTimeoutSeconds:
        typeof j.requestTimeoutSeconds === "number" ? j.requestTimeoutSeconds : 600,
    };
  }
  cfg.password ??= process.env.ANA_CLICKHOUSE_PASSWORD;
  ident(cfg.database);
  if (cfg.cluster !== undefined) ident(cfg.cluster);
  if (cfg.nodes.length > 1 && !cfg.cluster)
    throw new Error(
      `--store: ${cfg.nodes.length} nodes need the cluster's name as the servers define it in <remote_servers> (?cluster=NAME): ${HELP}`,
    );
  if (!(cfg.requestTimeoutSeconds > 0))
    throw new Error("--store: timeout must be a positive number of seconds");
  return cfg;
}
