import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import type { AssignProblem } from "../../src/corridor/assign.ts";
import { assignLogit } from "../../src/corridor/logit.ts";
import { mulberry32 } from "../../src/network/random.ts";

// Seeded generator (mulberry32, shared with the network heuristics) so failures reproduce.
const rng = mulberry32;

/** Random problem: 3–6 routes over 4 links (some shared), one destination, some capacities. */
function randomProblem(rnd: () => number): AssignProblem {
  const n = 3 + Math.floor(rnd() * 4);
  const links = ["L0", "L1", "L2", "L3"];
  const D = 50 + rnd() * 100;
  const capacities = new Map<string, number>();
  for (const l of links) if (rnd() < 0.5) capacities.set(l, 5 + rnd() * 40);
  const routes = Array.from({ length: n }, (_, i) => ({
    id: `R${i}`,
    destination: "Z",
    cost: rnd() * 3000,
    links: links.filter(() => rnd() < 0.4),
  }));
  // One uncapacitated route keeps the problem feasible without the unserved alternative.
  routes.push({ id: "FREE", destination: "Z", cost: 2000 + rnd() * 2000, links: [] });
  return { routes, capacities, demand: new Map([["Z", D]]), penalty: 20000 };
}

// Independent re-solve with scipy (SLSQP) of the primal: min sum c x + (1/theta) sum x ln(x/D)
// over routes and the unserved alternative, subject to demand and link capacities.
const PY = `
import json, sys
import numpy as np
from scipy.optimize import minimize
out = []
for p in json.load(sys.stdin):
    c = np.array(p["costs"] + [p["penalty"]], float); D = p["D"]; th = p["theta"]
    n = len(c)
    def f(x):
        x = np.maximum(x, 1e-12)
        return float(c @ x + (x * np.log(x / D)).sum() / th)
    def g(x):
        x = np.maximum(x, 1e-12)
        return c + (np.log(x / D) + 1) / th
    cons = [{"type": "eq", "fun": lambda x: x.sum() - D, "jac": lambda x: np.ones(n)}]
    for links, cap in p["caps"]:
        a = np.zeros(n); a[links] = 1.0
        cons.append({"type": "ineq", "fun": (lambda a, cap: lambda x: cap - a @ x)(a, cap), "jac": (lambda a: lambda x: -a)(a)})
    x0 = np.full(n, D / n)
    r = minimize(f, x0, jac=g, constraints=cons, bounds=[(1e-12, D)] * n, method="SLSQP",
                 options={"ftol": 1e-14, "maxiter": 2000})
    out.append(list(map(float, r.x[:-1])))
print(json.dumps(out))
`;

test("capacitated logit matches an independent scipy (SLSQP) solution of the SUE program on 40 seeded problems", () => {
  const rnd = rng(20261206);
  const theta = 1 / 400;
  const problems = Array.from({ length: 40 }, () => randomProblem(rnd));
  const payload = problems.map((p) => ({
    costs: p.routes.map((r) => r.cost),
    penalty: p.penalty,
    D: p.demand.get("Z")!,
    theta,
    caps: [...p.capacities].map(([l, cap]) => [
      p.routes.map((r, i) => (r.links.includes(l) ? i : -1)).filter((i) => i >= 0),
      cap,
    ]),
  }));
  const scipy: number[][] = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", PY], { input: JSON.stringify(payload) }).toString(),
  );
  problems.forEach((p, k) => {
    const ours = assignLogit(p, { theta });
    assert.ok(ours.converged, `problem ${k} did not converge`);
    const D = p.demand.get("Z")!;
    p.routes.forEach((r, i) => {
      const a = ours.flows.get(r.id)!;
      const b = scipy[k][i];
      assert.ok(Math.abs(a - b) <= 2e-3 * D, `problem ${k} ${r.id}: ours ${a}, scipy ${b}`);
    });
  });
});

test("logit flows sum to demand, respect capacities, and double when demand and capacities double", () => {
  const rnd = rng(7);
  const theta = 1 / 500;
  for (let k = 0; k < 60; k++) {
    const p = randomProblem(rnd);
    const a = assignLogit(p, { theta });
    const D = p.demand.get("Z")!;
    const served = [...a.flows.values()].reduce((s, x) => s + x, 0) + a.unserved.get("Z")!;
    assert.ok(Math.abs(served - D) <= 1e-9 * D, `problem ${k}: ${served} vs ${D}`);
    for (const [l, cap] of p.capacities)
      assert.ok((a.linkFlows.get(l) ?? 0) <= cap * (1 + 1e-6) + 1e-9, `problem ${k} ${l}`);
    const p2: AssignProblem = {
      ...p,
      demand: new Map([["Z", 2 * D]]),
      capacities: new Map([...p.capacities].map(([l, c]) => [l, 2 * c])),
    };
    const a2 = assignLogit(p2, { theta });
    for (const r of p.routes) {
      const x = a.flows.get(r.id)!;
      const x2 = a2.flows.get(r.id)!;
      assert.ok(Math.abs(x2 - 2 * x) <= 1e-5 * D, `problem ${k} ${r.id}: ${x2} vs 2×${x}`);
    }
  }
});
