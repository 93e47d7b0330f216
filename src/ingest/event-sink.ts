import type { EventRow } from "./event-row.ts";

/** A file already in the store (same content hash). */
export interface KnownFile {
  fileId: number;
  importId: number;
  path: string;
  /** The format it was imported as (sinks that know it). */
  format?: string;
}

/** What is recorded about one parsed file. */
export interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
  gzip: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejects: Record<string, number>;
  warnings: Record<string, number>;
}

export interface ImportRecord {
  format: string;
  startedAt: Date;
  goldsteinTable: string;
  quadScheme: string;
  dedup: string;
  options: Record<string, unknown>;
}

/** Receives one file's rows while it is parsed; nothing is visible before the import commits. */
export interface RowStream {
  readonly fileId: number;
  write(row: EventRow): void;
  /** Called between input chunks: the sink may make the parser wait here (backpressure). */
  drain(): Promise<void>;
  /** No more rows: wait until the store has taken them all. */
  end(): Promise<void>;
}

/**
 * Where parsed rows go. Storage-specific (the DuckDB sink streams rows into one open
 * transaction; a ClickHouse sink would fill a staging table and attach it). The contract:
 * nothing is visible until `commit` returns, and `abort` (or the process dying) leaves the store
 * exactly as it was.
 */
export interface EventSink {
  /** Where the rows go (a store file or server), named in errors such as a full disk. */
  readonly location?: string;
  /** Start the import (opens the transaction). */
  begin(imp: ImportRecord): Promise<void>;
  knownFile(sha256: string): Promise<KnownFile | undefined>;
  /** Stream one file's rows. Call `end()` before the next file. */
  openFile(): Promise<RowStream>;
  /** Record a file whose rows were streamed (or drop them: `keep` false, e.g. already imported). */
  finishFile(stream: RowStream, record: FileRecord, keep: boolean): Promise<void>;
  /** Make the import visible. */
  commit(): Promise<{ importId: number }>;
  abort(): Promise<void>;
}
