import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseCsv } from "../../src/data/csv.ts";
import { GDELT_CSV_PRESET } from "../../src/ingest/parse-csv-mapped.ts";
import { dyads } from "../../src/store/duckdb/dyads.ts";
import { GDELT_CSV, importInto, memoryStore } from "./helpers.ts";

test("GDELT events exported as CSV (header, quotes, NA, padded codes) import through the gdelt-csv mapping", async () => {
  const store = await memoryStore();
  const s = await importInto(store, {
    format: "csv",
    files: [GDELT_CSV],
    mapping: GDELT_CSV_PRESET,
  });
  const csv = parseCsv(readFileSync(GDELT_CSV, "utf8"));
  assert.equal(csv.records.length, 2133);
  assert.equal(s.rowsImported, 2133);
  const h = (n: string) => csv.header.indexOf(n);
  const isPadded = (v: string) => /^\s|\s$/.test(v);
  const padded = csv.records.filter(
    (r) => isPadded(r.fields[h("Actor1Code")]) || isPadded(r.fields[h("Actor2Code")]),
  );
  assert.equal(padded.length, 155, "155 rows carry whitespace-padded actor codes (notes §0.4)");
  // A padded code still maps: " AZE" → AZE.
  const [p] = await store.all<{ iso3: string; rule: string }>(
    "SELECT target_iso3 AS iso3, target_rule AS rule FROM event_rows WHERE target_actor = ' AZE' LIMIT 1",
  );
  assert.equal(p.iso3, "AZE");
  const [{ n }] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM event_rows WHERE source_iso3 = 'AZE' OR target_iso3 = 'AZE'",
  );
  const aze = csv.records.filter(
    (r) =>
      r.fields[h("Actor1CountryCode")].trim() === "AZE" ||
      r.fields[h("Actor2CountryCode")].trim() === "AZE",
  ).length;
  assert.equal(n, aze);
  assert.equal(aze, 2133, "every row of the extract has an Azerbaijani actor");

  // Independent monthly AZE↔ARM aggregation from the raw CSV (stored GoldsteinScale and QuadClass,
  // which equal the GDELT table and the gdelt quad scheme on these rows).
  const agg = new Map<string, { n: number; g: number; q: number[] }>();
  for (const r of csv.records) {
    const a = r.fields[h("Actor1CountryCode")].trim();
    const b = r.fields[h("Actor2CountryCode")].trim();
    if (!((a === "AZE" && b === "ARM") || (a === "ARM" && b === "AZE"))) continue;
    const d = r.fields[h("SQLDATE")];
    const k = `${d.slice(0, 4)}-${d.slice(4, 6)}|${a}|${b}`;
    const x = agg.get(k) ?? { n: 0, g: 0, q: [0, 0, 0, 0] };
    x.n++;
    x.g += Number(r.fields[h("GoldsteinScale")]);
    x.q[Number(r.fields[h("QuadClass")]) - 1]++;
    agg.set(k, x);
  }
  const out = await dyads(store, { actor: "ARM", by: "month", dedup: "none" });
  const mine = out.rows.filter(
    (r) => (r.source === "AZE" && r.target === "ARM") || (r.source === "ARM" && r.target === "AZE"),
  );
  assert.equal(mine.length, agg.size);
  for (const r of mine) {
    const x = agg.get(`${r.period}|${r.source}|${r.target}`)!;
    assert.ok(x, `${r.period} ${r.source}>${r.target}`);
    assert.equal(r.events, x.n);
    assert.ok(Math.abs(r.goldsteinSum! - x.g) < 1e-6);
    assert.deepEqual(r.quad, { "1": x.q[0], "2": x.q[1], "3": x.q[2], "4": x.q[3] });
  }
  // The worked example in the project's notes (§5.3), verified there on the same rows.
  const find = (p: string, s0: string, t0: string) =>
    mine.find((r) => r.period === p && r.source === s0 && r.target === t0)!;
  assert.equal(find("2011-07", "ARM", "AZE").events, 18);
  assert.equal(find("2011-07", "ARM", "AZE").goldsteinSum, 45.8);
  assert.deepEqual(find("2011-07", "ARM", "AZE").quad, { "1": 17, "2": 1, "3": 0, "4": 0 });
  assert.equal(find("2011-07", "AZE", "ARM").goldsteinSum, 46.2);
  assert.deepEqual(find("2011-08", "ARM", "AZE").quad, { "1": 9, "2": 0, "3": 3, "4": 3 });
  assert.equal(find("2011-08", "AZE", "ARM").goldsteinSum, 75.5);
  assert.equal(find("2011-12", "AZE", "ARM").goldsteinMean, -10);
  // netCooperation = (q1 + q2 − q3 − q4) / events with a quad
  assert.equal(find("2011-08", "ARM", "AZE").netCooperation, (9 - 3 - 3) / 15);
  store.close();
});
