import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { capabilityPeers } from "../../src/claims/measures/capability-peers.ts";
import { idealAxisPositions } from "../../src/claims/measures/ideal-axis.ts";
import { issueVotePositions } from "../../src/claims/measures/issue-votes.ts";
import { resolvePeerSet } from "../../src/claims/peer-sets.ts";
import type { Scenario } from "../../src/model/scenario.ts";
import { Store } from "../../src/store/store.ts";

let store: Store;
before(async () => {
  store = await Store.open(":memory:");
});
after(() => store.close());

const noScenario = { memberships: [] } as unknown as Scenario;

test("the post-Soviet peer set derived from the panel's state list is the fifteen successor states", async () => {
  const s = await resolvePeerSet(
    "post-soviet",
    {
      name: "post-Soviet",
      panel: {
        enteredYear: 1991,
        ccodeRanges: [
          [359, 373],
          [701, 705],
        ],
        include: ["RUS"],
      },
      source: "COW",
    },
    2020,
    { store, scenario: noScenario },
  );
  assert.deepEqual(s.members, [
    "ARM",
    "AZE",
    "BLR",
    "EST",
    "GEO",
    "KAZ",
    "KGZ",
    "LTU",
    "LVA",
    "MDA",
    "RUS",
    "TJK",
    "TKM",
    "UKR",
    "UZB",
  ]);
});

test("an organisation peer set holds full members only (observers are not members)", async () => {
  const scenario = {
    memberships: [
      { actor: "AZE", organisation: "OTS", status: "founding-member", from: "2009-10-03" },
      { actor: "UZB", organisation: "OTS", status: "member", from: "2019" },
      { actor: "HUN", organisation: "OTS", status: "observer", from: "2018-09" },
      { actor: "TKM", organisation: "OTS", status: "observer", from: "2021-11-12" },
    ],
  } as unknown as Scenario;
  const s = await resolvePeerSet("ots", { name: "OTS", organisation: "OTS", source: "s" }, 2024, {
    store,
    scenario,
  });
  assert.deepEqual(s.members.sort(), ["AZE", "UZB"]);
});

test("issue votes on 68/262 (27 March 2014) score each state's vote against Russia's, as the raw votes say", async () => {
  const v = await issueVotePositions(
    store,
    { dates: ["2014-03-27"], against: "RUS", from: 2014, to: 2014 },
    { draws: 10, seed: 1 },
  );
  assert.equal(v.rollCalls.length, 1);
  const rcid = v.rollCalls[0].rcid;
  const raw = await store.all<{ iso3: string; vote: number }>(
    "SELECT iso3, vote FROM ref_unvotes WHERE rcid = ? AND vote IN (1, 2, 3) AND iso3 IS NOT NULL",
    [rcid],
  );
  const rus = raw.find((r) => r.iso3 === "RUS")!.vote;
  assert.equal(rus, 3); // Russia voted no
  for (const r of raw) {
    const expected: number = r.vote === 2 ? 0.5 : r.vote === rus ? 0 : 1;
    assert.equal(v.values.get(r.iso3)?.value, expected, r.iso3);
  }
  assert.equal(v.values.get("AZE")?.value, 1);
});

test("ideal-point axis positions are (θ − θ_RUS)/(θ_USA − θ_RUS) from the panel", async () => {
  const v = await idealAxisPositions(store, ["RUS", "USA"], 2022, 2022);
  const rows = await store.all<{ iso3: string; t: number }>(
    "SELECT iso3, idealpointfp AS t FROM ref_idealpoints WHERE year = 2022 AND iso3 IN ('AZE', 'RUS', 'USA')",
  );
  const t = Object.fromEntries(rows.map((r) => [r.iso3, r.t]));
  const expected = (t.AZE - t.RUS) / (t.USA - t.RUS);
  assert.ok(Math.abs(v.values.get("AZE")!.value - expected) < 1e-12);
  assert.ok(Math.abs(v.values.get("RUS")!.value) < 1e-12);
  assert.ok(Math.abs(v.values.get("USA")!.value - 1) < 1e-12);
});

test("capability peers are the states within a factor of the focal state's CINC", async () => {
  const c = await capabilityPeers(store, {
    focal: "AZE",
    indicator: "igoMemberships",
    band: 2,
    from: 2014,
    to: 2014,
  });
  assert.equal(c.year, 2014);
  const rows = await store.all<{ iso3: string; cinc: number }>(
    "SELECT iso3, cinc FROM ref_nmc WHERE year = 2014 AND cinc > 0 AND iso3 IS NOT NULL",
  );
  const aze = rows.find((r) => r.iso3 === "AZE")!.cinc;
  const expected = rows
    .filter((r) => r.cinc >= aze / 2 && r.cinc <= aze * 2)
    .map((r) => r.iso3)
    .sort();
  assert.deepEqual([...c.values.keys()].sort(), expected);
  const none = await capabilityPeers(store, {
    focal: "AZE",
    indicator: "igoMemberships",
    band: 2,
    from: 2021,
    to: 2025,
  });
  assert.equal(none.year, null);
});
