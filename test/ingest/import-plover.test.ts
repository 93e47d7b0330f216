import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { importInto, memoryStore, PLOVER_GSR, POLECAT_HEADER, tempDir } from "./helpers.ts";

const TYPES = new Set(
  "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT DEMAND DISAPPROVE INVESTIGATE FIGHT".split(
    " ",
  ),
);

test("PLOVER gold-standard records import; old type names map to current ones", async () => {
  const store = await memoryStore();
  const s = await importInto(store, { format: "plover", files: [PLOVER_GSR] });
  const recs = JSON.parse(readFileSync(PLOVER_GSR, "utf8")) as { event?: string; date?: string }[];
  const events = recs.filter(
    (r) => r.event && TYPES.has(r.event) && /^\d{4}-\d\d-\d\d$/.test(r.date ?? ""),
  );
  assert.equal(s.rowsRead, recs.length);
  assert.equal(s.rowsImported, events.length);
  assert.equal(s.rejects["not-an-event"], 1, "the DOCUMENT record");
  const byType = await store.all<{ t: string; n: number; q: number; g: number }>(
    "SELECT plover_type AS t, count(*)::INTEGER AS n, min(quad)::INTEGER AS q, min(goldstein) AS g FROM event_rows GROUP BY 1",
  );
  const count = (t: string) => events.filter((r) => r.event === t).length;
  const get = (t: string) => byType.find((x) => x.t === t)!;
  assert.equal(get("REQUEST").n, count("DEMAND"));
  assert.equal(get("ACCUSE").n, count("DISAPPROVE") + count("INVESTIGATE"));
  assert.equal(get("ASSAULT").n, count("ASSAULT") + count("FIGHT"));
  assert.equal(get("AID").q, 2);
  assert.equal(
    get("PROTEST").q,
    4,
    "PROTEST is material conflict in PLOVER (CAMEO 14 is quad 3 in GDELT)",
  );
  assert.equal(get("AID").g, 10);
  const [first] = await store.all<{ s: string; iso3: string; rule: string }>(
    "SELECT source_raw AS s, source_iso3 AS iso3, source_rule AS rule FROM event_rows WHERE source_key = 'PLOVER-GSR01-AGREE-0001'",
  );
  assert.deepEqual(first, { s: "HUN", iso3: "HUN", rule: "iso3" });
  store.close();
});

test("POLECAT tab-separated files import with None as missing and '; ' lists", async () => {
  const header = readFileSync(POLECAT_HEADER, "utf8").trim().split("\t");
  assert.equal(header.length, 40);
  const row = (v: Record<string, string>) => header.map((h) => v[h] ?? "None").join("\t");
  // Synthetic rows (POLECAT's licence forbids redistributing real ones).
  const lines = [
    header.join("\t"),
    row({
      "Event ID": "e1",
      "Event Date": "2023-05-02",
      "Event Type": "CONSULT",
      "Event Mode": "visit",
      "Event Intensity": "4",
      "Quad Code": "1",
      "Actor Country": "Azerbaijan",
      "Recipient Country": "Turkey; Georgia",
    }),
    row({
      "Event ID": "e2",
      "Event Date": "2023-05-03",
      "Event Type": "SANCTION",
      "Event Intensity": "-6",
      "Quad Code": "3",
      "Actor Country": "USA",
      "Recipient Country": "Russian Federation",
    }),
    row({
      "Event ID": "e3",
      "Event Date": "2023-02-30",
      "Event Type": "AID",
      "Actor Country": "Japan",
      "Recipient Country": "Ukraine",
    }),
    row({
      "Event ID": "e4",
      "Event Date": "2023-05-04",
      "Event Type": "GOSSIP",
      "Actor Country": "Japan",
      "Recipient Country": "Ukraine",
    }),
  ];
  const dir = tempDir();
  const f = join(dir, "ngecEvents.test.txt");
  writeFileSync(f, `${lines.join("\n")}\n`);
  const store = await memoryStore();
  const s = await importInto(store, { format: "plover", files: [f] });
  assert.equal(s.rowsRead, 4);
  assert.equal(s.rowsImported, 2);
  assert.deepEqual(s.rejects, { "bad-date": 1, "not-an-event": 1 });
  const rows = await store.all<Record<string, unknown>>(
    "SELECT dataset, source_iso3, target_iso3, target_raw, plover_type, plover_mode, goldstein, source_goldstein, quad::INTEGER AS quad, source_quad::INTEGER AS source_quad FROM event_rows ORDER BY line",
  );
  assert.deepEqual(rows[0], {
    dataset: "polecat",
    source_iso3: "AZE",
    target_iso3: "TUR",
    target_raw: "Turkey",
    plover_type: "CONSULT",
    plover_mode: "visit",
    goldstein: 4,
    source_goldstein: 4,
    quad: 1,
    source_quad: 1,
  });
  assert.equal(rows[1].source_iso3, "USA");
  assert.equal(rows[1].quad, 4);
  assert.equal(rows[1].source_quad, 3, "the file's own quad is kept beside ours");
  store.close();
});
