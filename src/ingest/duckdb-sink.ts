import { closeSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Store } from "../store/store.ts";
import { EVENT_ROW_COLUMNS, type EventRow, rowToTsv } from "./event-row.ts";
import type { EventSink, FileRecord, ImportRecord, KnownFile, StagedFile } from "./event-sink.ts";

const FLUSH_ROWS = 16384;
let stagingCounter = 0;
const liveStagingFiles = new Set<string>();
function removeStagingFiles(): void {
  for (const p of liveStagingFiles) rmSync(p, { force: true });
  liveStagingFiles.clear();
}
// An interrupted import drops its staging files and stops. The store is untouched: rows are only
// staged until the final transaction, which DuckDB rolls back if the process dies inside it.
// The handlers are installed only while files are staged.
function onSignal(sig: NodeJS.Signals): void {
  removeStagingFiles();
  process.stderr.write(`\nana: import interrupted (${sig}): nothing was imported\n`);
  process.exit(130);
}
function track(path: string): void {
  if (liveStagingFiles.size === 0) {
    process.on("exit", removeStagingFiles);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  liveStagingFiles.add(path);
}
function untrack(path: string): void {
  liveStagingFiles.delete(path);
  if (liveStagingFiles.size === 0) {
    process.off("exit", removeStagingFiles);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Staging files left by a killed import (its process is gone) are removed on the next import. */
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

/** DuckDB's reader for a staging file: explicit schema, no sniffing, no quoting. */
export function stagingReadSql(path: string): string {
  const cols = EVENT_ROW_COLUMNS.map(([, name, type]) => `'${name}': '${type}'`).join(", ");
  return `read_csv(${sqlString(path)}, delim='\\t', header=false, quote='', escape='', auto_detect=false, columns={${cols}})`;
}

class StagingFile implements StagedFile {
  private fd: number;
  private buf: string[] = [];
  closed = false;
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
    track(path);
  }
  write(row: EventRow): void {
    this.buf.push(rowToTsv(row));
    if (this.buf.length >= FLUSH_ROWS) this.flush();
  }
  private flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(""));
    this.buf = [];
  }
  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
  discard(): void {
    if (!this.closed) {
      this.buf = [];
      closeSync(this.fd);
      this.closed = true;
    }
    rmSync(this.path, { force: true });
    untrack(this.path);
  }
}

/**
 * The embedded store's sink. Rows are staged as a tab-separated file next to the database (never
 * in memory); `commit` loads every staged file with DuckDB's CSV reader inside one transaction,
 * with the file and import records, so an import lands whole or not at all, and a process killed
 * mid-way leaves only an uncommitted transaction that DuckDB discards.
 */
export class DuckDbEventSink implements EventSink {
  private staged: StagingFile[] = [];
  private dir: string;
  constructor(private store: Store) {
    this.dir = store.path === ":memory:" ? tmpdir() : dirname(store.path);
    removeStaleStagingFiles(this.dir);
  }

  async knownFile(sha256: string): Promise<KnownFile | undefined> {
    const r = await this.store.all<{ file_id: number; import_id: number; path: string }>(
      "SELECT file_id, import_id, path FROM event_files WHERE sha256 = ?",
      [sha256],
    );
    return r[0] ? { fileId: r[0].file_id, importId: r[0].import_id, path: r[0].path } : undefined;
  }

  stage(): StagedFile {
    const f = new StagingFile(
      join(this.dir, `.ana-import-${process.pid}-${Date.now()}-${stagingCounter++}.tsv`),
    );
    this.staged.push(f);
    return f;
  }

  async commit(
    imp: ImportRecord,
    files: { record: FileRecord; staged: StagedFile }[],
  ): Promise<{ importId: number; fileIds: number[] }> {
    const s = this.store;
    try {
      await s.run("SET preserve_insertion_order = false");
      return await s.transaction(async () => {
        const [{ id }] = await s.all<{ id: number }>(
          "SELECT (coalesce(max(import_id), 0) + 1)::INTEGER AS id FROM event_imports",
        );
        const [{ fid }] = await s.all<{ fid: number }>(
          "SELECT coalesce(max(file_id), 0)::INTEGER AS fid FROM event_files",
        );
        const tot = { read: 0, imported: 0, rejected: 0 };
        const fileIds: number[] = [];
        let next = fid;
        for (const { record: r, staged } of files) {
          const fileId = ++next;
          fileIds.push(fileId);
          tot.read += r.rowsRead;
          tot.imported += r.rowsImported;
          tot.rejected += r.rowsRejected;
          await s.run("INSERT INTO event_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            fileId,
            id,
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
          if (r.rowsImported === 0) continue;
          const path = (staged as StagingFile).path;
          const cols = EVENT_ROW_COLUMNS.map(([, n]) => n).join(", ");
          await s.run(
            `INSERT INTO event_rows (file_id, ${cols}, goldstein_table, quad_scheme)
             SELECT ${fileId}, ${cols}, ${sqlString(imp.goldsteinTable)}, ${sqlString(imp.quadScheme)}
             FROM ${stagingReadSql(path)}`,
          );
          await s.run(
            `INSERT INTO event_actor_map
             SELECT ${fileId}, dataset, raw, iso3, rule, count(*) FROM (
               SELECT dataset, source_raw AS raw, source_iso3 AS iso3, source_rule AS rule FROM event_rows WHERE file_id = ${fileId}
               UNION ALL
               SELECT dataset, target_raw, target_iso3, target_rule FROM event_rows WHERE file_id = ${fileId}
             ) WHERE raw IS NOT NULL OR rule IS NOT NULL GROUP BY ALL`,
          );
        }
        await s.run("INSERT INTO event_imports VALUES (?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?)", [
          id,
          imp.format,
          imp.startedAt.toISOString().replace("T", " ").replace("Z", ""),
          imp.goldsteinTable,
          imp.quadScheme,
          imp.dedup,
          files.length,
          tot.read,
          tot.imported,
          tot.rejected,
          JSON.stringify(imp.options),
        ]);
        await s.run(
          "INSERT INTO event_settings VALUES ('dedup', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [imp.dedup],
        );
        return { importId: id, fileIds };
      });
    } finally {
      await s.run("RESET preserve_insertion_order");
      await this.abort();
    }
  }

  /** Remove every staging file. */
  async abort(): Promise<void> {
    for (const f of this.staged) f.discard();
    this.staged = [];
  }
}
