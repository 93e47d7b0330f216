import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { atlas } from "../../src/atlas/atlas.ts";
import { evenness } from "../../src/atlas/evenness.ts";
import { parsePoles } from "../../src/atlas/poles.ts";
import type { AtlasResult, AtlasRow } from "../../src/atlas/types.ts";
import { alignment } from "../../src/measure/alignment.ts";
import { Store } from "../../src/store/store.ts";

const close = (a: number, b: number, rel = 1e-9) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b)), `${a} ≠ ${b}`);

// Lijphart agreement from raw votes, written here independently of src/atlas: 1 same vote,
// ½ when one side abstains (2), 0 yes against no; only roll calls both voted yes/abstain/no on.
function agreement(x: Map<number, number>, y: Map<number, number>): { a: number; n: number } {
  let s = 0;
  let n = 0;
  for (const [rc, v] of x) {
    const w = y.get(rc);
    if (w === undefined) continue;
    n++;
    if (v === w) s += 1;
    else if (v === 2 || w === 2) s += 0.5;
  }
  return { a: s / n, n };
}

const engagement = (c: { detail?: Record<string, unknown> }) =>
  (c.detail?.engagement ?? {}) as Record<string, number>;

// Evenness of three engagements written out: 1 − (|a−b| + |a−c| + |b−c|) / 2.
const even3 = (a: number, b: number, c: number) =>
  1 - (Math.abs(a - b) + Math.abs(a - c) + Math.abs(b - c)) / 2;

let store: Store;
let y2010: AtlasResult;
const row = (r: AtlasResult, iso3: string, year = 2010): AtlasRow => {
  const x = r.rows.find((q) => q.iso3 === iso3 && q.year === year);
  assert.ok(x, `no row ${iso3} ${year}`);
  return x;
};

before(async () => {
  store = await Store.panel();
  y2010 = await atlas(store, { from: 2010, to: 2010 });
});
after(() => store.close());

describe("atlas: UN-vote component against the raw votes", () => {
  for (const [iso3, year] of [
    ["AZE", 2010],
    ["IND", 2010],
    ["BRA", 2010],
  ] as const) {
    test(`${iso3} ${year}: agreement with USA, RUS, CHN and evenness`, async () => {
      const votes = await store.all<{ rcid: number; iso3: string; vote: number }>(
        "SELECT rcid, iso3, vote FROM ref_unvotes WHERE year = ? AND iso3 IN (?, 'USA', 'RUS', 'CHN') AND vote BETWEEN 1 AND 3",
        [year, iso3],
      );
      const by = (s: string) =>
        new Map(votes.filter((v) => v.iso3 === s).map((v) => [v.rcid, v.vote]));
      const [w, r, c] = ["USA", "RUS", "CHN"].map((p) => agreement(by(iso3), by(p)));
      const got = row(y2010, iso3, year).components.unvotes;
      assert.equal(got.status, "data");
      const eng = engagement(got);
      close(eng.WEST, w.a, 1e-3);
      close(eng.RUS, r.a, 1e-3);
      close(eng.CHN, c.a, 1e-3);
      close(got.value as number, even3(w.a, r.a, c.a));
      assert.equal(got.n, Math.min(w.n, r.n, c.n));
      // The same agreement as `ana alignment` (src/measure/alignment.ts).
      const al = await alignment(store, {
        focal: iso3,
        partners: ["USA"],
        from: year,
        to: year,
        draws: 0,
      });
      close(al[0].agreement as number, w.a);
    });
  }

  test("a pole's own member agrees fully with it", () => {
    const usa = row(y2010, "USA").components.unvotes;
    assert.equal(engagement(usa).WEST, 1);
  });
});

describe("atlas: alliance and IGO components against the panel rows", () => {
  test("ATOP valued ties with USA, RUS, CHN", async () => {
    for (const iso3 of ["KAZ", "GBR", "PRK", "JPN"]) {
      const ties = await store.all<{ b: string; v: number }>(
        `SELECT CASE WHEN iso3_1 = ? THEN iso3_2 ELSE iso3_1 END AS b, max(CASE WHEN defense = 1 OR offense = 1 THEN 3 WHEN neutral = 1 OR consul = 1 THEN 2 WHEN nonagg = 1 THEN 1 ELSE 0 END) AS v
         FROM ref_atop WHERE year = 2010 AND ((iso3_1 = ? AND iso3_2 IN ('USA', 'RUS', 'CHN')) OR (iso3_2 = ? AND iso3_1 IN ('USA', 'RUS', 'CHN')))
         GROUP BY ALL`,
        [iso3, iso3, iso3],
      );
      const t = (p: string) => (ties.find((x) => x.b === p)?.v ?? 0) / 3;
      const got = row(y2010, iso3).components.alliances;
      assert.equal(got.status, "data");
      close(got.value as number, even3(t("USA"), t("RUS"), t("CHN")));
      assert.deepEqual(got.interval, [got.value, got.value]);
    }
  });

  test("IGO shares with USA, RUS, CHN", async () => {
    const [own] = await store.all<{ full: number; c: number }>(
      "SELECT sum_igo_full AS full, ccode AS c FROM ref_igo_sy WHERE year = 2010 AND iso3 = 'AZE'",
    );
    const shared = async (iso3: string) => {
      const [r] = await store.all<{ n: number }>(
        `SELECT dyadigos AS n FROM ref_igo_ndy d JOIN ref_igo_sy s ON s.year = d.year AND s.iso3 = ?
         WHERE d.year = 2010 AND ((d.ccode1 = ? AND d.ccode2 = s.ccode) OR (d.ccode2 = ? AND d.ccode1 = s.ccode))`,
        [iso3, own.c, own.c],
      );
      return Math.min(1, (r?.n ?? 0) / own.full);
    };
    const got = row(y2010, "AZE").components.igo;
    close(
      got.value as number,
      even3(await shared("USA"), await shared("RUS"), await shared("CHN")),
    );
    assert.equal(got.n, own.full);
  });
});

describe("atlas: the composite", () => {
  test("index = weighted mean of the components with data; coverage = their weight share", () => {
    const w = y2010.weights;
    const total = Object.values(w).reduce((a, b) => a + b, 0);
    let checked = 0;
    for (const r of y2010.rows) {
      let sw = 0;
      let sv = 0;
      for (const [k, c] of Object.entries(r.components))
        if ((w[k] ?? 0) > 0 && c.status === "data") {
          sw += w[k];
          sv += w[k] * (c.value as number);
        }
      close(r.coverage, sw / total);
      if (sw / total >= y2010.minCoverage - 1e-12) {
        close(r.index as number, sv / sw);
        assert.equal(r.status, "data");
        checked++;
      } else {
        assert.equal(r.index, null);
        assert.notEqual(r.status, "data");
      }
    }
    assert.ok(checked > 150, `only ${checked} indices`);
  });

  test("every value and interval lies in [0, 1]; missing is null, never 0", () => {
    for (const r of y2010.rows) {
      if (r.index !== null) {
        assert.ok(r.index >= 0 && r.index <= 1);
        assert.ok(r.interval && r.interval[0] <= r.interval[1]);
        assert.ok(r.interval[0] >= 0 && r.interval[1] <= 1);
      } else assert.equal(r.interval, null);
      for (const c of Object.values(r.components)) {
        if (c.status !== "data") {
          assert.equal(c.value, null);
          assert.equal(c.interval, null);
        } else assert.ok((c.value as number) >= 0 && (c.value as number) <= 1);
      }
      assert.equal(r.components.trade.status, "no data");
      assert.equal(r.components.trade.value, null);
    }
  });

  test("arms only where SIPRI's extract covers the recipient; elsewhere missing", async () => {
    const covered = new Set(
      (
        await store.all<{ r: string }>(
          "SELECT DISTINCT recipient_iso3 AS r FROM ref_sipri_coverage WHERE complete AND from_year <= 2006 AND to_year >= 2010",
        )
      ).map((x) => x.r),
    );
    for (const r of y2010.rows) {
      if (covered.has(r.iso3)) continue;
      assert.equal(r.components.arms.value, null, r.iso3);
      assert.equal(r.components.arms.status, "no data");
    }
    const aze = row(y2010, "AZE").components.arms;
    assert.equal(aze.status, "data");
    // Azerbaijan 2006–2010 (SIPRI TIV): shares of the poles recomputed from the rows.
    const rows = await store.all<{ s: string | null; t: number }>(
      "SELECT supplier_iso3 AS s, sum(tiv) AS t FROM ref_sipri WHERE recipient_iso3 = 'AZE' AND year BETWEEN 2006 AND 2010 GROUP BY ALL",
    );
    const total = rows.reduce((a, b) => a + b.t, 0);
    const sh = (p: string) => (rows.find((x) => x.s === p)?.t ?? 0) / total;
    close(aze.value as number, even3(sh("USA"), sh("RUS"), sh("CHN")));
  });

  test("ranks: 1 = the highest index; rank intervals are whole ranks around the rank", () => {
    const ranked = y2010.rows.filter((r) => r.index !== null);
    const best = ranked.reduce((a, b) => ((b.index as number) > (a.index as number) ? b : a));
    assert.equal(best.rank, 1);
    for (const r of ranked) {
      assert.equal(
        r.rank,
        1 + ranked.filter((q) => (q.index as number) > (r.index as number)).length,
      );
      const [lo, hi] = r.rankInterval as [number, number];
      assert.ok(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi <= ranked.length);
      assert.ok(lo <= hi);
    }
    for (const r of y2010.rows.filter((q) => q.index === null)) assert.equal(r.rank, null);
  });
});

describe("atlas: invariants", () => {
  test("relabelling and reordering the poles leaves every value, interval and rank unchanged", async () => {
    const b = await atlas(store, {
      from: 2010,
      to: 2010,
      draws: 50,
      poles: { EAST: ["CHN"], A: ["USA"], NORTH: ["RUS"] },
    });
    const a = await atlas(store, { from: 2010, to: 2010, draws: 50 });
    for (let i = 0; i < a.rows.length; i++) {
      const x = a.rows[i];
      const y = b.rows[i];
      assert.equal(x.iso3, y.iso3);
      if (x.index === null) assert.equal(y.index, null);
      else {
        close(x.index, y.index as number);
        close((x.interval as number[])[0], (y.interval as number[])[0]);
        close((x.interval as number[])[1], (y.interval as number[])[1]);
        assert.equal(x.rank, y.rank);
        assert.deepEqual(x.rankInterval, y.rankInterval);
      }
      for (const k of Object.keys(x.components)) {
        const u = x.components[k].value;
        const v = y.components[k].value;
        if (u === null) assert.equal(v, null);
        else close(u, v as number);
      }
    }
  });

  test("the same seed gives the same intervals; another seed other ones", async () => {
    const a = await atlas(store, { from: 2010, to: 2010, draws: 40, seed: 7 });
    const b = await atlas(store, { from: 2010, to: 2010, draws: 40, seed: 7 });
    const c = await atlas(store, { from: 2010, to: 2010, draws: 40, seed: 8 });
    assert.deepEqual(a.rows, b.rows);
    assert.notDeepEqual(
      a.rows.map((r) => r.interval),
      c.rows.map((r) => r.interval),
    );
  });

  test("a row does not depend on the other years asked for", async () => {
    const a = await atlas(store, { from: 2009, to: 2011, draws: 40 });
    const b = await atlas(store, { from: 2010, to: 2010, draws: 40 });
    assert.deepEqual(
      a.rows.filter((r) => r.year === 2010),
      b.rows,
    );
  });

  test("evenness: 1 for equal engagement, 0 for all-or-nothing, symmetric", () => {
    assert.equal(evenness([0.4, 0.4, 0.4]), 1);
    assert.equal(evenness([1, 0, 0]), 0);
    assert.equal(evenness([1, 1, 0]), 0);
    assert.equal(evenness([3, 0], 3), 0);
    close(evenness([0.2, 0.7, 0.5]), evenness([0.5, 0.2, 0.7]));
    close(evenness([0.2, 0.7, 0.5]), even3(0.2, 0.7, 0.5));
    assert.ok(Number.isNaN(evenness([0.2, Number.NaN, 0.5])));
  });
});

describe("atlas: missing inputs stay missing", () => {
  let cut: Store;
  before(async () => {
    cut = await Store.panel();
    // The same panel with Azerbaijan's 2010 votes removed and every TIV value scaled by 7.
    await cut.run(
      "CREATE OR REPLACE TEMP TABLE unvotes_cut AS SELECT * FROM ref_unvotes WHERE NOT (iso3 = 'AZE' AND year = 2010)",
    );
    await cut.run("CREATE OR REPLACE TEMP VIEW ref_unvotes AS SELECT * FROM unvotes_cut");
    await cut.run(
      "CREATE OR REPLACE TEMP TABLE sipri_x7 AS SELECT * REPLACE (tiv * 7 AS tiv) FROM ref_sipri",
    );
    await cut.run("CREATE OR REPLACE TEMP VIEW ref_sipri AS SELECT * FROM sipri_x7");
  });
  after(() => cut.close());

  test("a state without votes has no UN-vote value and no index (not 0)", async () => {
    const r = await atlas(cut, { from: 2010, to: 2010, draws: 20 });
    const aze = row(r, "AZE");
    assert.equal(aze.components.unvotes.value, null);
    assert.equal(aze.components.unvotes.status, "no data");
    assert.equal(aze.index, null);
    assert.equal(aze.rank, null);
    assert.equal(aze.status, "partial");
    assert.ok(aze.coverage > 0 && aze.coverage < r.minCoverage);
  });

  test("scaling every arms transfer by 7 leaves the arms component unchanged", async () => {
    const a = await atlas(cut, { from: 2010, to: 2012, draws: 30 });
    const b = await atlas(store, { from: 2010, to: 2012, draws: 30 });
    let n = 0;
    for (const x of a.rows) {
      const y = b.rows.find((q) => q.iso3 === x.iso3 && q.year === x.year) as AtlasRow;
      const u = x.components.arms;
      const v = y.components.arms;
      if (u.value === null) {
        assert.equal(v.value, null);
        continue;
      }
      n++;
      close(u.value, v.value as number);
      close((u.interval as number[])[0], (v.interval as number[])[0]);
      close((u.interval as number[])[1], (v.interval as number[])[1]);
    }
    assert.ok(n >= 6, `${n} arms values`);
  });
});

describe("atlas: options", () => {
  test("poles parse and bad input is refused with the reason", () => {
    assert.deepEqual(parsePoles("WEST=USA,GBR;RUS=RUS;CHN=CHN"), {
      WEST: ["USA", "GBR"],
      RUS: ["RUS"],
      CHN: ["CHN"],
    });
    assert.throws(() => parsePoles("WEST=USA"), /2 to 8 poles/);
    assert.throws(() => parsePoles("WEST=USA;EAST=USA"), /USA is in both/);
    assert.throws(() => parsePoles("WEST=US;RUS=RUS"), /not an ISO3/);
    assert.throws(() => parsePoles("WEST;RUS=RUS"), /POLE=ISO3/);
  });

  test("weights: unknown component or all zero is an error", async () => {
    await assert.rejects(
      atlas(store, { from: 2010, to: 2010, weights: { votes: 1 } }),
      /unknown component/,
    );
    await assert.rejects(
      atlas(store, {
        from: 2010,
        to: 2010,
        weights: { unvotes: 0, alliances: 0, igo: 0 },
      }),
      /at least one/,
    );
  });

  test("a multi-member pole averages its members' agreement", async () => {
    const r = await atlas(store, {
      from: 2010,
      to: 2010,
      draws: 0,
      poles: { WEST: ["USA", "FRA"], RUS: ["RUS"], CHN: ["CHN"] },
    });
    const one = (p: string) => engagement(row(y2010, "IND").components.unvotes)[p];
    const fra = await atlas(store, {
      from: 2010,
      to: 2010,
      draws: 0,
      poles: { WEST: ["FRA"], RUS: ["RUS"], CHN: ["CHN"] },
    });
    const eng = engagement(row(r, "IND").components.unvotes);
    const engF = engagement(row(fra, "IND").components.unvotes);
    close(eng.WEST, (one("WEST") + engF.WEST) / 2, 1e-3);
  });
});

describe("atlas: speed", () => {
  test("1995–2023 with 200 draws in well under a minute", async () => {
    const t = performance.now();
    const r = await atlas(store, { from: 1995, to: 2023 });
    const s = (performance.now() - t) / 1000;
    assert.ok(r.rows.length > 5000);
    assert.ok(s < 60, `${s.toFixed(1)} s`);
  });
});

describe("atlas: rows and balance", () => {
  test("a UN member that lost its vote is a row with its UN-vote component missing", async () => {
    const r = await atlas(store, { from: 2022, to: 2022, draws: 0 });
    const ven = row(r, "VEN", 2022);
    assert.equal(ven.components.unvotes.status, "no data");
    assert.equal(ven.index, null);
    assert.equal(r.rows.filter((x) => x.year === 2022).length, 193);
  });

  test("closest pole and margin follow the engagement", () => {
    for (const r of y2010.rows) {
      const c = r.components.unvotes;
      if (c.status !== "data") continue;
      const e = Object.entries(engagement(c)).sort((a, b) => b[1] - a[1]);
      const d = c.detail as { closest: string | null; margin: number };
      close(d.margin, e[0][1] - e[1][1], 1e-3);
      if (e[0][1] > e[1][1]) assert.equal(d.closest, e[0][0]);
      else assert.equal(d.closest, null);
    }
  });

  test("with three poles evenness is 1 − (max − min) of the engagements", () => {
    for (const x of [
      [0.1, 0.9, 0.4],
      [0.5, 0.5, 0.2],
      [0, 0, 0],
    ])
      close(evenness(x), 1 - (Math.max(...x) - Math.min(...x)));
  });
});

test("ideal points: distance to each pole and closeness from the published estimates", async () => {
  const pts = await store.all<{ iso3: string; t: number }>(
    "SELECT iso3, idealpointfp AS t FROM ref_idealpoints WHERE year = 2010 AND idealpointfp IS NOT NULL",
  );
  const th = new Map(pts.map((p) => [p.iso3, p.t]));
  const range = Math.max(...th.values()) - Math.min(...th.values());
  const c = row(y2010, "IND").components.idealpoints;
  const d = c.detail as { distance: Record<string, number> };
  const x = ["USA", "RUS", "CHN"].map((p) => {
    const dist = Math.abs((th.get("IND") as number) - (th.get(p) as number));
    close(d.distance[p === "USA" ? "WEST" : p], dist, 1e-3);
    return 1 - Math.min(1, dist / range);
  });
  close(c.value as number, even3(x[0], x[1], x[2]));
});

test("states: a filtered row equals the same row of the whole Atlas (ranks among all states)", async () => {
  const some = await atlas(store, { from: 2010, to: 2010, states: ["AZE", "GEO"] });
  assert.deepEqual(
    some.rows,
    y2010.rows.filter((r) => r.iso3 === "AZE" || r.iso3 === "GEO"),
  );
  await assert.rejects(atlas(store, { from: 2010, to: 2010, states: ["az"] }), /ISO3/);
});
