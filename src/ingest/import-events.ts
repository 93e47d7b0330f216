import type { DedupMode } from "./dedup.ts";
import { describeGuess, detectFormat, type FormatGuess } from "./detect-format.ts";
import type { EventSink } from "./event-sink.ts";
import { type GoldsteinTableId, goldsteinTable } from "./event-tables.ts";
import type { LineHandler } from "./line-scanner.ts";
import { SCAN_DEFAULTS, scanLines } from "./line-scanner.ts";
import type { ParseContext } from "./parse-context.ts";
import { type CsvMapping, csvParser } from "./parse-csv-mapped.ts";
import { gdeltParser } from "./parse-gdelt.ts";
import { icewsParser } from "./parse-icews.ts";
import { type FormatParser, ploverParser } from "./parse-plover.ts";
import type { QuadScheme } from "./quad-schemes.ts";
import { type BadLine, RejectLog } from "./reject-log.ts";

export type ImportFormat = "gdelt" | "icews" | "plover" | "csv";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["gdelt", "icews", "plover", "csv"];

export interface ImportOptions {
  format: ImportFormat;
  files: string[];
  /** Goldstein table; default: the source's own (gdelt for GDELT and CSV, icews for ICEWS). */
  goldsteinTable?: GoldsteinTableId;
  quadScheme?: QuadScheme;
  dedup?: DedupMode;
  /** Fail (and land nothing) on the first file with any rejected row. */
  strict?: boolean;
  /** Required for format "csv". */
  mapping?: CsvMapping;
  /** Longest line read, in bytes (longer lines are rejected as `line-too-long`). */
  maxLineBytes?: number;
  /** Progress: bytes of the current file read so far, rows seen in total. */
  onProgress?: (p: {
    file: string;
    fileIndex: number;
    bytesRead: number;
    bytesTotal: number;
    rows: number;
  }) => void;
}

export interface FileSummary {
  path: string;
  sha256: string;
  bytes: number;
  /**
   * "imported": its rows landed; "already-imported": the same bytes were imported before (skipped);
   * "duplicate-in-call": named twice; "empty": no line to read (nothing recorded); "rejected":
   * every row was rejected (nothing recorded, and the import fails).
   */
  status: "imported" | "already-imported" | "duplicate-in-call" | "empty" | "rejected";
  /** For already-imported files: where, and as which format, it was imported before. */
  previous?: { importId: number; fileId: number; path: string; format?: string };
  /** For rejected files: the format its first lines look like (null: none recognised). */
  looksLike?: string | null;
  fileId?: number;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejects: Record<string, number>;
  firstBadLines: BadLine[];
  warnings: Record<string, number>;
}

export interface ImportSummary {
  importId: number | null;
  format: ImportFormat;
  goldsteinTable: string;
  quadScheme: string;
  dedup: DedupMode;
  files: FileSummary[];
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejects: Record<string, number>;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Raised when every row of a file was rejected (usually: the wrong format named): nothing landed,
 * no file is recorded as imported. Carries every file's summary and says what the file looks like.
 */
export class RejectedFileError extends Error {
  constructor(
    message: string,
    readonly files: FileSummary[],
  ) {
    super(message);
    this.name = "RejectedFileError";
  }
}

/** Raised by `--strict` when a file has bad rows; carries the summary so far. Nothing landed. */
export class StrictImportError extends Error {
  constructor(
    message: string,
    readonly summary: FileSummary,
  ) {
    super(message);
    this.name = "StrictImportError";
  }
}

function parserFor(opts: ImportOptions, ctx: ParseContext, path: string): FormatParser {
  switch (opts.format) {
    case "gdelt":
      return { onLine: gdeltParser(ctx) };
    case "icews":
      return { onLine: icewsParser(ctx, path) };
    case "plover":
      return ploverParser(ctx, path);
    case "csv": {
      if (!opts.mapping) throw new Error("csv import needs a column mapping");
      const h: LineHandler = csvParser(ctx, path, opts.mapping);
      return { onLine: h };
    }
  }
}

/** The Goldstein table a format uses unless told otherwise: the source's own. */
export function defaultGoldsteinTable(format: ImportFormat): GoldsteinTableId {
  return format === "icews" ? "icews" : "gdelt";
}

/**
 * Import event files: parse and normalise each (streaming, plain or gzip) straight into the sink,
 * which holds everything invisible until one atomic commit. Files whose content hash is already in the
 * store are skipped and reported, so re-importing never double-counts. Deduplication is not done
 * here: rows are kept raw and deduplicated at query time under the mode recorded here.
 */
export async function importEvents(sink: EventSink, opts: ImportOptions): Promise<ImportSummary> {
  const t0 = performance.now();
  const startedAt = new Date();
  const tableId =
    opts.format === "plover"
      ? "plover"
      : (opts.goldsteinTable ?? defaultGoldsteinTable(opts.format));
  const quadScheme = opts.format === "plover" ? "plover" : (opts.quadScheme ?? "gdelt");
  const dedup = opts.dedup ?? "exact";
  const goldstein =
    opts.format === "plover"
      ? new Map<string, number>()
      : goldsteinTable(tableId as GoldsteinTableId);
  const summaries: FileSummary[] = [];
  const seen = new Set<string>();
  const guesses = new Map<string, FormatGuess>();
  let kept = 0;
  let rowsTotal = 0;
  await sink.begin({
    format: opts.format,
    startedAt,
    goldsteinTable: tableId,
    quadScheme,
    dedup,
    options: { strict: !!opts.strict, mapping: opts.mapping ?? null },
  });
  try {
    for (const [fileIndex, path] of opts.files.entries()) {
      const log = new RejectLog();
      const rows = await sink.openFile();
      let imported = 0;
      const ctx: ParseContext = {
        emit: (row) => {
          rows.write(row);
          imported++;
          rowsTotal++;
        },
        reject: (line, reason, detail) => {
          log.reject(line, reason, detail);
          rowsTotal++;
        },
        warn: (kind) => log.warn(kind),
        goldstein,
        quadScheme: (quadScheme === "plover" ? "gdelt" : quadScheme) as QuadScheme,
      };
      const parser = parserFor(opts, ctx, path);
      const maxLineBytes = opts.maxLineBytes ?? SCAN_DEFAULTS.maxLineBytes;
      let scan: Awaited<ReturnType<typeof scanLines>>;
      try {
        scan = await scanLines(path, parser.onLine, {
          progress: (bytesRead, bytesTotal) =>
            opts.onProgress?.({ file: path, fileIndex, bytesRead, bytesTotal, rows: rowsTotal }),
          afterChunk: () => rows.drain(),
          maxLineBytes,
          onTooLong: (line, bytes) => {
            log.reject(
              line,
              "line-too-long",
              `${bytes} bytes; lines longer than ${maxLineBytes} bytes are skipped (event rows are a few kB)`,
            );
            rowsTotal++;
          },
        });
      } catch (e) {
        // A parser that does not find its header: say what the file looks like instead.
        if (e instanceof Error && / header: missing column/.test(e.message))
          throw new Error(`${e.message}; ${describeGuess(detectFormat(path), path)}`);
        throw e;
      }
      parser.finish?.();
      if (scan.truncated) log.reject(scan.truncated.line, "truncated-file", scan.truncated.message);
      const summary: FileSummary = {
        path,
        sha256: scan.sha256,
        bytes: scan.bytes,
        status: "imported",
        rowsRead: imported + log.total,
        rowsImported: imported,
        rowsRejected: log.total,
        rejects: { ...log.byReason } as Record<string, number>,
        firstBadLines: log.first,
        warnings: log.warnings,
      };
      summaries.push(summary);
      if (opts.strict && log.total > 0) {
        const b = log.first[0];
        throw new StrictImportError(
          `${path}:${b.line}: ${b.reason}: ${b.detail} (--strict: ${log.total} bad row(s) in this file; nothing was imported)`,
          summary,
        );
      }
      await rows.end();
      // A file is recorded as imported only when rows landed: a file of the wrong format (every
      // row rejected) is not, so importing it again with the right format is not "already imported".
      const previous = imported > 0 ? await sink.knownFile(scan.sha256) : undefined;
      if (imported === 0) {
        summary.status = log.total > 0 ? "rejected" : "empty";
        if (log.total > 0) {
          const g = detectFormat(path);
          guesses.set(path, g);
          summary.looksLike = g.format;
        }
      } else if (previous) {
        summary.status = "already-imported";
        summary.previous = previous;
      } else if (seen.has(scan.sha256)) summary.status = "duplicate-in-call";
      // Skipped files' rows were read but do not land.
      if (summary.status !== "imported") summary.rowsImported = 0;
      const keep = summary.status === "imported";
      await sink.finishFile(
        rows,
        {
          path,
          sha256: scan.sha256,
          bytes: scan.bytes,
          gzip: scan.gzip,
          rowsRead: summary.rowsRead,
          rowsImported: summary.rowsImported,
          rowsRejected: summary.rowsRejected,
          rejects: summary.rejects,
          warnings: summary.warnings,
        },
        keep,
      );
      if (keep) {
        seen.add(scan.sha256);
        summary.fileId = rows.fileId;
        kept++;
      }
    }
    const rejected = summaries.filter((s) => s.status === "rejected");
    if (rejected.length > 0) {
      const why = rejected.map((s) => {
        const b = s.firstBadLines[0];
        const g = guesses.get(s.path) as FormatGuess;
        const guess =
          g.format === opts.format
            ? `its first lines read as ${opts.format} rows under the default tables: check --goldstein and the rejects listed`
            : describeGuess(g, s.path);
        return `${s.path}: none of its ${s.rowsRejected} row(s) is a valid ${opts.format} event (line ${b.line}: ${b.reason}: ${b.detail}); ${guess}`;
      });
      throw new RejectedFileError(
        `${why.join("\n")}\nnothing was imported (no file is recorded as imported)`,
        summaries,
      );
    }
    let importId: number | null = null;
    if (kept > 0) importId = (await sink.commit()).importId;
    else await sink.abort();
    const landed = summaries.filter((s) => s.status === "imported");
    const rejects: Record<string, number> = {};
    for (const s of landed)
      for (const [k, v] of Object.entries(s.rejects)) rejects[k] = (rejects[k] ?? 0) + v;
    const seconds = (performance.now() - t0) / 1000;
    const rowsRead = landed.reduce((a, s) => a + s.rowsRead, 0);
    return {
      importId,
      format: opts.format,
      goldsteinTable: tableId,
      quadScheme,
      dedup,
      files: summaries,
      rowsRead,
      rowsImported: landed.reduce((a, s) => a + s.rowsImported, 0),
      rowsRejected: landed.reduce((a, s) => a + s.rowsRejected, 0),
      rejects,
      seconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: seconds > 0 ? Math.round(rowsRead / seconds) : 0,
    };
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw storeError(e, sink);
  }
}

/**
 * A full disk (or quota) while writing the store is the store's problem, not the input's: say so,
 * naming the store, so that nobody goes looking for a fault in the file being imported.
 */
function storeError(e: unknown, sink: EventSink): unknown {
  const err = e as NodeJS.ErrnoException;
  const full =
    err?.code === "ENOSPC" ||
    err?.code === "EDQUOT" ||
    /no space left on device|disk quota exceeded|ENOSPC/i.test(String(err?.message));
  if (!full) return e;
  const out = new Error(
    `no space left writing the event store${sink.location ? ` ${sink.location}` : ""}: ${err.message}; free space there (or import to a store elsewhere with --db); nothing was imported`,
  ) as NodeJS.ErrnoException;
  out.code = err.code ?? "ENOSPC";
  return out;
}
