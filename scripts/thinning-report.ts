// The thinning test of docs/measures/thinning.md: thin every year's events of a scenario to the
// same number (seeded draws) and print how much each headline event-based measure moves, as a
// markdown table. Usage: node --import tsx scripts/thinning-report.ts [scenario] [draws] [seed] [prior]
import { loadScenario } from "../src/data/load-scenario.ts";
import { resolveScenarioDir } from "../src/data/scenario-registry.ts";
import { thinningReport } from "../src/measure/thinning.ts";

const [name = "azerbaijan", drawsArg = "200", seedArg = "1", priorArg = "0"] =
  process.argv.slice(2);
const s = loadScenario(resolveScenarioDir(name));
const focal = s.meta.focal;
const partners = ["RUS", "ARM", "IRN", "TUR", "ISR", "GEO", "USA", "EU", "CHN", "PAK"];
const r = await thinningReport(s, focal, {
  from: Number(s.meta.from.slice(0, 4)),
  to: Number(s.meta.to.slice(0, 4)),
  draws: Number(drawsArg),
  seed: Number(seedArg),
  prior: Number(priorArg),
  partners,
});
const f = (x: number | null, d = 2) => (x === null ? "–" : x.toFixed(d));
const pct = (x: number | null) => (x === null ? "–" : `${Math.round(100 * x)} %`);
console.log(
  `Scenario ${s.meta.id}, ${r.from}–${r.to}: events per year ${Object.entries(r.eventsByYear)
    .map(([y, n]) => `${y}: ${n}`)
    .join(
      ", ",
    )}; thinned to ${r.perYear} a year; ${r.draws} draws, seed ${r.seed}; relation-score prior weight ${r.prior}.\n`,
);
console.log(
  "| measure | year | full | thinned mean [90 % range] | draws with data | mean abs. change | direction vs year before kept |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const row of r.rows) {
  if (row.full.status !== "data") continue;
  console.log(
    `| ${row.measure} | ${row.year} | ${f(row.full.value)} | ${f(row.mean)} [${row.range ? `${f(row.range[0])}, ${f(row.range[1])}` : "–"}] | ${pct(row.dataShare)} | ${f(row.meanAbsChange, 3)} | ${pct(row.signAgreement)} |`,
  );
}
