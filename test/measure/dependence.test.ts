import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { dependence } from "../../src/measure/dependence.ts";
import { Store } from "../../src/store/store.ts";
import { ensurePanel } from "./csv-panel.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const close = (a: number | null | undefined, b: number, eps = 1e-9) =>
  assert.ok(a !== null && a !== undefined && Math.abs(a - b) < eps, `${a} ≠ ${b}`);

describe("dependence()", () => {
  const scenario = loadScenario(FIXTURE);
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
    await ensurePanel(store);
  });
  after(() => store.close());

  test("per year from scenario flows: concentration by partner, years without flows are 'no data' with nulls", async () => {
    const rows = await dependence(
      { focal: "GEO", domain: "trade-export", from: 2015, to: 2017 },
      { scenario },
    );
    assert.deepEqual(
      rows.map((r) => [r.year, r.coverage]),
      [
        [2015, "data"],
        [2016, "data"],
        [2017, "no data"],
      ],
    );
    const [r15, r16, r17] = rows;
    // 10/20/30/40 of 100: HHI = .01+.04+.09+.16 = .30
    assert.equal(r15.total, 100);
    close(r15.hhi, 0.3);
    close(r15.hhiNorm, (0.3 - 0.25) / 0.75);
    assert.equal(r15.top, "USA");
    close(r15.topShare, 0.4);
    assert.equal(r16.period, "Jan-Jun");
    close(r16.hhi, 0.5);
    for (const k of ["total", "hhi", "hhiNorm", "nEff", "entropy", "top", "topShare"] as const)
      assert.equal(r17[k], null);
  });

  test("--by pole merges partners of one pole and keeps unaffiliated partners on their own", async () => {
    const [r] = await dependence(
      { focal: "GEO", domain: "trade-export", from: 2015, to: 2015, by: "pole" },
      { scenario },
    );
    assert.deepEqual(r.shares, { West: 0.7, TUR: 0.2, Russia: 0.1 });
    close(r.hhi, 0.49 + 0.04 + 0.01);
  });

  test("--window adds amounts over the years; shares-only years are averaged and have no total", async () => {
    const [g] = await dependence(
      { focal: "GEO", domain: "gas", from: 2020, to: 2021, window: true },
      { scenario },
    );
    assert.equal(g.from, 2020);
    assert.equal(g.total, 5);
    close(g.shares.TUR, 0.4);
    const [a] = await dependence(
      { focal: "GEO", domain: "arms", from: 2023, to: 2024, window: true },
      { scenario },
    );
    assert.equal(a.total, null);
    close(a.shares.TUR, (0.6 + 0.75) / 2);
    close(a.shares.ISR, 0.2);
    close(a.shares.USA, 0.125);
  });

  test("a zero flow is not a partner", async () => {
    const [r] = await dependence(
      { focal: "GEO", domain: "fdi", from: 2022, to: 2022 },
      { scenario },
    );
    assert.equal(r.nPartners, 1);
    assert.equal(r.hhi, 1);
  });

  test("arms for any state from the panel's SIPRI TIV, matching a direct aggregation of the raw rows", async () => {
    const rows = await dependence(
      { focal: "AZE", domain: "arms", from: 2011, to: 2020 },
      { store },
    );
    const raw = await store.all<{ year: number; s: string; tiv: number }>(
      "SELECT year, supplier, coalesce(supplier_iso3, 'unknown') AS s, tiv FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND year BETWEEN 2011 AND 2020",
    );
    for (const r of rows) {
      const ys = raw.filter((x) => x.year === r.year);
      const by = new Map<string, number>();
      for (const x of ys) by.set(x.s, (by.get(x.s) ?? 0) + x.tiv);
      const tot = [...by.values()].reduce((a, b) => a + b, 0);
      assert.equal(r.coverage, "data");
      close(r.total, tot);
      if (tot > 0)
        close(
          r.hhi,
          [...by.values()].reduce((a, v) => a + (v / tot) ** 2, 0),
        );
      else assert.equal(r.hhi, null);
    }
    const [w] = await dependence(
      { focal: "AZE", domain: "arms", from: 2011, to: 2020, window: true },
      { store },
    );
    // Research notes (measures-and-data.md §1.7): TIV 3,277; HHI 0.437; Russia 60.0%, Israel 26.6%.
    close(w.total, 3277, 0.5);
    close(w.hhi, 0.437, 0.0005);
    close(w.shares.RUS, 0.6, 0.0005);
    close(w.shares.ISR, 0.266, 0.0005);
    const top = (y: number) => rows.find((r) => r.year === y)?.top;
    assert.equal(top(2016), "ISR");
  });

  test("outside SIPRI's coverage arms rows are 'no data', and the scenario fills later years", async () => {
    const rows = await dependence(
      { focal: "GEO", domain: "arms", from: 2021, to: 2025 },
      { store, scenario },
    );
    // 2021–2023: the register extract covers Georgia (every supplier), so the panel, not the scenario.
    for (const r of rows.slice(0, 3)) {
      assert.equal(r.coverage, "data", String(r.year));
      assert.equal(r.unit, "TIV million");
    }
    // 2024: the panel's 2024 TIV table lists 44 suppliers only; the scenario's rows fill the year.
    assert.equal(rows[3].coverage, "data");
    assert.equal(rows[3].unit, "share");
    assert.equal(rows[4].coverage, "no data");
    assert.equal(rows[4].total, null);
    // Türkiye 2022–2023 and any state outside the extract: unknown, never zero.
    const tur = await dependence({ focal: "TUR", domain: "arms", from: 2021, to: 2024 }, { store });
    assert.deepEqual(
      tur.map((r) => r.coverage),
      ["data", "no data", "no data", "partial"],
    );
    assert.equal(tur[3].hhi, null);
    const lbn = await dependence({ focal: "LBN", domain: "arms", from: 2015, to: 2015 }, { store });
    assert.equal(lbn[0].coverage, "no data");
  });

  test("trade without partner figures falls back to COW national totals (to 2014), with no concentration", async () => {
    const rows = await dependence(
      { focal: "AZE", domain: "trade-import", from: 2013, to: 2015 },
      { store },
    );
    const [t] = await store.all<{ v: number }>(
      "SELECT imports AS v FROM ref_trade_sy WHERE iso3 = 'AZE' AND year = 2013",
    );
    assert.equal(rows[0].coverage, "total only");
    assert.equal(rows[0].total, t.v);
    assert.equal(rows[0].hhi, null);
    assert.equal(rows[0].nPartners, null);
    assert.equal(rows[2].coverage, "no data");
  });
});

test("dependence(): WORLD is the reported total, partial-year rows yield to full-year ones, a second figure is not added, and thin partner coverage is 'partial'", async () => {
  const scenario = loadScenario(FIXTURE);
  const [r17, r18] = await dependence(
    { focal: "GEO", domain: "trade-import", from: 2017, to: 2018 },
    { scenario },
  );
  assert.equal(r17.coverage, "data");
  assert.equal(r17.total, 100);
  close(r17.allocatedShare, 0.95);
  assert.deepEqual(Object.keys(r17.shares), ["RUS", "TUR"]);
  close(r17.hhi, (50 / 95) ** 2 + (45 / 95) ** 2);
  assert.equal(r17.alternativeFigures?.length, 1);
  assert.equal(r18.coverage, "partial");
  assert.equal(r18.hhi, null);
  close(r18.shares.RUS, 0.3);
});

test("dependence(): without a WORLD row or a `complete` declaration named partners are 'partial', shares unknown", async () => {
  const declared = loadScenario(FIXTURE);
  const undeclared = { ...declared, meta: { ...declared.meta, complete: undefined } };
  const q = { focal: "GEO", domain: "trade-export" as const, from: 2015, to: 2015 };
  const [d] = await dependence(q, { scenario: declared });
  assert.equal(d.status, "data");
  assert.equal(d.coverage, "data");
  close(d.shares.USA, 0.4);
  const [u] = await dependence(q, { scenario: undeclared });
  assert.equal(u.status, "partial");
  assert.equal(u.coverage, "partial");
  assert.equal(u.hhi, null);
  assert.equal(u.top, null);
  assert.deepEqual(u.shares, {});
  assert.deepEqual(u.partnerFigures, { USA: 40, DEU: 30, TUR: 20, RUS: 10 });
  assert.match(u.statusNote ?? "", /no reporter total/);
  // A WORLD row makes the year data without a declaration (2017 imports: 95 of 100 named).
  const [w] = await dependence(
    { focal: "GEO", domain: "trade-import", from: 2017, to: 2017 },
    { scenario: undeclared },
  );
  assert.equal(w.status, "data");
});

test("dependence(): an aggregate partner (a group that is neither a state nor a pole) makes the year 'partial'", async () => {
  const s = loadScenario(FIXTURE);
  const withAggregate = {
    ...s,
    actors: [
      ...s.actors,
      { id: "EUROPE", kind: "group" as const, name: "Europe (aggregate)", source: "test" },
    ],
    flows: [
      ...s.flows,
      {
        year: 2021,
        domain: "gas" as const,
        from: "GEO",
        to: "EUROPE",
        value: 3,
        unit: "bcm",
        period: "full year",
        source: "test",
      },
    ],
  };
  const [r] = await dependence(
    { focal: "GEO", domain: "gas", from: 2021, to: 2021 },
    { scenario: withAggregate as typeof s },
  );
  assert.equal(r.status, "partial");
  assert.match(r.statusNote ?? "", /aggregate partner EUROPE/);
  assert.equal(r.hhi, null);
  const [plain] = await dependence(
    { focal: "GEO", domain: "gas", from: 2021, to: 2021 },
    { scenario: s },
  );
  assert.equal(plain.status, "data");
});

test("dependence() property: the status follows the WORLD / complete rule and shares are invariant to the unit's scale (seeded random flows)", async () => {
  const { Xoshiro128 } = await import("../../src/simulate/xoshiro.ts");
  const rng = new Xoshiro128(42);
  const base = loadScenario(FIXTURE);
  const pool = ["RUS", "TUR", "DEU", "USA", "ARM", "AZE"];
  const q = { focal: "GEO", domain: "gas" as const, from: 2030, to: 2030 };
  for (let trial = 0; trial < 60; trial++) {
    const partners = pool.slice(0, 1 + Math.floor(rng.next() * pool.length));
    const values = partners.map(() => 1 + Math.floor(rng.next() * 1000));
    const sum = values.reduce((a, b) => a + b, 0);
    const mode = Math.floor(rng.next() * 3); // 0: WORLD row, 1: declared complete, 2: neither
    const world = mode === 0 ? sum * (1 + rng.next() * 0.3) : undefined;
    const row = (to: string, value: number) => ({
      year: 2030,
      domain: "gas" as const,
      from: "GEO",
      to,
      value,
      unit: "bcm",
      period: "full year",
      source: "test",
    });
    const mk = (k: number) => ({
      ...base,
      meta: {
        ...base.meta,
        complete:
          mode === 1
            ? [{ domain: "gas" as const, from: "2030", to: "2030", note: "t", source: "t" }]
            : undefined,
      },
      flows: [
        ...partners.map((p, i) => row(p, values[i] * k)),
        ...(world !== undefined ? [row("WORLD", world * k)] : []),
      ],
    });
    const [r1] = await dependence(q, { scenario: mk(1) });
    const [r2] = await dependence(q, { scenario: mk(1e-3) });
    const expected = (world !== undefined && sum / world >= 0.9) || mode === 1 ? "data" : "partial";
    assert.equal(r1.status, expected, `trial ${trial}: mode ${mode}`);
    assert.equal(r2.status, r1.status);
    assert.deepEqual(Object.keys(r2.shares), Object.keys(r1.shares));
    for (const [k, v] of Object.entries(r1.shares)) close(r2.shares[k], v, 1e-9);
    if (expected === "data") {
      // Independent shares: each named partner's part of the named partners' sum.
      for (const [i, p] of partners.entries()) close(r1.shares[p], values[i] / sum, 1e-12);
      close(r2.hhi, r1.hhi!, 1e-9);
    } else {
      assert.equal(r1.hhi, null);
      // A WORLD row that the partners do not cover: shares of the reported total.
      if (world !== undefined)
        for (const [i, p] of partners.entries()) close(r1.shares[p], values[i] / world, 1e-12);
      else assert.deepEqual(r1.shares, {});
    }
  }
});
