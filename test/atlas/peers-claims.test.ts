import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { atlas } from "../../src/atlas/atlas.ts";
import { claimsReport } from "../../src/claims/engine.ts";
import { parseClaims } from "../../src/claims/schema.ts";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { ValidationError } from "../../src/data/problem.ts";
import { resolveScenarioDir } from "../../src/data/scenario-registry.ts";
import { Store } from "../../src/store/store.ts";

let store: Store;
before(async () => {
  store = await Store.open(":memory:");
});
after(() => store.close());

const file = (peers: string, threshold = 0.5) => `claims:
  - id: rel
    claim: Words.
    measure: m
    command: ana atlas compare AZE --peers NATO
    periods: { years: "2009-2010" }
    rule:
      kind: peer-percentile
      peers: ${peers}
      threshold: ${threshold}
      measures:
        - { measure: atlas, key: index, period: years }
`;

test("a peer-percentile claim on an Atlas measure among an Atlas peer group: the percentile of the latest year with a value, by brute force", async () => {
  const sc = loadScenario(resolveScenarioDir("azerbaijan"));
  const claims = parseClaims(file("[NATO, custom:ARM+GEO]"), "claims.yaml");
  const [c] = (await claimsReport(store, sc, { claims, draws: 200 })).claims;
  // Independent: the Atlas's 2010 index rows, NATO's 28 members in 2010, Armenia and Georgia.
  const res = await atlas(store, { from: 2010, to: 2010, draws: 0 });
  const v = new Map(res.rows.map((r) => [r.iso3, r.index]));
  const nato = ["ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FRA", "DEU", "GRC"]
    .concat(["HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "NLD", "NOR", "POL", "PRT", "ROU", "SVK"])
    .concat(["SVN", "ESP", "TUR", "GBR", "USA", "ARM", "GEO"]);
  const f = v.get("AZE")!;
  assert.ok(f !== null);
  const xs = nato.map((x) => v.get(x)).filter((x): x is number => x !== null && x !== undefined);
  const p = xs.reduce((s, x) => s + (x < f ? 1 : x === f ? 0.5 : 0), 0) / xs.length;
  assert.ok(Math.abs(c.value! - p) < 1e-12, `${c.value} vs ${p}`);
  assert.match(c.finding, /in 2010/);
  assert.ok(c.interval && c.interval[0] <= c.value! && c.value! <= c.interval[1]);
  assert.match(c.intervalNote, /paired across states/);
});

test("a claim's peers must be a named set of the file or a peer group of data/peers/", () => {
  try {
    parseClaims(file("[NATO, WARSAW]"), "claims.yaml");
    assert.fail("expected a ValidationError");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.problems.length, 1);
    assert.equal(e.problems[0].field, "claims[0].rule.peers");
    assert.match(e.problems[0].message, /"WARSAW"/);
  }
});
