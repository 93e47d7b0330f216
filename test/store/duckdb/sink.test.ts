import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { importEvents } from "../../../src/ingest/import-events.ts";
import { DuckDbEventSink } from "../../../src/store/duckdb/sink.ts";
import { Store } from "../../../src/store/store.ts";
import { GDELT1, GDELT2, tempDir } from "../../ingest/helpers.ts";

const SRC = new URL("../../../src/", import.meta.url).pathname;
const staging = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(".ana-import-"));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

test("an import through the DuckDB sink installs no process handlers while it runs", async () => {
  const dir = tempDir();
  const store = await Store.open(join(dir, "s.duckdb"), { access: "write" });
  const before = ["SIGINT", "SIGTERM", "exit"].map((e) => process.listenerCount(e));
  const during: number[][] = [];
  try {
    const s = await importEvents(new DuckDbEventSink(store, { segmentRows: 64 }), {
      format: "gdelt",
      files: [GDELT1, GDELT2],
      onProgress: () => {
        during.push(["SIGINT", "SIGTERM", "exit"].map((e) => process.listenerCount(e)));
      },
    });
    assert.equal(s.rowsImported, 728);
  } finally {
    store.close();
  }
  assert.ok(during.length > 0, "progress was reported while rows were staged");
  for (const d of during) assert.deepEqual(d, before);
  assert.deepEqual(staging(dir), []);
});

test("no library file (outside src/cli) installs signal handlers or calls process.exit", () => {
  const offenders: string[] = [];
  for (const f of walk(SRC)) {
    const rel = relative(SRC, f);
    if (rel.startsWith("cli/")) continue;
    const text = readFileSync(f, "utf8");
    if (/process\.(exit\(|on\(\s*"(SIG\w+|exit)")/.test(text)) offenders.push(rel);
  }
  assert.deepEqual(offenders, []);
});

test("ana import stops on SIGINT with exit 130, removes its staging files and leaves the store unchanged", async () => {
  const dir = tempDir();
  const big = join(dir, "big.tsv");
  writeFileSync(big, readFileSync(GDELT2, "utf8").repeat(6000)); // 108,000 rows
  const db = join(dir, "s.duckdb");
  const bin = new URL("../../../bin/ana.js", import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, "import", "gdelt", big, "--db", db], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  // Interrupt as soon as it is staging rows, i.e. in the middle of the import.
  await new Promise<void>((resolve) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (staging(dir).length > 0 || Date.now() - t0 > 60000) {
        clearInterval(poll);
        child.kill("SIGINT");
        resolve();
      }
    }, 5);
  });
  const code = await exited;
  if (code === 0) {
    // The import finished before the signal arrived: then every row is there.
    const s = await Store.read(db);
    const [{ n }] = await s.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
    s.close();
    assert.equal(n, 108000);
    return;
  }
  assert.equal(code, 130, stderr);
  assert.match(stderr, /import interrupted \(SIGINT\): nothing was imported/);
  assert.deepEqual(staging(dir), []);
  const s = await Store.read(db);
  const [{ n }] = await s.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM event_rows");
  s.close();
  assert.equal(n, 0);
});
