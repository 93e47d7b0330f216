import type { EventRow } from "./event-row.ts";

/** A file already in the store (same content hash). */
export interface KnownFile {
  fileId: number;
  importId: number;
  path: string;
}

/** What is recorded about one parsed file when the import lands. */
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

/** Receives one file's rows while it is parsed (staged, not yet visible). */
export interface StagedFile {
  write(row: EventRow): void;
  /** No more rows. */
  close(): void;
  /** Drop what was staged. */
  discard(): void;
}

/**
 * Where parsed rows go. Storage-specific: the DuckDB sink stages rows in a file and loads it in
 * one transaction; another engine (ClickHouse, issue 9) implements the same contract. Nothing is
 * visible in the store until `commit` returns; `abort` leaves the store as it was.
 */
export interface EventSink {
  knownFile(sha256: string): Promise<KnownFile | undefined>;
  stage(): StagedFile;
  /** Land the staged files (in order) and the import record atomically; returns ids. */
  commit(
    imp: ImportRecord,
    files: { record: FileRecord; staged: StagedFile }[],
  ): Promise<{ importId: number; fileIds: number[] }>;
  abort(): Promise<void>;
}
