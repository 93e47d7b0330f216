import assert from "node:assert/strict";
import { closeSync, openSync, writeSync } from "node:fs";
import { test } from "node:test";
import type { EventRow } from "../../src/ingest/event-row.ts";
import type { EventSink, RowStream } from "../../src/ingest/event-sink.ts";
import { importEvents } from "../../src/ingest/import-events.ts";
import { scanLines } from "../../src/ingest/line-scanner.ts";
import { GDELT1 } from "./helpers.ts";

// /dev/full answers every write with ENOSPC: a real full device, on any Linux machine.
const FULL = "/dev/full";

test("scanLines passes an error of the chunk callback (the sink) through, not as 'cannot read' the input", async () => {
  const fd = openSync(FULL, "w");
  try {
    await assert.rejects(
      scanLines(GDELT1, () => {}, { afterChunk: async () => void writeSync(fd, "x") }),
      (e: NodeJS.ErrnoException) => {
        assert.equal(e.code, "ENOSPC");
        assert.doesNotMatch(e.message, /cannot read/);
        return true;
      },
    );
  } finally {
    closeSync(fd);
  }
});

/** A sink that stages rows in a file on a full device, as a store on a full disk would. */
class FullDiskSink implements EventSink {
  readonly location = "/data/ana/events.duckdb";
  aborted = false;
  async begin(): Promise<void> {}
  async knownFile() {
    return undefined;
  }
  async openFile(): Promise<RowStream> {
    const fd = openSync(FULL, "w");
    return {
      fileId: 1,
      write: (row: EventRow) => void writeSync(fd, `${JSON.stringify(row)}\n`),
      drain: async () => {},
      end: async () => closeSync(fd),
    };
  }
  async finishFile(): Promise<void> {}
  async commit(): Promise<{ importId: number }> {
    return { importId: 1 };
  }
  async abort(): Promise<void> {
    this.aborted = true;
  }
}

test("a full disk while importing names the store, not the input file, and nothing is committed", async () => {
  const sink = new FullDiskSink();
  await assert.rejects(importEvents(sink, { format: "gdelt", files: [GDELT1] }), (e: Error) => {
    assert.match(e.message, /^no space left writing the event store \/data\/ana\/events\.duckdb/);
    assert.match(e.message, /nothing was imported/);
    assert.doesNotMatch(e.message, /cannot read/);
    return true;
  });
  assert.equal(sink.aborted, true);
});
