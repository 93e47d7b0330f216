import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { Xoshiro128 } from "../../src/measure/bootstrap.ts";
import { thinEvents, thinningReport } from "../../src/measure/thinning.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const s = loadScenario(FIXTURE);

test("thinEvents() keeps the same number of events in every year (a seeded subset), and years outside untouched", () => {
  const a = thinEvents(s.events, { from: 2015, to: 2016, perYear: 2, rng: new Xoshiro128(5) });
  const b = thinEvents(s.events, { from: 2015, to: 2016, perYear: 2, rng: new Xoshiro128(5) });
  assert.deepEqual(a, b);
  const year = (y: string) => a.filter((e) => e.date.startsWith(y)).length;
  assert.equal(year("2015"), 2); // 5 events → 2
  assert.equal(year("2016"), 1); // 1 event → kept
  assert.equal(year("2019"), 1); // outside the range → kept
  for (const e of a) assert.ok(s.events.includes(e));
  assert.equal(new Set(a.map((e) => e.id)).size, a.length);
  // Over many seeds every 2015 event is sometimes kept (the draw is not a fixed choice).
  const seen = new Set<string>();
  for (let seed = 0; seed < 50; seed++)
    for (const e of thinEvents(s.events, {
      from: 2015,
      to: 2015,
      perYear: 2,
      rng: new Xoshiro128(seed),
    }))
      if (e.date.startsWith("2015")) seen.add(e.id);
  assert.equal(seen.size, 5);
});

test("thinningReport(): with no year above perYear nothing moves; thinning 2015 to one event moves its relation scores", async () => {
  const none = await thinningReport(s, "GEO", { from: 2015, to: 2019, perYear: 5, draws: 5 });
  assert.deepEqual(none.eventsByYear, { 2015: 5, 2016: 1, 2017: 0, 2018: 0, 2019: 1 });
  for (const r of none.rows) {
    if (r.full.status === "data") {
      assert.equal(r.dataShare, 1, `${r.measure} ${r.year}`);
      assert.ok(Math.abs(r.meanAbsChange!) < 1e-12);
      if (r.signAgreement !== null) assert.equal(r.signAgreement, 1);
    } else assert.equal(r.dataShare, 0);
  }
  const thin = await thinningReport(s, "GEO", {
    from: 2015,
    to: 2019,
    perYear: 1,
    draws: 40,
    seed: 2,
  });
  assert.equal(thin.perYear, 1);
  const rus = thin.rows.find((r) => r.measure === "relation GEO–RUS" && r.year === 2015)!;
  assert.equal(rus.full.status, "data");
  // Three of the five 2015 events are GEO–RUS: a one-event year keeps one of them in 3/5 of draws.
  assert.ok(rus.dataShare > 0.3 && rus.dataShare < 0.9, `${rus.dataShare}`);
  assert.ok(rus.meanAbsChange! > 0);
});
