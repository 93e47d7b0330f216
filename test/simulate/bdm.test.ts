import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runBargain } from "../../src/simulate/bargain.ts";
import { parseBargainText } from "../../src/simulate/bargain-input.ts";
import { weightedMean, weightedMedian } from "../../src/simulate/baselines.ts";
import { BdmModel } from "../../src/simulate/bdm.ts";

// EC emission standards (BDM 1994, Table 1 as used by Scholz et al. 2011); jmckib's table.
const file = new URL("../data/models/bdm-ec-emissions.csv", import.meta.url);
const sc = parseBargainText(readFileSync(file, "utf8"), "bdm-ec-emissions.csv");

test("the EC emission-standards case has weighted mean 7.39 and weighted median 7.0", () => {
  assert.equal(weightedMean(sc.actors, 0).toFixed(2), "7.39");
  // independent: 5.003 / 0.677 as published
  assert.ok(Math.abs(weightedMean(sc.actors, 0) - 5.003 / 0.677) < 1e-12);
  assert.equal(weightedMedian(sc.actors, 0), 7);
  const r = runBargain(sc, { model: "bdm" });
  assert.equal(r.baselines.weightedMean[0].toFixed(2), "7.39");
  assert.equal(r.baselines.weightedMedian[0], 7);
});

test("BDM risk exponents with net-vote probabilities match the published replication's first pass", () => {
  // dmasad/BDM_DecisionModel_Replication, "Comparison with Original", pass 0 (Q = T = 1)
  const want = [1.127, 0.781, 0.5, 1.127, 1.078, 1.078, 2.0, 0.525, 1.472, 1.14];
  const m = new BdmModel(
    sc.actors.map((a) => ({
      name: a.name,
      capability: a.capability,
      salience: a.salience[0] / 100,
      position: a.position[0],
    })),
    { probability: "net" },
  );
  m.updateRisk();
  assert.deepEqual(
    m.r.map((x) => x.toFixed(3)),
    want.map((x) => x.toFixed(3)),
  );
});

test("BDM risk exponents lie in [0.5, 2] and the pairwise median is Black's median", () => {
  const m = new BdmModel(
    sc.actors.map((a) => ({
      name: a.name,
      capability: a.capability,
      salience: a.salience[0] / 100,
      position: a.position[0],
    })),
  );
  m.updateRisk();
  for (const r of m.r) assert.ok(r >= 0.5 - 1e-12 && r <= 2 + 1e-12);
  assert.equal(m.median(), 7);
});

test("runBargain(bdm) returns the issue's shape with turns[0] the initial state", () => {
  const r = runBargain(sc, { model: "bdm" });
  assert.equal(r.model, "bdm");
  assert.deepEqual(r.turns[0].positions.Netherlands, [4]);
  assert.equal(r.turns[0].fractionalChange, null);
  assert.deepEqual(
    Object.keys(r.final.positions),
    sc.actors.map((a) => a.name),
  );
  for (const t of r.turns)
    for (const p of Object.values(t.probabilities)) assert.ok(p > 0 && p <= 1);
});

test("the replication's later table (Netherlands and Belgium swapped) gives the same weighted mean and median", () => {
  const file2 = new URL("../data/models/bdm-ec-emissions-dmasad.csv", import.meta.url);
  const sc2 = parseBargainText(readFileSync(file2, "utf8"), "bdm-ec-emissions-dmasad.csv");
  assert.equal(sc2.actors.find((a) => a.name === "Netherlands")?.position[0], 7);
  assert.equal(weightedMean(sc2.actors, 0).toFixed(2), "7.39");
  assert.equal(weightedMedian(sc2.actors, 0), 7);
});
