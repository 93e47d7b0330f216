import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { atlas, atlasOptions } from "../../src/atlas/atlas.ts";
import { emptyYear, NO_ENGAGEMENT, scoreState } from "../../src/atlas/component.ts";
import { coengagement, evenness } from "../../src/atlas/evenness.ts";
import type { AtlasResult } from "../../src/atlas/types.ts";
import { mulberry32 } from "../../src/network/random.ts";
import { createApp } from "../../src/server/app.ts";
import { Store } from "../../src/store/store.ts";

const close = (a: number, b: number, rel = 1e-12) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b)), `${a} ≠ ${b}`);

// Co-engagement by brute force, written here: over every ORDERED pair of distinct poles (each
// unordered pair twice, which cancels in the ratio), the smaller and the larger engagement.
function bruteCoengagement(x: number[]): number {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < x.length; j++) {
      if (i === j) continue;
      lo += Math.min(x[i], x[j]);
      hi += Math.max(x[i], x[j]);
    }
  return hi === 0 ? Number.NaN : lo / hi;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

const rand = mulberry32(20261206);
const vectors: number[][] = [];
for (let t = 0; t < 300; t++) {
  const k = 2 + Math.floor(rand() * 5);
  // Some exact zeros and ties among the engagements.
  vectors.push(
    Array.from({ length: k }, () => {
      const u = rand();
      return u < 0.15 ? 0 : u < 0.25 ? 0.5 : rand();
    }),
  );
}

describe("coengagement: the formula", () => {
  test("equals Σ min / Σ max over pairs by brute force (K = 2..6, zeros and ties)", () => {
    let n = 0;
    for (const x of vectors) {
      const want = bruteCoengagement(x);
      if (Number.isNaN(want)) assert.ok(Number.isNaN(coengagement(x)));
      else {
        close(coengagement(x), want);
        n++;
      }
    }
    assert.ok(n > 250);
    // Hand values: (1, ½) → ½; (0.2, 0.2, 0) → (0.2 + 0 + 0) / (0.2 + 0.2 + 0.2) = ⅓.
    close(coengagement([1, 0.5]), 0.5);
    close(coengagement([0.2, 0.2, 0]), 1 / 3);
    close(coengagement([0.3, 0.3, 0.3]), 1);
    close(coengagement([0.7, 0, 0]), 0);
  });

  test("scale invariant (x → λx), unlike the spread evenness", () => {
    for (const x of vectors) {
      if (x.every((v) => v === 0)) continue;
      for (const lambda of [1e-3, 0.034, 0.5, 3, 1000]) {
        const y = x.map((v) => v * lambda);
        close(coengagement(y), coengagement(x), 1e-12);
      }
    }
    // The spread evenness is not: AZE 2015's UN-vote engagement (0, 0.034, 0.016) and ×10.
    const aze = [0, 0.034, 0.016];
    assert.ok(Math.abs(evenness(aze) - evenness(aze.map((v) => v * 10))) > 0.1);
    close(coengagement(aze), coengagement(aze.map((v) => v * 10)));
  });

  test("invariant under permutations of the poles", () => {
    for (const x of vectors.filter((v) => v.length <= 5)) {
      const c = coengagement(x);
      for (const p of permutations(x))
        if (Number.isNaN(c)) assert.ok(Number.isNaN(coengagement(p)));
        else close(coengagement(p), c);
    }
  });

  test("undefined with no engagement at all, or a missing engagement; in [0, 1] otherwise", () => {
    assert.ok(Number.isNaN(coengagement([0, 0, 0])));
    assert.ok(Number.isNaN(coengagement([0.2, Number.NaN, 0.1])));
    assert.ok(Number.isNaN(coengagement([0.2])));
    for (const x of vectors) {
      const c = coengagement(x);
      if (!Number.isNaN(c)) assert.ok(c >= 0 && c <= 1);
    }
    // The spread evenness scores equal disengagement as perfect evenness.
    assert.equal(evenness([0, 0, 0]), 1);
  });

  test("scoreState: all-zero engagement makes the component missing, with a note and level 0", () => {
    const cy = emptyYear(2, 0);
    assert.equal(scoreState(cy, 0, [0, 0, 0], "coengagement"), false);
    assert.equal(cy.status[0], 0);
    assert.ok(Number.isNaN(cy.value[0]));
    assert.equal(cy.note[0], NO_ENGAGEMENT);
    assert.equal(cy.level[0], 0);
    assert.equal(scoreState(cy, 1, [0, 0, 0], "spread"), true);
    assert.equal(cy.value[1], 1);
    assert.equal(cy.status[1], 2);
  });

  test("options: evenness defaults to spread; other values are refused", () => {
    assert.equal(atlasOptions({}).evenness, "spread");
    assert.equal(atlasOptions({ evenness: "coengagement" }).evenness, "coengagement");
    assert.throws(
      () => atlasOptions({ evenness: "ratio" as never }),
      /evenness must be spread or coengagement/,
    );
  });
});

describe("coengagement: in the Atlas", () => {
  let store: Store;
  let spread: AtlasResult;
  let explicit: AtlasResult;
  let coeng: AtlasResult;
  const Y = 2015;
  before(async () => {
    store = await Store.panel();
    spread = await atlas(store, { from: Y, to: Y, draws: 20 });
    explicit = await atlas(store, { from: Y, to: Y, draws: 20, evenness: "spread" });
    coeng = await atlas(store, { from: Y, to: Y, draws: 20, evenness: "coengagement" });
  });
  after(() => store.close());
  const row = (r: AtlasResult, iso3: string) => {
    const x = r.rows.find((q) => q.iso3 === iso3 && q.year === Y);
    assert.ok(x, `no row ${iso3}`);
    return x;
  };

  test("default mode unchanged: the same rows as without the option; value = spread of engagement", () => {
    assert.deepEqual(explicit.rows, spread.rows);
    assert.equal(spread.formula, explicit.formula);
    assert.match(spread.formula, /1 − Σ_\{P<Q\} \|x_P − x_Q\|/);
    for (const iso3 of ["AZE", "IND", "BRA", "CAF", "DEU"]) {
      const u = row(spread, iso3).components.unvotes;
      if (u.status !== "data") continue;
      const e = u.detail?.engagement as Record<string, number>;
      const x = [e.WEST, e.RUS, e.CHN];
      const even3 = 1 - (Math.abs(x[0] - x[1]) + Math.abs(x[0] - x[2]) + Math.abs(x[1] - x[2])) / 2;
      close(u.value as number, even3, 1e-3);
    }
  });

  test("level = mean engagement across poles, in both modes", () => {
    let n = 0;
    for (const r of [spread, coeng])
      for (const row of r.rows)
        for (const c of Object.values(row.components)) {
          const e = c.detail?.engagement as Record<string, number | null> | undefined;
          if (!e || Object.values(e).some((v) => v === null) || c.detail?.level === undefined)
            continue;
          const v = Object.values(e) as number[];
          close(c.detail.level as number, v.reduce((a, b) => a + b, 0) / v.length, 2e-4);
          n++;
        }
    assert.ok(n > 500, `${n} levels checked`);
    assert.equal(
      row(spread, "AZE").components.unvotes.detail?.level,
      row(coeng, "AZE").components.unvotes.detail?.level,
    );
  });

  test("coengagement values equal Σ min / Σ max of the row's own engagement (brute force)", () => {
    let n = 0;
    for (const r of coeng.rows)
      for (const key of ["unvotes", "idealpoints", "alliances", "igo", "arms"]) {
        const c = r.components[key];
        if (c?.status !== "data") continue;
        const e = c.detail?.engagement as Record<string, number>;
        close(c.value as number, bruteCoengagement([e.WEST, e.RUS, e.CHN]), 5e-3);
        if (c.interval) assert.ok(c.interval[0] >= 0 && c.interval[1] <= 1);
        n++;
      }
    assert.ok(n > 300, `${n} values checked`);
    assert.match(coeng.formula, /Σ_\{P<Q\} min\(x_P, x_Q\) \/ Σ_\{P<Q\} max\(x_P, x_Q\)/);
  });

  test("no UN-vote engagement with any pole: spread 1, coengagement missing with a note", () => {
    const zero = spread.rows.filter((r) => {
      const u = r.components.unvotes;
      const e = u.detail?.engagement as Record<string, number | null> | undefined;
      return u.status === "data" && e && Object.values(e).every((v) => v === 0);
    });
    assert.ok(zero.length > 0, "some state-year with zero engagement with every pole");
    for (const z of zero) {
      assert.equal(z.components.unvotes.value, 1);
      const c = row(coeng, z.iso3);
      assert.equal(c.components.unvotes.value, null);
      assert.equal(c.components.unvotes.interval, null);
      assert.equal(c.components.unvotes.status, "no data");
      assert.equal(c.components.unvotes.detail?.note, NO_ENGAGEMENT);
      assert.equal(c.components.unvotes.detail?.level, 0);
      // The UN-vote component carries weight: no index (missing is missing, never 0 or 1).
      assert.equal(c.index, null);
      assert.equal(c.rank, null);
    }
  });
});

test("HTTP: GET /api/atlas?evenness=coengagement; a bad value is a 400 naming the parameter", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  try {
    const res = await app.request("/api/atlas?year=2015&draws=0&evenness=coengagement");
    assert.equal(res.status, 200);
    const body = (await res.json()) as AtlasResult;
    assert.match(body.formula, /min\(x_P, x_Q\)/);
    const caf = body.rows.find((r) => r.iso3 === "CAF");
    assert.equal(caf?.components.unvotes.value, null);
    assert.equal(caf?.components.unvotes.detail?.note, NO_ENGAGEMENT);
    const bad = await app.request("/api/atlas?year=2015&draws=0&evenness=ratio");
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /evenness/);
  } finally {
    ctx.close();
  }
});
