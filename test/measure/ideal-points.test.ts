import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { allianceSimilarity } from "../../src/measure/alliance-similarity.ts";
import { idealPoints } from "../../src/measure/ideal-points.ts";
import { Store } from "../../src/store/store.ts";
import { ensurePanel } from "./csv-panel.ts";

let store: Store;
before(async () => {
  store = await Store.open(":memory:");
  await ensurePanel(store);
});
after(() => store.close());

test("idealPoints(): Azerbaijan 2024 sits at Russia's end of the Russia–US axis (r ≈ −0.02), 2025 is missing", async () => {
  const rows = await idealPoints(store, {
    focal: "AZE",
    partners: ["RUS", "USA"],
    axis: ["RUS", "USA"],
    from: 2024,
    to: 2025,
  });
  const [r24, r25] = rows;
  // Voeten July 2025 (idealpointfp): AZE −0.660, RUS −0.598, USA 2.206 (research notes §1.7).
  assert.ok(Math.abs(r24.theta! - -0.6604) < 1e-3);
  assert.ok(Math.abs(r24.partners.RUS.distance! - 0.062) < 1e-3);
  const r =
    (-0.6604450941085815 - -0.5984851717948914) / (2.2062020301818848 - -0.5984851717948914);
  assert.ok(Math.abs(r24.axis!.position! - r) < 1e-9);
  assert.ok(Math.abs(r24.axis!.position! - -0.022) < 1e-3);
  assert.equal(r25.theta, null);
  assert.equal(r25.axis!.position, null);
});

// Häge's κ from two raw vectors (independent of the code under test).
function kappa(x: number[], y: number[]): number {
  const n = x.length;
  let ssd = 0;
  let s1 = 0;
  let s2 = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < n; i++) {
    ssd += (x[i] - y[i]) ** 2;
    s1 += x[i];
    s2 += y[i];
    q1 += x[i] ** 2;
    q2 += y[i] ** 2;
  }
  return 1 - ssd / (q1 + q2 - (2 * s1 * s2) / n);
}

test("allianceSimilarity(): κ over the ATOP valued portfolios matches a brute-force computation (AZE–TUR, AZE–RUS 2015)", async () => {
  const rows = await allianceSimilarity(store, {
    focal: "AZE",
    partners: ["TUR", "RUS"],
    from: 2015,
    to: 2015,
  });
  const system = (
    await store.all<{ ccode: number }>(
      "SELECT DISTINCT ccode FROM ref_state_years WHERE year = 2015 ORDER BY ccode",
    )
  ).map((r) => r.ccode);
  const atop = await store.all<{
    c1: number;
    c2: number;
    d: number;
    o: number;
    ne: number;
    na: number;
    co: number;
  }>(
    "SELECT ccode1 AS c1, ccode2 AS c2, defense AS d, offense AS o, neutral AS ne, nonagg AS na, consul AS co FROM ref_atop WHERE year = 2015 AND ccode1 IN (373, 640, 365)",
  );
  const portfolio = (c: number) =>
    system.map((k) => {
      if (k === c) return 3;
      let v = 0;
      for (const a of atop.filter((r) => r.c1 === c && r.c2 === k)) {
        if (a.d || a.o) v = Math.max(v, 3);
        else if (a.ne || a.co) v = Math.max(v, 2);
        else if (a.na) v = Math.max(v, 1);
      }
      return v;
    });
  for (const [iso, c] of [
    ["TUR", 640],
    ["RUS", 365],
  ] as const) {
    const r = rows.find((x) => x.b === iso)!;
    assert.equal(r.n, system.length);
    assert.ok(Math.abs(r.kappa - kappa(portfolio(373), portfolio(c))) < 1e-12, iso);
  }
  const late = await allianceSimilarity(store, {
    focal: "AZE",
    partners: ["TUR"],
    from: 2019,
    to: 2020,
  });
  assert.equal(late.length, 0, "ATOP ends in 2018: later years are missing, not zero");
});
