/**
 * Benchmarks of the simulation models (run: `npx tsx bench/simulate.ts`; results are recorded by hand
 * in bench/results/simulate.md with the machine they ran on).
 *   1. KTAB-sized SMP runs: KTAB's SOE-Pol-Comp reference scenario (13 actors, 2 dimensions, 27
 *      turns), and a 30-actor, 4-dimension scenario drawn from a seeded PRNG.
 *   2. Doctrine Monte Carlo: simulated years per second (4 doctrines per simulated year), 1 and 2 threads.
 *   3. Landscape: exhaustive search with basins for 16 and 20 actors.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { runDoctrines } from "../src/simulate/doctrine-run.ts";
import { parseKtabCsv } from "../src/simulate/ktab-csv.ts";
import { solveLandscape } from "../src/simulate/landscape.ts";
import { runSmp } from "../src/simulate/smp.ts";
import type { SmpScenario } from "../src/simulate/smp-scenario.ts";
import { Xoshiro128 } from "../src/simulate/xoshiro.ts";

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

console.log(`node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model})`);

const soe = parseKtabCsv(
  readFileSync(new URL("../test/data/models/SOE-Pol-Comp.csv", import.meta.url), "utf8"),
);
runSmp(soe); // warm-up
const [r1, t1] = time(() => runSmp(soe));
console.log(
  `SMP SOE-Pol-Comp: 13 actors × 2 dims, ${r1.positions.length - 1} turns: ${t1.toFixed(0)} ms (${(t1 / (r1.positions.length - 1)).toFixed(1)} ms/turn)`,
);

const rng = new Xoshiro128(2024);
const big: SmpScenario = {
  name: "random-30x4",
  description: "",
  dimensions: ["d1", "d2", "d3", "d4"],
  actors: Array.from({ length: 30 }, (_, i) => {
    const sal = [0, 1, 2, 3].map(() => rng.uniform(5, 24));
    return {
      name: `A${i}`,
      description: "",
      capability: rng.uniform(10, 200),
      position: [0, 1, 2, 3].map(() => rng.uniform(0, 100)),
      salience: sal,
    };
  }),
};
const [r2, t2] = time(() => runSmp(big));
console.log(
  `SMP random 30 actors × 4 dims, ${r2.positions.length - 1} turns: ${t2.toFixed(0)} ms (${(t2 / (r2.positions.length - 1)).toFixed(1)} ms/turn)`,
);

const poles = ["Russia", "West", "China", "Turkey", "Iran"].map((id, g) => ({
  id,
  name: id,
  capability: 1 + g,
  benefit: 0.5 + 0.1 * g,
  threat: g === 4 ? 0.5 : 0,
  engagement: 0.2,
  shockRate: 0.1,
  shockSize: 0.5,
  defectRate: 0.05,
}));
const params = {
  poles,
  rivals: [
    [0, 1],
    [2, 1],
    [4, 1],
  ] as [number, number][],
};
for (const threads of [1, 2]) {
  const runs = 5000;
  const years = 25;
  const t = performance.now();
  const res = await runDoctrines(params, { runs, years, seed: 1, threads });
  const ms = performance.now() - t;
  console.log(
    `doctrine Monte Carlo, ${threads} thread(s): ${runs} runs × ${years} years × 4 doctrines in ${ms.toFixed(0)} ms = ${((runs * years) / (ms / 1000)).toFixed(0)} simulated years/s (${((4 * runs * years) / (ms / 1000)).toFixed(0)} doctrine-years/s); ranking ${res.ranking.join(" > ")}`,
  );
}

for (const n of [16, 20]) {
  const r = new Xoshiro128(n);
  const names = Array.from({ length: n }, (_, i) => `N${i}`);
  const sizes = names.map(() => r.uniform(1, 10));
  const p = names.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      p[i][j] = r.uniform(-1, 1);
      p[j][i] = p[i][j];
    }
  const [res, ms] = time(() => solveLandscape({ names, sizes, p }));
  console.log(
    `landscape exhaustive, ${n} actors (${res.configurations} splits): ${ms.toFixed(0)} ms, ${res.minima.length} minima`,
  );
}
