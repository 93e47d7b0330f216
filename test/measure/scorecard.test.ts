import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../../src/data/scenario-registry.ts";
import { type Scorecard, scorecard } from "../../src/measure/scorecard.ts";
import type { Scenario } from "../../src/model/scenario.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const scenario = loadScenario(FIXTURE);
const az = loadScenario(resolveScenarioDir("azerbaijan"));
const rel = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every input of a card, keyed by year, level and key. */
function inputsOf(card: Scorecard) {
  const m = new Map<string, { status: string; value: number | null }>();
  for (const c of card.cells)
    for (const i of c.inputs)
      m.set(`${c.year} ${c.level} ${i.key}`, { status: i.status, value: i.value });
  return m;
}

test("every scorecard cell is 100 × the weighted mean of its 'data' inputs when they carry ≥ 75% of its weight, else null", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2019);
  assert.equal(card.cells.length, 5 * 3 * 4);
  assert.equal(card.minCoverage, 0.75);
  let shown = 0;
  for (const c of card.cells) {
    for (const i of c.inputs) {
      if (i.value !== null) {
        assert.equal(i.status, "data", `${i.key} has a value with status ${i.status}`);
        assert.ok(i.value >= 0 && i.value <= 1, `${i.key} ${i.value}`);
      } else assert.equal(i.interval, null);
      assert.ok(i.source.length > 0);
    }
    const all = c.inputs.filter((i) => i.weight > 0);
    const have = all.filter((i) => i.status === "data");
    const W = all.reduce((a, i) => a + i.weight, 0);
    const Wh = have.reduce((a, i) => a + i.weight, 0);
    assert.ok(Math.abs(c.coverage - (W > 0 ? Wh / W : 0)) < 1e-12);
    if (W > 0 && Wh / W >= 0.75) {
      shown++;
      assert.equal(c.status, "data");
      const expected = (100 * have.reduce((a, i) => a + i.weight * i.value!, 0)) / Wh;
      assert.ok(Math.abs(c.score! - expected) < 1e-9);
    } else {
      assert.equal(c.score, null);
      assert.equal(c.interval, null);
      assert.equal(c.status, all.some((i) => i.status !== "no data") ? "partial" : "no data");
    }
  }
  assert.ok(shown > 0, "some cells have scores");
  // The overall score exists only where every pillar has one.
  for (const o of card.overall) {
    const cs = card.cells.filter((c) => c.year === o.year && c.level === o.level);
    const every = cs.every((c) => c.score !== null);
    assert.equal(o.score !== null, every, `${o.year} ${o.level}`);
    if (every) assert.ok(Math.abs(o.score! - cs.reduce((a, c) => a + c.score!, 0) / 4) < 1e-9);
  }
});

test("scorecard inputs are worked out from the scenario (GEO 2015, neighbourhood)", async () => {
  const card = await scorecard(undefined, scenario, "GEO", 2015, 2015);
  const cell = (pillar: string) =>
    card.cells.find((c) => c.level === "neighbourhood" && c.pillar === pillar)!;
  const input = (pillar: string, key: string) => cell(pillar).inputs.find((i) => i.key === key)!;
  // Exports 2015 (declared complete): RUS 10, TUR 20 of 100; the largest neighbour holds 20%.
  assert.ok(Math.abs(input("autonomy", "autonomy.trade-export").value! - 0.8) < 1e-12);
  // No arms, gas or imports data in 2015: missing, not zero.
  for (const k of ["autonomy.arms", "autonomy.gas", "autonomy.trade-import"]) {
    assert.equal(input("autonomy", k).value, null);
    assert.equal(input("autonomy", k).status, "no data");
  }
  // One input of four is under the 75% threshold: no score (it used to be 80 from one input).
  assert.equal(cell("autonomy").coverage, 0.25);
  assert.equal(cell("autonomy").score, null);
  assert.equal(cell("autonomy").status, "partial");
  // All four neighbours sit with Georgia in BSEC; BSEC bridges the ARM–AZE rivalry (1 − 2^−1).
  assert.equal(input("multilateralism", "multilateralism.coMembership").value, 1);
  assert.equal(input("multilateralism", "multilateralism.bridging").value, 0.5);
  // Hosting is a rate per event: 4 GEO events with neighbours in 2015 (e1, e2, e3, e5), none hosted.
  const h = input("multilateralism", "multilateralism.hosting");
  assert.equal(h.value, 0);
  assert.deepEqual(
    { count: (h.raw as { count: number }).count, events: (h.raw as { events: number }).events },
    { count: 0, events: 4 },
  );
  // The corridor hook is not connected: weight 0, not part of the cell.
  assert.equal(input("leverage", "leverage.corridor").value, null);
  assert.equal(input("leverage", "leverage.corridor").weight, 0);
});

test("weights are adjustable (0 drops an input) and the corridor-leverage hook feeds the leverage pillar", async () => {
  const base = await scorecard(undefined, scenario, "GEO", 2019, 2019);
  const hooked = await scorecard(undefined, scenario, "GEO", 2019, 2019, {
    weights: { "leverage.exportReach": 0, "leverage.mediation": 0 },
    corridorLeverage: async (_f, level) => ({
      value: level === "neighbourhood" ? 0.4 : null,
      source: "test hook",
    }),
  });
  const lev = (c: typeof base, level: string) =>
    c.cells.find((x) => x.level === level && x.pillar === "leverage")!;
  assert.ok(Math.abs(lev(hooked, "neighbourhood").score! - 40) < 1e-9);
  assert.equal(lev(hooked, "regional").score, null);
  // 2019: Georgia's one event with neighbours is its mediation between Armenia and Azerbaijan
  // (CAMEO 045): 1 mediation per 1 event.
  const med = lev(base, "neighbourhood").inputs.find((i) => i.key === "leverage.mediation")!;
  assert.equal(med.value, 1);
});

test("a state without a scenario gets missing scenario inputs, never zeros", async () => {
  const card = await scorecard(undefined, undefined, "KAZ", 2015, 2015);
  for (const c of card.cells) {
    assert.equal(c.score, null);
    for (const i of c.inputs) {
      assert.equal(i.value, null, `${c.pillar} ${i.key}`);
      assert.notEqual(i.status, "data");
    }
  }
});

test("counts of records the scenario does not declare curated are 'no data' (hosting, mediation)", async () => {
  const undeclared: Scenario = { ...scenario, meta: { ...scenario.meta, curated: undefined } };
  const card = await scorecard(undefined, undeclared, "GEO", 2019, 2019);
  const inp = (key: string) => card.cells.flatMap((c) => c.inputs).filter((i) => i.key === key);
  for (const i of [...inp("multilateralism.hosting"), ...inp("leverage.mediation")]) {
    assert.equal(i.status, "no data");
    assert.equal(i.value, null);
    assert.match(i.note ?? "", /does not declare/);
  }
  // Bridging without a rivalry declaration or dataset: no data.
  for (const i of inp("multilateralism.bridging")) assert.equal(i.status, "no data");
});

test("removing whole flow domains for a year changes scorecard inputs only to null, never to another number", async () => {
  const base = inputsOf(await scorecard(undefined, az, "AZE", 2011, 2025, { draws: 0 }));
  const cuts: [string, number][] = [
    ["trade-export", 2015],
    ["trade-import", 2019],
    ["arms", 2018],
    ["gas", 2024],
    ["trade-export", 2020],
  ];
  let nulled = 0;
  for (const [domain, year] of cuts) {
    const copy: Scenario = {
      ...az,
      flows: az.flows.filter((f) => !(f.domain === domain && f.year === year)),
    };
    const cut = inputsOf(await scorecard(undefined, copy, "AZE", 2011, 2025, { draws: 0 }));
    assert.equal(cut.size, base.size);
    for (const [k, b] of base) {
      const c = cut.get(k)!;
      if (c.value === null) {
        if (b.value !== null) nulled++;
        continue;
      }
      assert.ok(
        b.value !== null && rel(c.value, b.value),
        `${domain} ${year} cut: ${k} ${b.value} → ${c.value}`,
      );
    }
  }
  assert.ok(nulled >= 4, `removals turned ${nulled} inputs to null`);
});

test("no scorecard input with a value has a status other than 'data' (shipped scenario, every year)", async () => {
  const card = await scorecard(undefined, az, "AZE", 2011, 2025, { draws: 20 });
  let n = 0;
  for (const c of card.cells) {
    if (c.score !== null) assert.equal(c.status, "data");
    for (const i of c.inputs) {
      if (i.value !== null) {
        n++;
        assert.equal(i.status, "data", `${c.year} ${c.level} ${i.key}`);
      } else assert.notEqual(i.status, "data");
      if (i.interval) assert.ok(i.interval[0] <= i.interval[1]);
    }
  }
  assert.ok(n > 50);
});

test("scale invariance: multiplying every flow by a constant leaves every input and score unchanged", async () => {
  const base = await scorecard(undefined, az, "AZE", 2011, 2025, { draws: 0 });
  for (const k of [1000, 0.037]) {
    const scaled: Scenario = { ...az, flows: az.flows.map((f) => ({ ...f, value: f.value * k })) };
    const card = await scorecard(undefined, scaled, "AZE", 2011, 2025, { draws: 0 });
    base.cells.forEach((c, j) => {
      const d = card.cells[j];
      assert.equal(d.score === null, c.score === null);
      if (c.score !== null) assert.ok(rel(d.score!, c.score), `${c.year} ${c.level} ${c.pillar}`);
      c.inputs.forEach((i, m) => {
        assert.equal(d.inputs[m].status, i.status, `${c.year} ${i.key}`);
        if (i.value !== null)
          assert.ok(rel(d.inputs[m].value!, i.value), `${c.year} ${i.key} ×${k}`);
      });
    });
  }
});

test("intervals are seeded: the same seed gives the same intervals, and event-based cells carry one", async () => {
  const a = await scorecard(undefined, scenario, "GEO", 2015, 2019, { draws: 200, seed: 3 });
  const b = await scorecard(undefined, scenario, "GEO", 2015, 2019, { draws: 200, seed: 3 });
  assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
  const withIv = a.cells.filter((c) => c.interval !== null);
  assert.ok(withIv.length > 0);
  for (const c of withIv) {
    assert.equal(c.status, "data");
    assert.ok(c.interval![0] <= c.interval![1]);
    assert.ok(
      c.inputs.some((i) => i.interval !== null),
      "a cell interval comes from its inputs'",
    );
  }
  // An input built on flows only has no sampling interval.
  for (const c of a.cells)
    for (const i of c.inputs) if (i.key.startsWith("autonomy.")) assert.equal(i.interval, null);
});

test("a relation with no event within one half-life is 'no data', not neutral warmth (AZE–ISR 2017–2022)", async () => {
  const { relationScoreAt, eventRecordsFromScenario } = await import(
    "../../src/measure/relations.ts"
  );
  const recs = eventRecordsFromScenario(az.events, "scenario:azerbaijan");
  // Independent count: AZE–ISR events with a Goldstein weight in each year.
  const isrYears = new Set(
    az.events
      .filter((e) => e.goldstein !== null && e.actors.includes("AZE") && e.actors.includes("ISR"))
      .map((e) => Number(e.date.slice(0, 4))),
  );
  for (let y = 2012; y <= 2025; y++) {
    const r = relationScoreAt(recs, "AZE", "ISR", Date.UTC(y + 1, 0, 1), 365);
    // Year-dated events sit mid-year; a year's end sees events of that year within 365 days.
    if (!isrYears.has(y) && !isrYears.has(y - 1)) assert.equal(r.status, "no data", `${y}`);
    if (isrYears.has(y)) assert.equal(r.status, "data", `${y}`);
  }
});

test("the artefacts of issue 12 are gone: bridging past the rivalry data, equidistance without ties, autonomy from an aggregate gas buyer, export reach without partner trade", async () => {
  const card = await scorecard(undefined, az, "AZE", 2011, 2025, { draws: 0 });
  const inp = (y: number, level: string, key: string) =>
    card.cells
      .find((c) => c.year === y && c.level === level && c.inputs.some((i) => i.key === key))!
      .inputs.find((i) => i.key === key)!;
  // The TSS rivalries (the scenario's rivalry dataset) end in 2020, as their rows say.
  const tssEnd = Math.max(
    ...az.rivalries
      .filter((r) => /TSS/.test(r.source) && r.to)
      .map((r) => Number(r.to!.slice(0, 4))),
  );
  assert.equal(tssEnd, 2020);
  for (let y = 2011; y <= 2025; y++) {
    const b = inp(y, "regional", "multilateralism.bridging");
    if (y <= tssEnd) assert.equal(b.status, "data", `${y}`);
    else {
      assert.notEqual(b.status, "data", `${y}`);
      assert.equal(b.value, null);
    }
  }
  // 2025: no flow domain has complete partner data, so the systemic equidistance is not 1.0.
  assert.notEqual(inp(2025, "systemic", "hedging.equidistance").status, "data");
  // 2021 gas lists only the aggregate EUROPE: autonomy.gas is not 1.0 but missing.
  for (const level of ["neighbourhood", "regional", "systemic"]) {
    assert.equal(inp(2021, level, "autonomy.gas").value, null);
    // Partner trade stops in 2020: export reach is null, not 0, afterwards.
    for (let y = 2021; y <= 2025; y++)
      assert.equal(inp(y, level, "leverage.exportReach").value, null);
  }
});
