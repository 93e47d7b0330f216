import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { multilateralism } from "../../src/measure/multilateralism.ts";

const FIXTURE = fileURLToPath(new URL("../data/scenarios/measures/", import.meta.url));
const s = loadScenario(FIXTURE);

test("multilateralism(): memberships by status over time, bridging organisations, hosting and mediation", () => {
  const [r2008, r2019, r2024] = multilateralism(s, "GEO", 2008, 2024).filter((r) =>
    [2008, 2019, 2024].includes(r.year),
  );
  // 2008: BSEC and CIS (left 2009); 2024: BSEC, plus EU candidate status from 2023-12.
  assert.equal(r2008.full, 2);
  assert.equal(r2024.full, 1);
  assert.equal(r2024.partial, 1);
  // BSEC holds Armenia and Azerbaijan (a rivalry) and Russia but no West member.
  assert.deepEqual(r2019.bridging, [{ organisation: "BSEC", rivalries: ["ARM–AZE"] }]);
  // CIS in 2008 holds Russia only: not bridging.
  assert.ok(!r2008.bridging.some((b) => b.organisation === "CIS"));
  assert.deepEqual(
    r2019.mediation.map((m) => m.id),
    ["e6"],
  );
  assert.deepEqual(
    r2019.hosted.map((m) => m.id),
    ["e6"],
  );
});

test("multilateralism() without the focal state's memberships says unknown, not zero", () => {
  const [r] = multilateralism({ ...s, memberships: [], events: [] }, "GEO", 2019, 2019);
  assert.equal(r.full, null);
  assert.equal(r.partial, null);
  assert.equal(r.membershipsKnown, false);
  assert.equal(r.eventsKnown, false);
});

test("multilateralism(): hosting and mediation records are a measurement only in years declared curated", () => {
  const [r] = multilateralism(s, "GEO", 2019, 2019);
  assert.equal(r.hostingStatus, "data"); // the fixture declares 2014–2025 curated
  assert.equal(r.mediationStatus, "data");
  const [u] = multilateralism({ ...s, meta: { ...s.meta, curated: undefined } }, "GEO", 2019, 2019);
  assert.equal(u.hostingStatus, "no data");
  assert.equal(u.mediationStatus, "no data");
  assert.deepEqual(
    u.hosted.map((h) => h.id),
    ["e6"],
  ); // the records stay listed
  const [early] = multilateralism(s, "GEO", 2012, 2012);
  assert.equal(early.hostingStatus, "no data");
});
