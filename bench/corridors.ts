// Corridor computations on the shipped Eurasian network: wall time of compare, disrupt and the
// full leverage time series (transport 2015–2025 + gas), cold (first HiGHS load) and warm.
// Usage: node --import tsx bench/corridors.ts
import { compareRoutes } from "../src/corridor/compare.ts";
import { corridorLeverage } from "../src/corridor/corridor-leverage.ts";
import { disrupt } from "../src/corridor/disrupt.ts";
import { loadNetwork } from "../src/corridor/load-network.ts";

const ms = async (f: () => unknown) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const net = loadNetwork();
const rows: [string, number][] = [];
rows.push(["load + validate network (cold)", 0]);
rows.push([
  "compare CHN→DEU 2024",
  await ms(() => compareRoutes(net, { from: "CHN", to: "DEU", year: 2024 })),
]);
rows.push([
  "disrupt RUS 2022 vs 2021 (first call)",
  await ms(() => disrupt(net, { close: ["RUS"], year: 2022, baselineYear: 2021 })),
]);
rows.push([
  "disrupt SUEZ,BAB 2024 (warm)",
  await ms(() => disrupt(net, { close: ["SUEZ", "BAB"], year: 2024 })),
]);
for (const c of ["AZE", "GEO", "TUR", "KAZ"])
  rows.push([
    `leverage ${c}, all years, both networks`,
    await ms(() => corridorLeverage(c, undefined, { network: net })),
  ]);
rows.push([
  "leverage AZE again",
  await ms(() => corridorLeverage("AZE", undefined, { network: net })),
]);
rows.shift();
for (const [k, v] of rows) console.log(`| ${k} | ${v.toFixed(0)} |`);
