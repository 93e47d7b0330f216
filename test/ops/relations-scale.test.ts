import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { relations } from "../../src/index.ts";
import { Store } from "../../src/store/store.ts";
import { importInto, readTable, tempDir } from "../ingest/helpers.ts";

/** A raw GDELT 2.0 row (61 tab-separated fields) for AZE → RUS with the given id, date and code. */
function gdelt2Row(id: number, ymd: string, code: string): string {
  const f = new Array<string>(61).fill("");
  f[0] = String(id);
  f[1] = ymd;
  f[2] = ymd.slice(0, 6);
  f[3] = ymd.slice(0, 4);
  f[5] = "AZE";
  f[7] = "AZE";
  f[15] = "RUS";
  f[17] = "RUS";
  f[25] = "1";
  f[26] = code;
  f[27] = code;
  f[28] = code.slice(0, 2);
  f[33] = "1";
  f[59] = `${ymd}120000`;
  return f.join("\t");
}

test("relations() over a dyad with 150,000 imported events answers (no call-stack overflow from argument spreading)", async () => {
  const dir = tempDir();
  try {
    const file = join(dir, "big.export.CSV");
    const perYear = { 2018: 100_000, 2019: 50_000 };
    const lines: string[] = [];
    let id = 1;
    for (const [y, n] of Object.entries(perYear))
      for (let i = 0; i < n; i++)
        lines.push(gdelt2Row(id++, `${y}${String((i % 12) + 1).padStart(2, "0")}15`, "042"));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const db = join(dir, "store.duckdb");
    const store = await Store.open(db);
    const s = await importInto(store, { format: "gdelt", files: [file] });
    store.close();
    assert.equal(s.rowsImported, 150_000);

    const r = await relations({ focal: "AZE", with: "RUS", evidence: "imported", db });
    const g = readTable("goldstein-gdelt.tsv").get("042");
    assert.ok(g !== undefined);
    assert.deepEqual(
      r.rows.map((x) => [x.period, x.n]),
      [
        ["2018", 100_000],
        ["2019", 50_000],
      ],
    );
    assert.ok(
      Math.abs((r.rows[0].goldsteinSum as number) - 100_000 * g) <= 1e-9 * 100_000 * Math.abs(g),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
