import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Store } from "../../src/store/store.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "ana-store-"));

const tableNames = async (s: Store) =>
  (await s.all<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() ORDER BY 1")).map(
    (r) => r.t,
  );

test("Store.transaction rolls back everything when the work fails", async () => {
  const store = await Store.open(":memory:");
  try {
    await store.run("INSERT INTO event_settings VALUES ('dedup', 'exact')");
    await assert.rejects(
      store.transaction(async () => {
        await store.run("DELETE FROM event_settings");
        throw new Error("interrupted");
      }),
      /interrupted/,
    );
    const [c] = await store.all<{ n: number }>("SELECT count(*) AS n FROM event_settings");
    assert.equal(c.n, 1);
  } finally {
    store.close();
  }
});

test("close() while a statement runs lets it finish instead of hanging the process, then refuses more", async () => {
  const s = await Store.open(":memory:");
  const q = s.all<{ n: number }>("SELECT count(*)::BIGINT AS n FROM range(20000000)");
  s.close();
  assert.deepEqual(await q, [{ n: 20000000 }]);
  await assert.rejects(s.all("SELECT 1"), /closed/);
  s.close();
});

test("Store.open creates only the event tables: no scenario tables (nothing read them)", async () => {
  const store = await Store.open(":memory:");
  try {
    assert.deepEqual(await tableNames(store), [
      "event_actor_map",
      "event_files",
      "event_imports",
      "event_rows",
      "event_settings",
    ]);
  } finally {
    store.close();
  }
});

test("Store.panel() has the reference panel views and no event tables, and creates no file", async () => {
  const store = await Store.panel();
  try {
    assert.equal(store.access, "panel");
    assert.equal(store.file, false);
    assert.equal(store.events, false);
    assert.deepEqual(await tableNames(store), []);
    const [v] = await store.all<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_views() WHERE view_name LIKE 'ref_%'",
    );
    assert.ok(v.n > 0, "ref_* views attached");
  } finally {
    store.close();
  }
});

test("Store.read on a missing file stands in an empty in-memory store and does not create the file", async () => {
  const dir = tmp();
  try {
    const path = join(dir, "sub", "none.duckdb");
    const store = await Store.read(path);
    try {
      assert.equal(store.file, false);
      assert.equal(store.events, true);
      const [c] = await store.all<{ n: number }>("SELECT count(*) AS n FROM event_rows");
      assert.equal(c.n, 0);
    } finally {
      store.close();
    }
    assert.equal(existsSync(path), false);
    assert.equal(existsSync(join(dir, "sub")), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("readers share a store file; a reader refuses writes", async () => {
  const dir = tmp();
  try {
    const path = join(dir, "s.duckdb");
    const w = await Store.open(path, { access: "write" });
    await w.run("INSERT INTO event_settings VALUES ('dedup', 'daily')");
    w.close();
    const a = await Store.read(path);
    const b = await Store.read(path);
    try {
      assert.equal(a.file, true);
      for (const s of [a, b]) {
        const [r] = await s.all<{ value: string }>("SELECT value FROM event_settings");
        assert.equal(r.value, "daily");
      }
      await assert.rejects(a.run("DELETE FROM event_settings"), /read-only/i);
    } finally {
      a.close();
      b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Hold `path` open with `access` in a child process until it is killed. */
function holder(path: string, access: "read" | "write") {
  const src = `
    const { Store } = await import(${JSON.stringify(new URL("../../src/store/store.ts", import.meta.url).href)});
    const s = await Store.open(${JSON.stringify(path)}, { access: ${JSON.stringify(access)} });
    process.stdout.write("open\\n");
    setInterval(() => s, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", src], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("open") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  return { child, ready };
}

test("a writer is refused while another process reads, and the error names that process and what to do", async () => {
  const dir = tmp();
  const path = join(dir, "s.duckdb");
  (await Store.open(path, { access: "write" })).close();
  const h = holder(path, "read");
  try {
    await h.ready;
    const other = await Store.read(path);
    other.close();
    await assert.rejects(Store.open(path, { access: "write" }), (e: Error) => {
      assert.match(e.message, new RegExp(`PID ${h.child.pid}`));
      assert.match(e.message, /node/);
      assert.match(e.message, /wait for that process to finish or stop it/);
      return true;
    });
    // The panel never touches the file.
    (await Store.panel()).close();
  } finally {
    h.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a reader is refused while another process writes, with who writes; the panel still opens", async () => {
  const dir = tmp();
  const path = join(dir, "s.duckdb");
  const h = holder(path, "write");
  try {
    await h.ready;
    await assert.rejects(Store.read(path), (e: Error) => {
      assert.match(e.message, new RegExp(`being written by PID ${h.child.pid}`));
      return true;
    });
    const p = await Store.panel();
    const [v] = await p.all<{ n: number }>("SELECT count(*) AS n FROM ref_coverage");
    assert.ok(v.n > 0);
    p.close();
  } finally {
    h.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
