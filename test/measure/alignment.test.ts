import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { alignment, alignmentAllDyads } from "../../src/measure/alignment.ts";
import { Store } from "../../src/store/store.ts";
import { ensurePanel } from "./csv-panel.ts";

// Häge (2011) from raw vote vectors, written independently of the code under test: the five sums
// of his do-file over the roll calls both states voted on.
function hage(x: number[], y: number[]) {
  const n = x.length;
  let ssd = 0;
  let sad = 0;
  let ss1 = 0;
  let ss2 = 0;
  let s1 = 0;
  let s2 = 0;
  let full = 0;
  let half = 0;
  for (let i = 0; i < n; i++) {
    ssd += (x[i] - y[i]) ** 2;
    sad += Math.abs(x[i] - y[i]);
    ss1 += x[i] ** 2;
    ss2 += y[i] ** 2;
    s1 += x[i];
    s2 += y[i];
    if (x[i] === y[i]) full++;
    else if (x[i] === 2 || y[i] === 2) half++;
  }
  const kd = ss1 + ss2 - (2 * s1 * s2) / n;
  const pd = ss1 + ss2 - (s1 + s2) ** 2 / (2 * n);
  // Benati–Capurri from proportions: S(observed) − S(product of margins), levels 1..3.
  const p = (v: number[], k: number) => v.filter((z) => z === k).length / n;
  let e = 0;
  for (const i of [1, 2, 3]) for (const j of [1, 2, 3]) e += p(x, i) * p(y, j) * Math.abs(i - j);
  return {
    n,
    agreement: (full + half / 2) / n,
    sAbs: 1 - sad / ((2 * n) / 2),
    sSq: 1 - ssd / ((4 * n) / 2),
    kappa: kd === 0 ? 0 : 1 - ssd / kd,
    pi: pd === 0 ? 0 : 1 - ssd / pd,
    alignmentIndex: 1 - sad / n - (1 - e),
  };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

describe("UN-vote alignment", () => {
  let store: Store;
  before(async () => {
    store = await Store.open(":memory:");
    await ensurePanel(store);
  });
  after(() => store.close());

  test("alignment() agrees with Häge's definitions to 4 decimals on real Azerbaijan dyads 2011–2019", async () => {
    const partners = ["RUS", "USA", "TUR", "IRN", "ARM", "ISR", "CHN", "GEO"];
    const rows = await alignment(store, { focal: "AZE", partners, from: 2011, to: 2019 });
    assert.equal(rows.length, partners.length * 9);
    const votes = await store.all<{ rcid: number; year: number; iso3: string; vote: number }>(
      "SELECT rcid, year, iso3, vote FROM ref_unvotes WHERE year BETWEEN 2011 AND 2019 AND iso3 IN ('AZE', 'RUS', 'USA', 'TUR', 'IRN', 'ARM', 'ISR', 'CHN', 'GEO')",
    );
    for (const r of rows) {
      const a = new Map(
        votes.filter((v) => v.iso3 === "AZE" && v.year === r.year).map((v) => [v.rcid, v.vote]),
      );
      const x: number[] = [];
      const y: number[] = [];
      for (const v of votes)
        if (v.iso3 === r.b && v.year === r.year && a.has(v.rcid)) {
          x.push(a.get(v.rcid)!);
          y.push(v.vote);
        }
      const ref = hage(x, y);
      assert.equal(r.a, "AZE");
      assert.equal(r.n, ref.n, `${r.year} ${r.b} n`);
      for (const k of ["agreement", "sAbs", "sSq", "kappa", "pi", "alignmentIndex"] as const)
        assert.equal(round4(r[k]!), round4(ref[k]), `${r.year} AZE–${r.b} ${k}`);
    }
  });

  test("Azerbaijan voted yes on every recorded 2013 roll call, so its κ and alignment index are 0 with everyone", async () => {
    const rows = await alignment(store, { focal: "AZE", from: 2013, to: 2013 });
    assert.ok(rows.length > 150);
    const measured = rows.filter((r) => r.status === "data");
    assert.ok(measured.length > 150);
    for (const r of measured) {
      assert.equal(r.kappa, 0);
      assert.ok(Math.abs(r.alignmentIndex!) < 1e-12);
    }
  });

  test("alignment is symmetric in a and b", async () => {
    const ab = await alignment(store, {
      focal: "AZE",
      partners: ["RUS", "USA"],
      from: 2015,
      to: 2016,
    });
    for (const r of ab) {
      const [ba] = await alignment(store, {
        focal: r.b,
        partners: ["AZE"],
        from: r.year,
        to: r.year,
      });
      for (const k of ["n", "agreement", "sAbs", "sSq", "kappa", "pi", "alignmentIndex"] as const)
        assert.ok(Math.abs(ba[k]! - r[k]!) < 1e-12, `${k} ${r.year} ${r.b}`);
    }
  });

  test("every dyad-year of a decade lies within the measures' bounds and S_abs = 2·agreement − 1", async () => {
    const n = await alignmentAllDyads(store, "t_all", { from: 2010, to: 2019 });
    assert.ok(n > 150000);
    const [r] = await store.all<Record<string, number>>(`SELECT
      min(agreement) AS amin, max(agreement) AS amax, min(sAbs) AS smin, max(sAbs) AS smax,
      min(sSq) AS qmin, max(sSq) AS qmax, max(kappa) AS kmax, max(pi) AS pmax, min(n) AS nmin,
      max(abs(sAbs - (2 * agreement - 1))) AS lij, count(*) FILTER (WHERE a >= b) AS unordered
      FROM t_all`);
    assert.ok(r.amin >= 0 && r.amax <= 1);
    assert.ok(r.smin >= -1 && r.smax <= 1);
    assert.ok(r.qmin >= -1 && r.qmax <= 1);
    assert.ok(r.kmax <= 1 + 1e-12 && r.pmax <= 1 + 1e-12);
    assert.ok(r.nmin >= 1);
    assert.ok(r.lij < 1e-12);
    assert.equal(r.unordered, 0);
  });

  test("two states voting identically (with variation) score 1 on every measure except the alignment index, which is 1 − E", async () => {
    const s = await Store.open(":memory:");
    try {
      const votes = [1, 1, 2, 3, 1, 3, 2, 1];
      const rows = votes.flatMap((v, i) => [
        [i + 1, 2000, "AAA", v],
        [i + 1, 2000, "BBB", v],
        // a third state voting the opposite way, and absent on the last roll call
        ...(i < 7 ? [[i + 1, 2000, "CCC", 4 - v]] : []),
      ]);
      await s.run("CREATE TABLE votes (rcid INTEGER, year INTEGER, iso3 VARCHAR, vote INTEGER)");
      await s.run(
        `INSERT INTO votes VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
        rows.flat(),
      );
      // minRollCalls: 1, so that 8 and 7 roll calls are measured (the default minimum is 40).
      const [ab, ac] = await alignment(s, { focal: "AAA", table: "votes", minRollCalls: 1 });
      assert.equal(ab.b, "BBB");
      assert.equal(ab.n, 8);
      for (const k of ["agreement", "sAbs", "sSq", "kappa", "pi"] as const) assert.equal(ab[k], 1);
      assert.ok(Math.abs(ab.alignmentIndex! - hage(votes, votes).alignmentIndex) < 1e-12);
      assert.equal(ac.b, "CCC");
      assert.equal(ac.n, 7);
      const ref = hage(
        votes.slice(0, 7),
        votes.slice(0, 7).map((v) => 4 - v),
      );
      for (const k of ["agreement", "sAbs", "sSq", "kappa", "pi", "alignmentIndex"] as const)
        assert.ok(Math.abs(ac[k]! - ref[k]) < 1e-12, k);
      assert.ok(ac.kappa! < 0);
    } finally {
      s.close();
    }
  });
});
