import { closeSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { EVENT_ROW_COLUMNS, type EventRow, rowToTsv } from "../../ingest/event-row.ts";
import type {
  EventSink,
  FileRecord,
  ImportRecord,
  KnownFile,
  RowStream,
} from "../../ingest/event-sink.ts";
import type { Store } from "../store.ts";

const FLUSH_ROWS = 8192;
let stagingCounter = 0;
const liveStagingFiles = new Set<string>();

/**
 * Remove every staging file an import in this process has open (synchronous, so it can run in a
 * signal or exit handler). The store itself needs nothing: rows only enter an open transaction,
 * which DuckDB discards when the process dies before COMMIT. Library code installs no handlers:
 * the program that runs the import decides what an interrupt does (`ana import` calls this on
 * SIGINT/SIGTERM and at exit); files left by a killed process are removed by the next import.
 */
export function removeStagingFiles(): void {
  for (const p of liveStagingFiles) rmSync(p, { force: true });
  liveStagingFiles.clear();
}
function track(path: string): void {
  liveStagingFiles.add(path);
}
function untrack(path: string): void {
  rmSync(path, { force: true });
  liveStagingFiles.delete(path);
}

/** Staging pipes/files left by a killed import (its process is gone) are removed on the next import. */
function removeStaleStagingFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^\.ana-import-(\d+)-.*\.tsv$/.exec(n);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") rmSync(join(dir, n), { force: true });
    }
  }
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** DuckDB's reader for staged rows: explicit schema, no sniffing, no quoting. */
export function stagingReadSql(path: string): string {
  const cols = EVENT_ROW_COLUMNS.map(([, name, type]) => `'${name}': '${type}'`).join(", ");
  return `read_csv(${sqlString(path)}, delim='\\t', header=false, quote='', escape='', auto_detect=false, columns={${cols}})`;
}

/** Rows per staging segment: loaded by DuckDB while the parser fills the next one. */
export const SEGMENT_ROWS = 500_000;

/**
 * One file's rows on their way into `event_rows`. Rows are written to staging segments of
 * SEGMENT_ROWS rows; each full segment is loaded by DuckDB's CSV reader (on its own thread) while
 * the parser fills the next one, so parsing and loading use both cores. At most two segments exist
 * at a time; each is deleted once loaded. A load failure surfaces at the next chunk boundary.
 */
class DuckDbRowStream implements RowStream {
  private fd = -1;
  private segPath = "";
  private segRows = 0;
  private segments = 0;
  private buf: string[] = [];
  private loading: Promise<void> = Promise.resolve();
  private pending = 0;
  private ended = false;
  constructor(
    private store: Store,
    readonly fileId: number,
    private base: string,
    private consts: { goldsteinTable: string; quadScheme: string },
    private segmentRows: number,
  ) {
    this.newSegment();
  }

  private newSegment(): void {
    this.segPath = `${this.base}-${this.segments++}.tsv`;
    track(this.segPath);
    this.fd = openSync(this.segPath, "w");
    this.segRows = 0;
  }

  private load(path: string): Promise<void> {
    const cols = EVENT_ROW_COLUMNS.map(([, n]) => n).join(", ");
    return this.store.run(
      `INSERT INTO event_rows (file_id, ${cols}, goldstein_table, quad_scheme)
       SELECT ${this.fileId}, ${cols}, ${sqlString(this.consts.goldsteinTable)}, ${sqlString(this.consts.quadScheme)}
       FROM ${stagingReadSql(path)}`,
    );
  }

  write(row: EventRow): void {
    this.buf.push(rowToTsv(row));
    this.segRows++;
    if (this.buf.length >= FLUSH_ROWS) this.flush();
    if (this.segRows >= this.segmentRows) this.closeSegment(true);
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(""));
    this.buf = [];
  }

  /** Close the current segment and queue its load; open the next one if more rows follow. */
  private closeSegment(more: boolean): void {
    this.flush();
    closeSync(this.fd);
    const path = this.segPath;
    const rows = this.segRows;
    this.pending++;
    this.loading = this.loading.then(async () => {
      try {
        if (rows > 0) await this.load(path);
      } finally {
        untrack(path);
        this.pending--;
      }
    });
    this.loading.catch(() => undefined);
    if (more) this.newSegment();
  }

  /** Between input chunks: wait while two segments are queued (bounds disk use). */
  async drain(): Promise<void> {
    if (this.pending >= 2) await this.loading;
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.closeSegment(false);
    await this.loading;
  }
}

/**
 * The embedded store's sink. One import is one DuckDB transaction: every file's rows, its file
 * record and the import record land together at COMMIT, or not at all (ROLLBACK, or DuckDB
 * discarding the open transaction of a killed process).
 */
export class DuckDbEventSink implements EventSink {
  readonly location: string;
  private dir: string;
  private imp?: ImportRecord;
  private importId = 0;
  private nextFileId = 0;
  private open?: DuckDbRowStream;
  private tot = { files: 0, read: 0, imported: 0, rejected: 0 };
  private inTransaction = false;
  constructor(
    private store: Store,
    private options: { segmentRows?: number } = {},
  ) {
    this.dir = store.path === ":memory:" ? tmpdir() : dirname(store.path);
    this.location = `${store.path} (staging files in ${this.dir})`;
    removeStaleStagingFiles(this.dir);
  }

  async begin(imp: ImportRecord): Promise<void> {
    this.imp = imp;
    await this.store.run("SET preserve_insertion_order = false");
    await this.store.run("BEGIN TRANSACTION");
    this.inTransaction = true;
    const [{ id, fid }] = await this.store.all<{ id: number; fid: number }>(
      `SELECT (SELECT coalesce(max(import_id), 0) + 1 FROM event_imports)::INTEGER AS id,
              (SELECT coalesce(max(file_id), 0) FROM event_files)::INTEGER AS fid`,
    );
    this.importId = id;
    this.nextFileId = fid;
  }

  async knownFile(sha256: string): Promise<KnownFile | undefined> {
    const r = await this.store.all<{
      file_id: number;
      import_id: number;
      path: string;
      format: string | null;
    }>(
      "SELECT f.file_id, f.import_id, f.path, i.format FROM event_files f LEFT JOIN event_imports i ON i.import_id = f.import_id WHERE f.sha256 = ? AND f.rows_imported > 0",
      [sha256],
    );
    return r[0]
      ? {
          fileId: r[0].file_id,
          importId: r[0].import_id,
          path: r[0].path,
          ...(r[0].format ? { format: r[0].format } : {}),
        }
      : undefined;
  }

  async openFile(): Promise<RowStream> {
    if (!this.imp) throw new Error("DuckDbEventSink: begin() first");
    const base = join(this.dir, `.ana-import-${process.pid}-${Date.now()}-${stagingCounter++}`);
    this.open = new DuckDbRowStream(
      this.store,
      ++this.nextFileId,
      base,
      this.imp,
      this.options.segmentRows ?? SEGMENT_ROWS,
    );
    return this.open;
  }

  async finishFile(stream: RowStream, r: FileRecord, keep: boolean): Promise<void> {
    this.open = undefined;
    await stream.end();
    const s = this.store;
    if (!keep) {
      await s.run(`DELETE FROM event_rows WHERE file_id = ${stream.fileId}`);
      return;
    }
    this.tot.files++;
    this.tot.read += r.rowsRead;
    this.tot.imported += r.rowsImported;
    this.tot.rejected += r.rowsRejected;
    // Earlier versions recorded files none of whose rows landed (a wrong format): such a record
    // does not make the file "already imported"; it gives way to the real import.
    await s.run("DELETE FROM event_files WHERE sha256 = ? AND rows_imported = 0", [r.sha256]);
    await s.run("INSERT INTO event_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
      stream.fileId,
      this.importId,
      r.path,
      r.sha256,
      r.bytes,
      r.gzip,
      r.rowsRead,
      r.rowsImported,
      r.rowsRejected,
      JSON.stringify(r.rejects),
      JSON.stringify(r.warnings),
    ]);
    await s.run(
      `INSERT INTO event_actor_map
       SELECT ${stream.fileId}, dataset, raw, iso3, rule, count(*) FROM (
         SELECT dataset, source_raw AS raw, source_iso3 AS iso3, source_rule AS rule FROM event_rows WHERE file_id = ${stream.fileId}
         UNION ALL
         SELECT dataset, target_raw, target_iso3, target_rule FROM event_rows WHERE file_id = ${stream.fileId}
       ) WHERE raw IS NOT NULL OR rule IS NOT NULL GROUP BY ALL`,
    );
  }

  async commit(): Promise<{ importId: number }> {
    const imp = this.imp!;
    const s = this.store;
    await s.run("INSERT INTO event_imports VALUES (?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?)", [
      this.importId,
      imp.format,
      imp.startedAt.toISOString().replace("T", " ").replace("Z", ""),
      imp.goldsteinTable,
      imp.quadScheme,
      imp.dedup,
      this.tot.files,
      this.tot.read,
      this.tot.imported,
      this.tot.rejected,
      JSON.stringify(imp.options),
    ]);
    await s.run(
      "INSERT INTO event_settings VALUES ('dedup', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [imp.dedup],
    );
    await s.run("COMMIT");
    this.inTransaction = false;
    await s.run("RESET preserve_insertion_order");
    return { importId: this.importId };
  }

  async abort(): Promise<void> {
    if (this.open) {
      const o = this.open;
      this.open = undefined;
      await o.end().catch(() => undefined);
    }
    if (this.inTransaction) {
      await this.store.run("ROLLBACK");
      this.inTransaction = false;
      await this.store.run("RESET preserve_insertion_order");
    }
  }
}
