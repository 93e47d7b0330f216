import { once } from "node:events";
import { PassThrough } from "node:stream";
import { EVENT_ROW_COLUMNS, type EventRow } from "../../ingest/event-row.ts";
import type {
  EventSink,
  FileRecord,
  ImportRecord,
  KnownFile,
  RowStream,
} from "../../ingest/event-sink.ts";
import { actorMapInsertSql, distributedTableSql, lit, ROW_COLUMNS, rowsTableSql } from "./sql.ts";
import type { ClickHouseEventStore } from "./store.ts";

const FLUSH_ROWS = 8192;
const STAGE_PREFIX = "ana_stage_";

const HAS_SPECIAL = /[\\\t\r\n]/;

/**
 * One TabSeparated cell as ClickHouse reads it. Missing values (null, and "" as DuckDB's staging
 * reader reads it) are written `\N`: 18.16 loads an empty numeric field as 0, not NULL.
 * Backslashes are escaped (TabSeparated's escape character); tabs and line breaks become spaces,
 * as in the DuckDB staging file.
 */
function cell(v: unknown): string {
  if (v === null || v === undefined || v === "") return "\\N";
  if (typeof v === "string")
    return HAS_SPECIAL.test(v) ? v.replace(/[\t\r\n]/g, " ").replaceAll("\\", "\\\\") : v;
  if (typeof v === "boolean") return v ? "1" : "0";
  return String(v);
}

const KEYS = EVENT_ROW_COLUMNS.map(([k]) => k);

/** One row as a TabSeparated line in `ROW_COLUMNS` order. */
export function rowToClickHouseTsv(fileId: number, r: EventRow, constTail: string): string {
  let s = `${fileId}`;
  for (const k of KEYS) s += `\t${cell(r[k])}`;
  return `${s}${constTail}\n`;
}

/**
 * One file's rows streamed as a single `INSERT … FORMAT TabSeparated` into the file's staging
 * table (through its Distributed table in a cluster, so rows land on their shards). The parser
 * waits at chunk boundaries while the HTTP request body is backed up.
 */
class ClickHouseRowStream implements RowStream {
  private body = new PassThrough();
  private buf: string[] = [];
  private done: Promise<void>;
  private error?: Error;
  private ended = false;
  private tail: string;
  constructor(
    store: ClickHouseEventStore,
    readonly fileId: number,
    table: string,
    consts: { goldsteinTable: string; quadScheme: string },
  ) {
    this.tail = `\t${cell(consts.goldsteinTable)}\t${cell(consts.quadScheme)}`;
    this.done = store.clients[0]
      .insert({
        table: `${store.db}.${table}`,
        values: this.body,
        format: "TabSeparated",
        columns: ROW_COLUMNS as [string, ...string[]],
      })
      .then(() => undefined);
    this.done.catch((e: Error) => {
      this.error = e;
      this.body.destroy();
    });
  }

  write(row: EventRow): void {
    this.buf.push(rowToClickHouseTsv(this.fileId, row, this.tail));
    if (this.buf.length >= FLUSH_ROWS) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0 || this.error) return;
    this.body.write(this.buf.join(""));
    this.buf = [];
  }

  async drain(): Promise<void> {
    if (this.error) throw this.error;
    if (this.body.writableNeedDrain) {
      await Promise.race([once(this.body, "drain"), this.done]);
      if (this.error) throw this.error;
    }
  }

  async end(): Promise<void> {
    if (this.ended) return this.done;
    this.ended = true;
    this.flush();
    this.body.end();
    await this.done;
  }

  /** Give up: close the request body (the server discards a broken insert). */
  async cancel(): Promise<void> {
    this.ended = true;
    this.body.destroy();
    await this.done.catch(() => undefined);
  }
}

interface Staged {
  fileId: number;
  /** Staging table base name: `<name>_local` on every node, `<name>` (Distributed) on the first. */
  name: string;
  record?: FileRecord;
}

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
};

/**
 * The ClickHouse sink. Each file's rows go to a staging MergeTree on every node (never Log or
 * StripeLog: 18.16 deadlocks those behind a synchronous Distributed insert), partitioned like
 * `event_rows_local`. At commit every staged partition moves into `event_rows_local` with
 * `ATTACH PARTITION … FROM` (parts are hard-linked, not copied), the staging tables are dropped,
 * and the file records are written in one INSERT: the atomic commit point, since queries see only
 * rows of recorded files. An import that fails or dies before that point leaves nothing visible;
 * its staging tables are dropped by `abort` or by the next import.
 */
export class ClickHouseEventSink implements EventSink {
  private imp?: ImportRecord;
  private importId = 0;
  private nextFileId = 0;
  private token = "";
  private staged: Staged[] = [];
  private open?: ClickHouseRowStream;
  private tot = { files: 0, read: 0, imported: 0, rejected: 0 };
  constructor(private store: ClickHouseEventStore) {}

  /** Drop staging tables of imports whose process (on this host) is gone. */
  private async dropStaleStaging(): Promise<void> {
    const s = this.store;
    for (let i = 0; i < s.clients.length; i++) {
      const tables = await s.all<{ name: string }>(
        `SELECT name FROM system.tables WHERE database = ${lit(s.db)} AND startsWith(name, ${lit(STAGE_PREFIX)})`,
        i,
      );
      for (const { name } of tables) {
        const pid = Number(/^ana_stage_(\d+)_/.exec(name)?.[1]);
        if (pid && pid !== process.pid && !processAlive(pid))
          await s.command(`DROP TABLE IF EXISTS ${s.db}.${name}`, i);
      }
    }
  }

  async begin(imp: ImportRecord): Promise<void> {
    this.imp = imp;
    await this.dropStaleStaging();
    const s = this.store;
    const [{ id, fid }] = await s.all<{ id: number; fid: number }>(
      `SELECT (SELECT max(import_id) FROM ${s.db}.event_imports) + 1 AS id,
              greatest(greatest((SELECT max(file_id) FROM ${s.db}.event_files), (SELECT max(file_id) FROM ${s.db}.${s.rowsTable})),
                       (SELECT max(file_id) FROM ${s.db}.event_actor_map)) AS fid`,
    );
    // File ids of rows an earlier import left invisible are never reused: its rows would show.
    this.importId = id;
    this.nextFileId = fid;
    this.token = `${process.pid}_${Date.now()}`;
  }

  async knownFile(sha256: string): Promise<KnownFile | undefined> {
    const s = this.store;
    const r = await s.all<{ file_id: number; import_id: number; path: string }>(
      `SELECT file_id, import_id, path FROM ${s.db}.event_files WHERE sha256 = ${lit(sha256)} AND rows_imported > 0 ORDER BY file_id LIMIT 1`,
    );
    if (!r[0]) return undefined;
    const f = await s.all<{ format: string }>(
      `SELECT format FROM ${s.db}.event_imports WHERE import_id = ${Number(r[0].import_id)} LIMIT 1`,
    );
    return {
      fileId: r[0].file_id,
      importId: r[0].import_id,
      path: r[0].path,
      ...(f[0]?.format ? { format: f[0].format } : {}),
    };
  }

  async openFile(): Promise<RowStream> {
    if (!this.imp) throw new Error("ClickHouseEventSink: begin() first");
    const s = this.store;
    const fileId = ++this.nextFileId;
    const name = `${STAGE_PREFIX}${this.token}_${fileId}`;
    const staged: Staged = { fileId, name };
    this.staged.push(staged);
    await s.onEach(rowsTableSql(s.db, `${name}_local`));
    if (s.cluster) await s.command(distributedTableSql(s.db, name, `${name}_local`, s.cluster));
    this.open = new ClickHouseRowStream(s, fileId, s.cluster ? name : `${name}_local`, this.imp);
    return this.open;
  }

  private async dropStaging(st: Staged): Promise<void> {
    const s = this.store;
    if (s.cluster) await s.command(`DROP TABLE IF EXISTS ${s.db}.${st.name}`);
    await s.onEach(`DROP TABLE IF EXISTS ${s.db}.${st.name}_local`);
  }

  async finishFile(stream: RowStream, r: FileRecord, keep: boolean): Promise<void> {
    this.open = undefined;
    await stream.end();
    const st = this.staged.find((x) => x.fileId === stream.fileId);
    if (!st) throw new Error(`ClickHouseEventSink: unknown file ${stream.fileId}`);
    if (!keep) {
      await this.dropStaging(st);
      this.staged = this.staged.filter((x) => x !== st);
      return;
    }
    st.record = r;
    this.tot.files++;
    this.tot.read += r.rowsRead;
    this.tot.imported += r.rowsImported;
    this.tot.rejected += r.rowsRejected;
    const s = this.store;
    await s.command(actorMapInsertSql(s.db, s.cluster ? st.name : `${st.name}_local`, st.fileId));
  }

  async commit(): Promise<{ importId: number }> {
    await this.attachStaged();
    await this.writeRecords();
    // Staging tables are empty shells now.
    for (const st of this.staged) await this.dropStaging(st).catch(() => undefined);
    this.staged = [];
    return { importId: this.importId };
  }

  /** Commit step 1: move the staged parts into event_rows_local on every node (still invisible). */
  protected async attachStaged(): Promise<void> {
    const s = this.store;
    for (const st of this.staged) {
      for (let i = 0; i < s.clients.length; i++) {
        const parts = await s.all<{ p: string }>(
          `SELECT DISTINCT partition_id AS p FROM system.parts WHERE database = ${lit(s.db)} AND table = ${lit(`${st.name}_local`)} AND active`,
          i,
        );
        for (const { p } of parts)
          await s.command(
            `ALTER TABLE ${s.db}.event_rows_local ATTACH PARTITION ID ${lit(p)} FROM ${s.db}.${st.name}_local`,
            i,
          );
      }
    }
  }

  /** Commit step 2: the import record, then the file records in one INSERT: the commit point. */
  protected async writeRecords(): Promise<void> {
    const s = this.store;
    const imp = this.imp!;
    const ts = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
    await s.clients[0].insert({
      table: `${s.db}.event_imports`,
      format: "JSONEachRow",
      values: [
        {
          import_id: this.importId,
          format: imp.format,
          started_at: ts(imp.startedAt),
          finished_at: ts(new Date()),
          goldstein_table: imp.goldsteinTable,
          quad_scheme: imp.quadScheme,
          dedup: imp.dedup,
          files: this.tot.files,
          rows_read: this.tot.read,
          rows_imported: this.tot.imported,
          rows_rejected: this.tot.rejected,
          options: JSON.stringify(imp.options),
        },
      ],
    });
    await s.clients[0].insert({
      table: `${s.db}.event_files`,
      format: "JSONEachRow",
      values: this.staged.map((st) => {
        const r = st.record!;
        return {
          file_id: st.fileId,
          import_id: this.importId,
          path: r.path,
          sha256: r.sha256,
          bytes: r.bytes,
          gzip: r.gzip ? 1 : 0,
          rows_read: r.rowsRead,
          rows_imported: r.rowsImported,
          rows_rejected: r.rowsRejected,
          rejects: JSON.stringify(r.rejects),
          warnings: JSON.stringify(r.warnings),
        };
      }),
    });
  }

  async abort(): Promise<void> {
    if (this.open) {
      const o = this.open;
      this.open = undefined;
      await o.cancel();
    }
    for (const st of this.staged) await this.dropStaging(st).catch(() => undefined);
    this.staged = [];
  }
}
