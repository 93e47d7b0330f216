import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createApp } from "../../src/server/app.ts";

const post = (_path: string, body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

test("GET /api/simulate/bargain runs the shipped TRIPP example in the issue's shape", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/simulate/bargain?example=tripp&model=bdm");
  assert.equal(res.status, 200);
  const r = await res.json();
  assert.equal(r.model, "bdm");
  assert.deepEqual(Object.keys(r.turns[0].positions).length, 8);
  assert.equal(r.baselines.weightedMean.length, 4);
});

test("POST /api/compute/bargain runs KTAB's SMP on posted CSV and rejects bad parameters", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const csv = readFileSync(new URL("../data/models/dummyData_3Dim.csv", import.meta.url), "utf8");
  const ok = await app.request("/api/compute/bargain", post("", { scenario: csv }));
  assert.equal(ok.status, 200);
  const r = await ok.json();
  assert.equal(r.turns.length, 11);
  assert.equal(r.final.positions["SActor-02"][1].toFixed(1), "90.9");
  const bad = await app.request(
    "/api/compute/bargain",
    post("", { scenario: csv, params: { VotingRule: "Nope" } }),
  );
  assert.equal(bad.status, 400);
  const invalid = await app.request(
    "/api/compute/bargain",
    post("", { scenario: "S,d,3,1\nActor,Description,Power,P,S\na,,1,10,200\n" }),
  );
  assert.equal(invalid.status, 422);
});

test("POST /api/compute/landscape returns minima sorted by energy with warnings", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request(
    "/api/compute/landscape",
    post("", {
      actors: "name,size\nA,1\nB,1\nC,1\n",
      propensities: "a,b,p\nA,B,1\nB,A,2\nA,C,-1\n",
    }),
  );
  assert.equal(res.status, 200);
  const r = await res.json();
  assert.ok(r.minima.length >= 1);
  assert.equal(r.warnings.length, 2);
});

test("POST /api/compute/whatif validates its focal state and scenario id", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request(
    "/api/compute/whatif",
    post("", { focal: "AZE", scenario: "../x", changes: "changes: []" }),
  );
  assert.equal(res.status, 400);
});
