// Which bulk path loads parsed event rows into DuckDB faster: the appender (one call per value)
// or staging TSV + read_csv with the explicit schema (what the importer uses)? Both start from the
// same parsed rows in memory and end with the rows in a file store. Usage:
// npx tsx bench/appender-vs-staging.ts RAW_GDELT2.tsv [ROWS]   (reads the first ROWS lines)
import { closeSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { DuckDBDateValue } from "@duckdb/node-api";
import { EVENT_ROW_COLUMNS, type EventRow, rowToTsv } from "../src/ingest/event-row.ts";
import { goldsteinTable } from "../src/ingest/event-tables.ts";
import { gdeltParser } from "../src/ingest/parse-gdelt.ts";
import { EVENT_ROWS_COLUMNS_SQL } from "../src/store/duckdb/event-schema.ts";
import { stagingReadSql } from "../src/store/duckdb/sink.ts";
import { Store } from "../src/store/store.ts";

const [file, n = "200000"] = process.argv.slice(2);
const want = Number(n);
// Read the first `want` lines.
const fd = openSync(file, "r");
const buf = Buffer.alloc(want * 600);
const got = readSync(fd, buf, 0, buf.length, 0);
closeSync(fd);
const rows: EventRow[] = [];
const parse = gdeltParser({
  emit: (r) => rows.push(r),
  reject: () => undefined,
  warn: () => undefined,
  goldstein: goldsteinTable("gdelt"),
  quadScheme: "gdelt",
});
let s = 0;
let line = 0;
while (rows.length < want) {
  const e = buf.indexOf(10, s);
  if (e === -1 || e >= got) break;
  parse(buf, s, e, ++line, 0);
  s = e + 1;
}
const out: Record<string, number> = { rows: rows.length };

async function fresh(name: string): Promise<Store> {
  for (const p of [name, `${name}.wal`]) rmSync(p, { force: true });
  const st = await Store.open(name);
  await st.run(`CREATE OR REPLACE TABLE t (${EVENT_ROWS_COLUMNS_SQL})`);
  return st;
}

{
  const st = await fresh("bench/tmp/appender.duckdb");
  const t = performance.now();
  const a = await st.connection.createAppender("t");
  const epoch = Date.UTC(1970, 0, 1);
  for (const r of rows) {
    a.appendInteger(1);
    for (const [k, , type] of EVENT_ROW_COLUMNS) {
      const v = r[k];
      if (v === null || v === undefined) a.appendNull();
      else if (type === "BIGINT") a.appendBigInt(BigInt(v as number));
      else if (type === "INTEGER") a.appendInteger(v as number);
      else if (type === "TINYINT") a.appendTinyInt(v as number);
      else if (type === "DOUBLE") a.appendDouble(v as number);
      else if (type === "BOOLEAN") a.appendBoolean(v as boolean);
      else if (type === "DATE")
        a.appendDate(new DuckDBDateValue(Math.round((Date.parse(v as string) - epoch) / 86400000)));
      else a.appendVarchar(v as string);
    }
    a.appendVarchar("gdelt");
    a.appendVarchar("gdelt");
    a.endRow();
  }
  a.closeSync();
  out.appender_s = (performance.now() - t) / 1000;
  st.close();
}
{
  const st = await fresh("bench/tmp/staging.duckdb");
  const t = performance.now();
  const path = "bench/tmp/staging-compare.tsv";
  writeFileSync(path, rows.map(rowToTsv).join(""));
  const cols = EVENT_ROW_COLUMNS.map(([, c]) => c).join(", ");
  await st.run(
    `INSERT INTO t (file_id, ${cols}, goldstein_table, quad_scheme) SELECT 1, ${cols}, 'gdelt', 'gdelt' FROM ${stagingReadSql(path)}`,
  );
  out.staging_s = (performance.now() - t) / 1000;
  st.close();
  rmSync(path);
}
for (const p of ["appender", "staging"])
  for (const x of ["", ".wal"]) rmSync(`bench/tmp/${p}.duckdb${x}`, { force: true });
console.log(JSON.stringify(out));
