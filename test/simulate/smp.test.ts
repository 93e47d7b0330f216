import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseKtabCsv } from "../../src/simulate/ktab-csv.ts";
import { KtabPrng } from "../../src/simulate/ktab-prng.ts";
import { parseKtabXml } from "../../src/simulate/ktab-xml.ts";
import { runSmp } from "../../src/simulate/smp.ts";

const dir = new URL("../data/models/", import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), "utf8");

/** C printf("%.Nf"): the exact binary value rounded, exact ties to even (JS toFixed breaks ties upward). */
function printf(x: number, digits: number): string {
  const exact = x.toFixed(40);
  const dot = exact.indexOf(".");
  const tail = exact.slice(dot + 1 + digits);
  if (/^50*$/.test(tail)) {
    const head = exact.slice(0, dot + 1 + digits);
    const last = Number(head[head.length - 1]);
    if (last % 2 === 0) return head.replace(/\.$/, "");
  }
  return x.toFixed(digits);
}

/** Parse KTAB's "History of actor positions / winning probabilities" lines. */
function parseHistory(text: string) {
  const pos = new Map<string, string[]>();
  const prob = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^(.+?), (.+?)\s*:\s+(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const vals = m[3].trim().split(/\s+/);
    if (m[2] === "prob") prob.set(m[1], vals);
    else pos.set(`${m[1]}|${m[2]}`, vals);
  }
  return { pos, prob };
}

function compareWithKtab(csv: string, history: string) {
  const sc = parseKtabCsv(read(csv), csv);
  const r = runSmp(sc);
  const ref = parseHistory(read(history));
  const T = r.positions.length;
  let checked = 0;
  sc.actors.forEach((a, i) => {
    sc.dimensions.forEach((d, k) => {
      const want = ref.pos.get(`${a.name}|${d}`);
      assert.ok(want, `reference has ${a.name}, ${d}`);
      assert.equal(T, want.length, `number of states for ${a.name}`);
      const got = r.positions.map((s) => printf(s[i][k], 1));
      assert.deepEqual(got, want, `${a.name}, ${d}`);
      checked += T;
    });
    const wantP = ref.prob.get(a.name);
    assert.ok(wantP);
    assert.deepEqual(
      r.probabilities.map((p) => printf(p[i], 4)),
      wantP,
      `${a.name} winning probabilities`,
    );
  });
  return { r, checked };
}

test("runSmp reproduces KTAB's reference run of dummyData_3Dim (positions and probabilities of all 11 states)", () => {
  const { r, checked } = compareWithKtab(
    "dummyData_3Dim.csv",
    "ktab-ref/dummyData_3Dim.history.txt",
  );
  assert.equal(checked, 7 * 3 * 11);
  assert.equal(r.stopReason, "converged");
  // "Fractional change compared to first step: 0.0045"
  assert.equal(printf(r.fractionalChange.at(-1) ?? Number.NaN, 4), "0.0045");
});

test("runSmp reproduces KTAB's 28-state reference run of SOE-Pol-Comp (13 actors, 2 dimensions)", () => {
  const { r } = compareWithKtab("SOE-Pol-Comp.csv", "ktab-ref/SOE-Pol-Comp.history.txt");
  assert.equal(r.positions.length, 28);
  assert.equal(printf(r.fractionalChange.at(-1) ?? Number.NaN, 4), "0.0083");
});

test("runSmp with the 2017 smpExample.xml (PropCbc, MarkovIncentive, accommodation) matches KTAB's state-0 probabilities and turn-0 challenges", () => {
  const sc = parseKtabXml(read("smpExample-2017.xml"), "smpExample-2017.xml");
  assert.equal(sc.params?.VotingRule, "PropCbc");
  assert.equal(sc.params?.PCEModel, "MarkovIncentive");
  assert.equal(sc.seed, 3507583219545544127n);
  assert.equal(sc.accommodation?.[1][0], 0.07);
  const r = runSmp(sc, { maxIter: 1 });
  const ref = read("ktab-ref/smpExample.turn0.txt");
  for (const m of ref.matchAll(/^(\w+), prob : ([\d.]+)$/gm)) {
    const i = sc.actors.findIndex((a) => a.name === m[1]);
    assert.equal(printf(r.probabilities[0][i], 4), m[2], `${m[1]} state-0 probability`);
  }
  const ch = r.details[0].challenges;
  for (const m of ref.matchAll(/^challenge (\d) (\d) ([\d.]+) ([+-][\d.]+)$/gm)) {
    const init = sc.actors[Number(m[1])].name;
    const c = ch.find((x) => x.init === init);
    assert.ok(c, `${init} challenges someone`);
    assert.equal(c.target, sc.actors[Number(m[2])].name);
    assert.equal(printf(c.prob, 4), m[3]);
    assert.equal(`+${printf(c.gain, 4)}`, m[4]);
  }
});

test("KtabPrng's raw stream is mt19937_64 (the C++ standard's 10000th output for seed 5489)", () => {
  const g = new KtabPrng(5489n);
  let x = 0n;
  for (let i = 0; i < 10000; i++) x = g.next64();
  assert.equal(x, 9981545732273789042n);
});

test("runSmp is deterministic by default and reproducible for a stochastic seed", () => {
  const sc = parseKtabCsv(read("dummyData_3Dim.csv"));
  const a = runSmp(sc, { params: { StateTransitions: "Stochastic" }, seed: 42n });
  const b = runSmp(sc, { params: { StateTransitions: "Stochastic" }, seed: 42n });
  assert.deepEqual(a.positions, b.positions);
  for (const p of a.probabilities) assert.ok(p.every((x) => x >= 0 && x <= 1));
});

test("every KTAB parameter value runs on the 3-dimension example", () => {
  const sc = parseKtabCsv(read("dummyData_3Dim.csv"));
  for (const params of [
    { VotingRule: "Binary" },
    { VotingRule: "PropBin" },
    { VotingRule: "Cubic" },
    { VotingRule: "ASymProsp" },
    { VictoryProbModel: "Square" },
    { VictoryProbModel: "Quartic" },
    { VictoryProbModel: "Octic" },
    { VictoryProbModel: "Binary" },
    { PCEModel: "MarkovUniform" },
    { PCEModel: "MarkovIncentive" },
    { BigRRange: "Min" },
    { BigRRange: "Max" },
    { BigRAdjust: "Full" },
    { ThirdPartyCommit: "NoCommit" },
    { ThirdPartyCommit: "FullCommit" },
    { InterVecBrgn: "S1P1" },
    { InterVecBrgn: "S2PMax" },
    { BargnModel: "InitRcvrInterp" },
    { BargnModel: "PWCompInterp" },
  ] as const) {
    const r = runSmp(sc, { params });
    for (const s of r.positions)
      for (const p of s)
        for (const x of p) assert.ok(x >= -1e-9 && x <= 100 + 1e-9, JSON.stringify(params));
  }
});

test("replaying KTAB's threaded queue order, runSmp reproduces the stochastic smpExample run (PRNG, MarkovIncentive, PropCbc, accommodation) over all 15 states", () => {
  const sc = parseKtabXml(read("smpExample-2017.xml"), "smpExample-2017.xml");
  const sched = new Map<number, { queues: string[][]; resolveOrder?: number[] }>();
  for (const line of read("ktab-ref/smpExample.schedule.txt").split("\n")) {
    const m = /^turn (\d+) (resolve|queue) (.*)$/.exec(line.trim());
    if (!m) continue;
    const t = Number(m[1]);
    const e = sched.get(t) ?? { queues: [] };
    const parts = m[3].trim().split(/\s+/);
    if (m[2] === "resolve") e.resolveOrder = parts.map(Number);
    else e.queues[Number(parts[0])] = parts.slice(1);
    sched.set(t, e);
  }
  const r = runSmp(sc, { schedule: (t) => sched.get(t) });
  assert.equal(r.params.StateTransitions, "Stochastic");
  const ref = parseHistory(read("ktab-ref/smpExample.history.txt"));
  assert.equal(r.positions.length, 15);
  sc.actors.forEach((a, i) => {
    sc.dimensions.forEach((d, k) => {
      assert.deepEqual(
        r.positions.map((s) => printf(s[i][k], 1)),
        ref.pos.get(`${a.name}|${d}`),
        `${a.name}, ${d}`,
      );
    });
    assert.deepEqual(
      r.probabilities.map((p) => printf(p[i], 4)),
      ref.prob.get(a.name),
      `${a.name} probabilities`,
    );
  });
});
