import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { parseDeu } from "../../src/backtest/deu-parse.ts";
import { runModels } from "../../src/backtest/models.ts";
import type { BacktestIssue } from "../../src/backtest/types.ts";
import { DEU_FILE, deuText } from "./deu-file.ts";

// Independent computation in Python from the raw file: the unweighted mean and median of every
// stated position (statistics module), and the compromise model with EU-15 Shapley–Shubik indices
// by brute force (QMV 62 of 87), 1/15 under unanimity, EP 1 under COD else 0, Commission = the
// largest state's index.
const PY = `
import csv, json, sys, statistics
from itertools import combinations
from math import factorial
W = {'de':10,'fr':10,'it':10,'uk':10,'es':8,'be':5,'el':5,'nl':5,'pt':5,'at':4,'se':4,'dk':3,'ie':3,'fi':3,'lu':2}
names = list(W); n = len(names)
ssi = {}
for i in names:
    others = [j for j in names if j != i]
    s = 0.0
    for k in range(n):
        for c in combinations(others, k):
            t = sum(W[j] for j in c)
            if t < 62 <= t + W[i]:
                s += factorial(k) * factorial(n - k - 1) / factorial(n)
    ssi[i] = s
rows = list(csv.reader(open(sys.argv[1], newline=''), delimiter='\\t'))
h = rows[0]
acts = [c[1:] for c in h if c.startswith('p') and ('s' + c[1:]) in h]
out = {}
for r in rows[1:]:
    d = dict(zip(h, r))
    if not d['isnr']:
        continue
    pos = {a: float(d['p' + a]) for a in acts if d['p' + a].strip() != ''}
    sal = {a: float(d['s' + a]) for a in pos}
    unan = d['counvte'].lower().startswith('unan')
    cap = {}
    for a in pos:
        if a == 'ep': cap[a] = 1.0 if d['proc'] == 'COD' else 0.0
        elif a == 'com': cap[a] = 1 / 15 if unan else max(ssi.values())
        else: cap[a] = 1 / 15 if unan else ssi[a]
    den = sum(cap[a] * sal[a] for a in pos)
    out[d['isnr']] = {
        'mean': statistics.mean(pos.values()),
        'median': statistics.median(pos.values()),
        'compromise': sum(cap[a] * sal[a] * pos[a] for a in pos) / den if den > 0 else None,
    }
print(json.dumps(out))
`;

test("mean, median and compromise equal an independent Python computation on every DEU issue", () => {
  const r = spawnSync("/usr/bin/python3", ["-c", PY, DEU_FILE], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const want = JSON.parse(r.stdout) as Record<string, Record<string, number | null>>;
  const issues = parseDeu(deuText(), { file: "deu.tsv" });
  assert.equal(issues.length, Object.keys(want).length);
  for (const i of issues) {
    const got = runModels(i, ["mean", "median", "compromise"]);
    for (const m of ["mean", "median", "compromise"]) {
      const w = want[i.id][m];
      const g = got[m].forecast;
      if (w === null) assert.equal(g, null, `${i.id} ${m}`);
      else
        assert.ok(
          g !== null && Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w)),
          `${i.id} ${m}: ${g} vs ${w}`,
        );
    }
  }
});

test("compromise by hand: positions 0, 50, 100; capability 1, 2, 1; salience 50, 50, 100 → 60", () => {
  const issue: BacktestIssue = {
    id: "hand",
    outcome: 55,
    reference: 10,
    actors: [
      { id: "a", position: 0, salience: 50, capability: 1 },
      { id: "b", position: 50, salience: 50, capability: 2 },
      { id: "c", position: 100, salience: 100, capability: 1 },
    ],
  };
  // (1·50·0 + 2·50·50 + 1·100·100) / (50 + 100 + 100) = 15000 / 250
  const f = runModels(issue, ["compromise", "mean", "median", "statusquo"]);
  assert.equal(f.compromise.forecast, 60);
  assert.equal(f.mean.forecast, 50);
  assert.equal(f.median.forecast, 50);
  assert.equal(f.statusquo.forecast, 10);
});

test("median of an even number of positions is the midpoint of the two middle ones; actors without capability still count", () => {
  const issue: BacktestIssue = {
    id: "even",
    outcome: 0,
    reference: null,
    actors: [
      { id: "a", position: 0, salience: 0, capability: 0 },
      { id: "b", position: 20, salience: 10, capability: 1 },
      { id: "c", position: 70, salience: 10, capability: 1 },
      { id: "d", position: 100, salience: 10, capability: 0 },
    ],
  };
  const f = runModels(issue, ["median", "mean", "compromise", "statusquo"]);
  assert.equal(f.median.forecast, 45);
  assert.equal(f.mean.forecast, 47.5);
  assert.equal(f.compromise.forecast, 45);
  assert.equal(f.statusquo.forecast, null);
  assert.match(f.statusquo.reason ?? "", /no reference point/);
});
