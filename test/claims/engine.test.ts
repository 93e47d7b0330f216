import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { claimsReport } from "../../src/claims/engine.ts";
import { parseClaims } from "../../src/claims/schema.ts";
import type { Event } from "../../src/model/event.ts";
import type { Scenario } from "../../src/model/scenario.ts";
import { Store } from "../../src/store/store.ts";

const DAY = 86_400_000;

function ev(id: string, date: string, a: string, b: string, g: number): Event {
  return {
    id,
    date,
    actors: [a, b],
    initiator: a,
    target: [b],
    title: id,
    domain: "diplomatic",
    cameoRoot: g >= 0 ? "05" : "11",
    goldstein: g,
    source: "https://example.org/test",
  } as unknown as Event;
}

/** A small scenario: AAA–BBB hostile in 2011–2012 (6 events a year), warm in 2013–2014 (12 a year). */
function synthetic(): Scenario {
  const events: Event[] = [];
  for (const y of [2011, 2012])
    for (let i = 0; i < 6; i++)
      events.push(ev(`h${y}-${i}`, `${y}-0${i + 2}-10`, "AAA", "BBB", -5));
  for (const y of [2013, 2014])
    for (let i = 0; i < 12; i++)
      events.push(ev(`w${y}-${i}`, `${y}-${String(i + 1).padStart(2, "0")}-10`, "BBB", "AAA", 5));
  // AAA–CCC: as many warm as hostile acts each year, so the score's sign is a coin flip.
  for (const y of [2011, 2012, 2013, 2014])
    for (let i = 0; i < 2; i++) {
      events.push(ev(`c${y}-p${i}`, `${y}-0${i + 3}-01`, "AAA", "CCC", 6));
      events.push(ev(`c${y}-n${i}`, `${y}-0${i + 5}-01`, "AAA", "CCC", -6));
    }
  return {
    meta: { id: "synth", name: "synthetic", focal: "AAA", from: "2011", to: "2014" },
    dir: mkdtempSync(join(tmpdir(), "ana-claims-")),
    actors: [],
    memberships: [
      {
        actor: "AAA",
        organisation: "ORG",
        status: "member",
        from: "2012-05",
        source: "https://example.org/m",
      },
      {
        actor: "BBB",
        organisation: "ORG",
        status: "observer",
        from: "2012-05",
        source: "https://example.org/m",
      },
    ],
    poles: [],
    rivalries: [],
    levels: [],
    ties: [],
    events,
    flows: [
      {
        year: 2011,
        domain: "gas",
        from: "AAA",
        to: "EUROPE",
        value: 10,
        unit: "bcm",
        period: "full year",
        source: "s1",
      },
      {
        year: 2011,
        domain: "gas",
        from: "AAA",
        to: "EUROPE",
        value: 12,
        unit: "bcm",
        period: "full year",
        source: "s2",
      },
      {
        year: 2014,
        domain: "gas",
        from: "AAA",
        to: "EUROPE",
        value: 25,
        unit: "bcm",
        period: "full year",
        source: "s3",
      },
      {
        year: 2014,
        domain: "gas",
        from: "AAA",
        to: "EUROPE",
        value: 5,
        unit: "bcm",
        period: "Jan-Jun",
        source: "s4",
      },
    ],
    projects: [],
  } as unknown as Scenario;
}

/** The decayed score written out independently: Σ w·g / (10·(Σ w + 1)), w = 2^(−Δdays/365). */
function score(events: Event[], a: string, b: string, at: number): number | null {
  let num = 0;
  let den = 0;
  let n = 0;
  for (const e of events) {
    if (!e.actors.includes(a) || !e.actors.includes(b)) continue;
    const t = Date.parse(`${e.date}T00:00:00Z`);
    if (t >= at) continue;
    const w = 2 ** (-(at - t) / DAY / 365);
    num += w * e.goldstein;
    den += w;
    n++;
  }
  return n ? num / (10 * (den + 1)) : null;
}

const FILE = `
claims:
  - id: warming
    claim: AAA and BBB went from hostile to warm.
    measure: relations
    command: ana relations AAA --with BBB
    periods: { before: "2013-01-01", after: "2015-01-01" }
    rule: { kind: change, measure: relation-score, partner: BBB, direction: up, threshold: 0, beforeSign: negative, afterSign: positive }
  - id: ccc-friend
    claim: CCC is a friend.
    measure: relations
    command: ana relations AAA --with CCC
    periods: { at: ["2015-01-01"] }
    rule: { kind: sign-count, measure: relation-score, partners: [CCC], sign: positive, supported: 1 }
  - id: ddd-friend
    claim: DDD is a friend.
    measure: relations
    command: ana relations AAA --with DDD
    periods: { at: ["2015-01-01"] }
    rule: { kind: sign-count, measure: relation-score, partners: [DDD], sign: positive, supported: 1 }
  - id: org-2012
    claim: AAA joined ORG in 2012.
    measure: memberships
    command: ana multilateralism AAA
    periods: { at: "2012" }
    rule: { kind: membership-from, organisation: ORG, statuses: [member], match: starts }
  - id: org-2011
    claim: AAA joined ORG in 2011.
    measure: memberships
    command: ana multilateralism AAA
    periods: { at: "2011" }
    rule: { kind: membership-from, organisation: ORG, statuses: [member], match: starts }
  - id: gas-doubled
    claim: Gas to Europe doubled.
    measure: flows
    command: ana dependence AAA --domain gas
    periods: { before: "2011", after: "2014" }
    rule: { kind: change, measure: flow-volume, domain: gas, partners: [EUROPE], compare: ratio, direction: up, threshold: 1.9 }
`;

test("claimsReport checks a synthetic scenario's claims with verdicts computed independently", async () => {
  const s = synthetic();
  const store = await Store.open(":memory:");
  try {
    const r = await claimsReport(store, s, {
      claims: parseClaims(FILE, "test.yaml"),
      draws: 300,
      thinDraws: 100,
    });
    assert.equal(r.focal, "AAA");
    const by = Object.fromEntries(r.claims.map((c) => [c.id, c]));

    // Warming: every event of a year has the same Goldstein, so no resample or thinning can flip
    // a sign: the score is negative before 2013 and positive after, in every draw.
    const t0 = Date.UTC(2013, 0, 1);
    const t1 = Date.UTC(2015, 0, 1);
    const b0 = score(s.events, "AAA", "BBB", t0)!;
    const b1 = score(s.events, "AAA", "BBB", t1)!;
    assert.ok(b0 < 0 && b1 > 0);
    const w = by.warming;
    assert.ok(Math.abs(w.value! - (b1 - b0)) < 1e-9 * Math.abs(b1 - b0));
    assert.equal(w.verdict, "supported");
    assert.ok(
      w.interval && w.interval[0] > 0 && w.interval[0] <= w.value! && w.value! <= w.interval[1],
    );
    // Thinning keeps 6 events a year (the smallest year): 2013–2014 keep 6 warm acts each.
    assert.equal(w.stability?.eventsPerYear, 6 + 4);
    assert.equal(w.stability?.share, 1);

    // CCC: the point score's sign rests on event timing alone; resampling flips it.
    const c = by["ccc-friend"];
    const sc = score(s.events, "AAA", "CCC", t1)!;
    assert.equal(c.value, sc > 0 ? 1 : 0);
    assert.equal(c.verdict, "inconclusive");
    assert.deepEqual(c.interval, [0, 1]);

    // DDD: no event at all → not testable, never read as neutral.
    assert.equal(by["ddd-friend"].verdict, "not testable");
    assert.equal(by["ddd-friend"].value, null);

    assert.equal(by["org-2012"].verdict, "supported");
    assert.equal(by["org-2011"].verdict, "not supported");

    // Gas: 2011 sources give 10 and 12 bcm, 2014 gives 25 (a Jan–Jun row is left out). Whole
    // numbers stand for ± 0.5: the ratio lies in [24.5 / 12.5, 25.5 / 9.5].
    const g = by["gas-doubled"];
    assert.ok(Math.abs(g.value! - 25 / 11) < 1e-12);
    assert.ok(Math.abs(g.interval![0] - 24.5 / 12.5) < 1e-12);
    assert.ok(Math.abs(g.interval![1] - 25.5 / 9.5) < 1e-12);
    assert.equal(g.verdict, "supported");
    assert.equal(g.inputs.dropped.length, 1);
    assert.match(g.inputs.dropped[0].key, /Jan-Jun/);

    for (const x of r.claims) {
      assert.ok(
        ["supported", "partly supported", "not supported", "inconclusive", "not testable"].includes(
          x.verdict,
        ),
      );
      assert.ok(x.interval === null || x.interval[0] <= x.interval[1]);
      assert.ok(typeof x.rule.text === "string" && x.rule.kind.length > 0);
    }
  } finally {
    store.close();
  }
});

test("a scenario without a claims file has no claims", async () => {
  const store = await Store.open(":memory:");
  try {
    const r = await claimsReport(store, synthetic());
    assert.deepEqual(r.claims, []);
    assert.equal(r.file, null);
    assert.equal(r.focal, "AAA");
  } finally {
    store.close();
  }
});
