// Benchmark: what connecting the corridor module costs the scorecard (AZE, 2011–2025, the
// shipped scenario, no store): the scorecard without corridors, with corridors as a point value
// (draws 0: the hook before issue 14's intervals), and with 40 seeded draws over the assumption
// ranges (the default), first call (cold) and second call (the per-year cache warm).
// Run: npx tsx bench/scorecard-corridors.ts   (results: bench/results/scorecard-corridors.md)
import { cpus, loadavg } from "node:os";
import { loadScenario } from "../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../src/data/scenario-registry.ts";
import { clearCorridorHookCache, corridorLeverageHook } from "../src/measure/corridor-hook.ts";
import { scorecard } from "../src/measure/scorecard.ts";

const az = loadScenario(resolveScenarioDir("azerbaijan"));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function time(label: string, f: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  const c0 = cpu();
  await f();
  console.log(`| ${label} | ${(performance.now() - t0).toFixed(0)} | ${(cpu() - c0).toFixed(0)} |`);
}
const card = (hook?: ReturnType<typeof corridorLeverageHook>) =>
  scorecard(undefined, az, "AZE", 2011, 2025, { corridorLeverage: hook });

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; node ${process.version}\n`,
);
console.log("| scorecard AZE 2011–2025 | wall ms | CPU ms |\n| --- | --- | --- |");
await time("warm-up (module loading), no corridors", () => card());
await time("no corridors", () => card());
await time("corridors, point value (draws 0), cold", () =>
  card(corridorLeverageHook({ draws: 0 })),
);
await time("corridors, point value (draws 0), cached", () =>
  card(corridorLeverageHook({ draws: 0 })),
);
clearCorridorHookCache();
await time("corridors, 40 draws + tornado, cold", () => card(corridorLeverageHook()));
await time("corridors, 40 draws + tornado, cached", () => card(corridorLeverageHook()));
