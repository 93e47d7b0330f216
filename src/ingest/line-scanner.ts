import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createGunzip } from "node:zlib";

/** Line flags passed to a handler: the parser decides what to do with a damaged line. */
export const LINE_OK = 0;
export const LINE_BAD_UTF8 = 1;
export const LINE_NUL = 2;

/**
 * Called once per non-empty line with the bytes `buf[start, end)` (line break and a trailing CR
 * removed), the 1-based line number in the decompressed text, and LINE_* flags.
 */
export type LineHandler = (
  buf: Buffer,
  start: number,
  end: number,
  line: number,
  flags: number,
) => void;

export interface ScanResult {
  /** sha256 of the file's bytes as stored (compressed files: of the compressed bytes). */
  sha256: string;
  /** Size of the file as stored. */
  bytes: number;
  gzip: boolean;
  /** Lines seen (including empty ones). */
  lines: number;
  /** Set when a compressed stream ended early; the partial last line is not handed on. */
  truncated?: { line: number; message: string };
}

export type ScanProgress = (bytesRead: number, bytesTotal: number) => void;

/** The first bytes of a file, to tell gzip (1f 8b) and zip (PK\x03\x04) apart from text. */
function magic(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const b = Buffer.alloc(4);
    const n = readSync(fd, b, 0, 4, 0);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Defaults for `scanLines`. */
export const SCAN_DEFAULTS = {
  /**
   * The longest line handed on, in bytes. Longer lines are passed to `onTooLong` (never buffered
   * past this) and scanning resumes after the next line break. Event rows are a few kB; a
   * single-line JSON array larger than this must be converted to JSON Lines.
   */
  maxLineBytes: 64 * 1024 * 1024,
};

export interface ScanOptions {
  progress?: ScanProgress;
  afterChunk?: () => Promise<void>;
  maxLineBytes?: number;
  /** Called for each line longer than `maxLineBytes` (with its line number and length). */
  onTooLong?: (line: number, bytes: number) => void;
}

/**
 * An error thrown by the line handler (a parser, and through it the sink) or by `afterChunk` (the
 * sink), passed on unchanged: only errors of reading the file are reported as "cannot read" it.
 */
class HandlerError {
  constructor(readonly error: unknown) {}
}

/**
 * Stream a plain or gzip-compressed text file line by line in bounded memory, hashing the stored
 * bytes on the way. Lines are handed on as byte ranges of large chunks, so the handler decodes only
 * the fields it needs. UTF-8 is checked per chunk (one native call) and per line only when a chunk
 * fails, so that a bad line is flagged without slowing clean files. A line that spans chunks is
 * collected as a list of pieces and joined once (linear time); a line longer than `maxLineBytes`
 * is skipped up to the next line break and reported through `onTooLong`.
 */
export async function scanLines(
  path: string,
  handler: LineHandler,
  progressOrOptions?: ScanProgress | ScanOptions,
  afterChunkArg?: () => Promise<void>,
): Promise<ScanResult> {
  const opts: ScanOptions =
    typeof progressOrOptions === "function" || progressOrOptions === undefined
      ? { progress: progressOrOptions, afterChunk: afterChunkArg }
      : progressOrOptions;
  const { progress, afterChunk } = opts;
  const maxLine = opts.maxLineBytes ?? SCAN_DEFAULTS.maxLineBytes;
  const size = statSync(path).size;
  const head = magic(path);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)
    throw new Error(
      `${path}: a zip archive (GDELT and ICEWS ship .zip): unzip it first, or recompress with gzip, which is read directly`,
    );
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const hash = createHash("sha256");
  let bytesRead = 0;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  raw.on("data", (c) => {
    hash.update(c as Buffer);
    bytesRead += (c as Buffer).length;
  });
  const stream: NodeJS.ReadableStream = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (gzip) raw.on("error", (e) => (stream as unknown as { destroy(e: Error): void }).destroy(e));

  let line = 0;
  const tooLong = (bytes: number) => {
    line++;
    opts.onTooLong?.(line, bytes);
  };
  const emit = (buf: Buffer, s: number, e: number, chunkOk: boolean, chunkNul: boolean) => {
    if (e - s > maxLine) return tooLong(e - s);
    line++;
    let le = e;
    if (le > s && buf[le - 1] === 13) le--;
    if (le <= s) return;
    let flags = LINE_OK;
    if (!chunkOk && !isUtf8(buf.subarray(s, le))) flags |= LINE_BAD_UTF8;
    if (chunkNul) {
      const z = buf.indexOf(0, s);
      if (z !== -1 && z < le) flags |= LINE_NUL;
    }
    try {
      handler(buf, s, le, line, flags);
    } catch (err) {
      throw new HandlerError(err);
    }
  };
  const processRegion = (buf: Buffer, from: number, last: number) => {
    // buf[from, last] holds complete lines; buf[last] is '\n'.
    const ok = isUtf8(buf.subarray(from, last));
    const z = buf.indexOf(0, from);
    const nul = z !== -1 && z < last;
    let s = from;
    while (s <= last) {
      const e = buf.indexOf(10, s);
      emit(buf, s, e, ok, nul);
      s = e + 1;
    }
  };

  // The unfinished line: pieces of chunks (joined once, when its line break arrives), or, once it
  // is longer than maxLine, only its length (skipping to the next line break).
  let parts: Buffer[] = [];
  let partLen = 0;
  let skipping = false;
  const hold = (b: Buffer) => {
    partLen += b.length;
    if (skipping) return;
    if (partLen > maxLine) {
      skipping = true;
      parts = [];
    } else parts.push(b);
  };

  let truncated: ScanResult["truncated"];
  try {
    for await (const c of stream) {
      const buf = c as Buffer;
      let s = 0;
      if (partLen > 0) {
        const nl = buf.indexOf(10);
        if (nl === -1) {
          hold(buf);
          s = buf.length;
        } else {
          if (skipping) tooLong(partLen + nl);
          else {
            parts.push(buf.subarray(0, nl + 1));
            const joined = Buffer.concat(parts, partLen + nl + 1);
            emit(joined, 0, joined.length - 1, isUtf8(joined), joined.indexOf(0) !== -1);
          }
          parts = [];
          partLen = 0;
          skipping = false;
          s = nl + 1;
        }
      }
      if (s < buf.length) {
        const last = buf.lastIndexOf(10);
        if (last >= s) {
          processRegion(buf, s, last);
          s = last + 1;
        }
        if (s < buf.length) hold(buf.subarray(s));
      }
      progress?.(bytesRead, size);
      if (afterChunk)
        try {
          await afterChunk();
        } catch (err) {
          throw new HandlerError(err);
        }
    }
  } catch (e) {
    if (e instanceof HandlerError) throw e.error;
    const err = e as NodeJS.ErrnoException;
    if (
      !gzip ||
      !(err.code?.startsWith("Z_") || /unexpected end|incorrect header|invalid/i.test(err.message))
    )
      throw new Error(`${path}: cannot read: ${err.message}`);
    truncated = {
      line: line + 1,
      message: `compressed stream damaged or cut short (${err.message})`,
    };
    parts = [];
    partLen = 0;
    skipping = false;
  }
  if (skipping) tooLong(partLen);
  else if (partLen > 0) {
    const buf = Buffer.concat(parts, partLen);
    try {
      emit(buf, 0, buf.length, isUtf8(buf), buf.indexOf(0) !== -1);
    } catch (e) {
      throw e instanceof HandlerError ? e.error : e;
    }
  }
  progress?.(bytesRead, size);
  if (truncated) {
    // The piped stream stopped early: hash the stored bytes again, so the file can be recognised.
    const h = createHash("sha256");
    for await (const c of createReadStream(path)) h.update(c as Buffer);
    return { sha256: h.digest("hex"), bytes: size, gzip, lines: line, truncated };
  }
  return { sha256: hash.digest("hex"), bytes: size, gzip, lines: line, truncated };
}
