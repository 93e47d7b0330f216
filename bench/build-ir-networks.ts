// Build the benchmark's signed international-relations networks from shipped data and write
// them to bench/data/ (kept in the repository; rerun only to regenerate).
//   + ties: ATOP 5.1 alliance dyad-years (Leeds et al. 2002), via peacesciencer `atop_alliance`
//   − ties: strategic rivalries active that year, Thompson–Dreyer (2011) ∪ TSS, via peacesciencer
// Rule: a dyad with both an alliance and a rivalry in the year is negative (the rivalry is the
// standing hostility; the alliance does not cancel it). Node labels are COW state abbreviations.
// Two families: "def" counts defence or offence pacts only; "any" counts every ATOP obligation
// (defence, offence, neutrality, non-aggression, consultation). Years whose network has 60–160
// nodes and 350–900 edges are kept.
//   node --import tsx bench/build-ir-networks.ts [/work/shared/data/reference/peacesciencer]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/data/csv.ts";

const dir = process.argv[2] ?? "/work/shared/data/reference/peacesciencer";
const table = (f: string) => {
  const p = parseCsv(readFileSync(join(dir, f), "utf8"));
  return p.records.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r.fields[i]])));
};
const abb = new Map<string, string>();
for (const r of table("cow_states.csv")) abb.set(r.ccode, r.stateabb);
const label = (c: string) => abb.get(c) ?? `C${c}`;
const key = (a: string, b: string) => (Number(a) < Number(b) ? `${a}-${b}` : `${b}-${a}`);

const def = new Map<number, Set<string>>();
const any = new Map<number, Set<string>>();
for (const r of table("atop_alliance.csv")) {
  const y = Number(r.year);
  const k = key(r.ccode1, r.ccode2);
  if (r.atop_defense === "1" || r.atop_offense === "1") {
    if (!def.has(y)) def.set(y, new Set());
    def.get(y)!.add(k);
  }
  if (
    ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"].some(
      (c) => r[c] === "1",
    )
  ) {
    if (!any.has(y)) any.set(y, new Set());
    any.get(y)!.add(k);
  }
}
const rivalries: { k: string; from: number; to: number }[] = [];
for (const r of table("td_rivalries.csv"))
  rivalries.push({
    k: key(r.ccode1, r.ccode2),
    from: Number(r.styear),
    to: r.endyear === "NA" ? 9999 : Number(r.endyear),
  });
for (const r of table("tss_rivalries.csv"))
  rivalries.push({
    k: key(r.ccode1, r.ccode2),
    from: Number(r.start),
    to: r.end === "NA" ? 9999 : Number(r.end),
  });

const index: string[] = ["file,family,year,nodes,edges,negative"];
for (const [family, pos] of [
  ["def", def],
  ["any", any],
] as const) {
  for (let y = 1946; y <= 2018; y++) {
    const neg = new Set(rivalries.filter((r) => r.from <= y && y <= r.to).map((r) => r.k));
    const all = new Map<string, number>();
    for (const k of pos.get(y) ?? []) all.set(k, 1);
    for (const k of neg) all.set(k, -1);
    const nodes = new Set([...all.keys()].flatMap((k) => k.split("-")));
    if (nodes.size < 60 || nodes.size > 160 || all.size < 350 || all.size > 900) continue;
    const lines = ["source,target,sign"];
    for (const [k, s] of [...all].sort()) {
      const [a, b] = k.split("-");
      lines.push(`${label(a)},${label(b)},${s}`);
    }
    const file = `ir-${family}-${y}.csv`;
    writeFileSync(join("bench/data", file), `${lines.join("\n")}\n`);
    index.push(
      `${file},${family},${y},${nodes.size},${all.size},${[...all.values()].filter((s) => s < 0).length}`,
    );
  }
}
writeFileSync("bench/data/index.csv", `${index.join("\n")}\n`);
console.log(`${index.length - 1} networks written to bench/data/`);
