// Validation of the Atlas index (docs/atlas.md): face validity against alliance and NAM
// membership, sensitivity of ranks to the weights, agreement of the UN-vote input with the US
// State Department's voting-coincidence figures, and the states where the index disagrees with
// the common classification. Prints Markdown; --write puts it into docs/atlas.md between the
// markers, --check fails when docs/atlas.md is not current.
// Run: node --import tsx scripts/atlas-validation.ts [--write | --check] [--coincidence FILE.csv]
import { readFileSync, writeFileSync } from "node:fs";
import { atlas } from "../src/atlas/atlas.ts";
import { loadPeerGroups, parsePeerSpecs, resolvePeerGroup } from "../src/atlas/peers.ts";
import { atlasCompare } from "../src/atlas/peers-compare.ts";
import type { AtlasResult, AtlasRow } from "../src/atlas/types.ts";
import { parseCsv } from "../src/data/csv.ts";
import { Store } from "../src/store/store.ts";

export const VALIDATION_DEFAULTS = {
  /** Years checked (2024 has too few roll calls for the UN-vote component). */
  years: [1995, 2000, 2005, 2010, 2015, 2020, 2023],
  /** Bootstrap draws for the AUC intervals (states resampled within each group). */
  draws: 500,
  seed: 1,
  level: 0.9,
  coincidence: new URL("../data/validation/state-dept-coincidence.csv", import.meta.url).pathname,
};

/** Alternative weights for the sensitivity check (the Atlas's defaults are the baseline). */
const ALTERNATIVES: [string, Record<string, number>][] = [
  ["UN votes only", { unvotes: 1, alliances: 0, igo: 0 }],
  ["equal weights (votes, alliances, IGOs)", { unvotes: 1, alliances: 1, igo: 1 }],
  ["no alliances", { unvotes: 0.6, alliances: 0, igo: 0.15 }],
  ["ideal points instead of votes", { unvotes: 0, idealpoints: 0.6, alliances: 0.25, igo: 0.15 }],
];

// ---- statistics (tested against scipy in test/atlas/peers-validation.test.ts) ----

/** Ranks 1..n with ties at their average rank. */
export function averageRanks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Spearman's rank correlation (Pearson of average ranks), as scipy.stats.spearmanr. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(averageRanks(a), averageRanks(b));
}

/** P(X > Y) + ½·P(X = Y) for X from `xs`, Y from `ys` (the Mann–Whitney U / (n·m), AUC). */
export function auc(xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  for (const x of xs) for (const y of ys) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (xs.length * ys.length);
}

function mulberry(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.ceil(h)] - sorted[lo]);
}

/** AUC with a percentile interval from resampling each group's states (seeded). */
function aucInterval(
  xs: number[],
  ys: number[],
  o: typeof VALIDATION_DEFAULTS,
): [number, number] | null {
  if (xs.length < 2 || ys.length < 2) return null;
  const rand = mulberry(o.seed);
  const pick = (v: number[]) => v.map(() => v[Math.floor(rand() * v.length)]);
  const s = Array.from({ length: o.draws }, () => auc(pick(xs), pick(ys))).sort((a, b) => a - b);
  return [quantile(s, (1 - o.level) / 2), quantile(s, 1 - (1 - o.level) / 2)];
}

// ---- the checks ----

const f2 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(2);
const fi = (i: [number, number] | null) => (i ? `[${f2(i[0])}, ${f2(i[1])}]` : "—");

interface Groups {
  [id: string]: Map<number, string[]>;
}

async function groupsByYear(store: Store, years: number[], poles: string[]): Promise<Groups> {
  const data = loadPeerGroups();
  const out: Groups = {};
  for (const id of ["NATO", "CSTO", "NONALIGNED"]) {
    out[id] = new Map();
    for (const y of years) {
      const g = await resolvePeerGroup({ kind: "organisation", id }, y, {
        store,
        focal: "USA",
        data,
      });
      // A pole's own members are the pole, not states aligned with it.
      out[id].set(
        y,
        g.members.filter((m) => !poles.includes(m)),
      );
    }
  }
  return out;
}

function indexOf(res: AtlasResult, year: number): Map<string, AtlasRow> {
  return new Map(res.rows.filter((r) => r.year === year).map((r) => [r.iso3, r]));
}

function values(rows: Map<string, AtlasRow>, states: string[]): number[] {
  return states
    .map((s) => rows.get(s)?.index)
    .filter((x): x is number => x !== null && x !== undefined);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return quantile(s, 0.5);
}

export async function atlasValidation(
  store: Store,
  options: Partial<typeof VALIDATION_DEFAULTS> = {},
): Promise<string> {
  const o = { ...VALIDATION_DEFAULTS, ...options };
  const from = Math.min(...o.years);
  const to = Math.max(...o.years);
  const base = await atlas(store, { from, to, draws: 0 });
  const poles = Object.values(base.poles).flat();
  const groups = await groupsByYear(store, o.years, poles);
  const out: string[] = [];
  const w = Object.entries(base.weights)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out.push(
    `Generated by \`node --import tsx scripts/atlas-validation.ts --write\` from the shipped panel with the Atlas defaults (weights ${w}; minimum coverage ${base.minCoverage}; poles ${Object.entries(
      base.poles,
    )
      .map(([k, v]) => `${k} = ${v.join(", ")}`)
      .join(
        "; ",
      )}). Years: ${o.years.join(", ")}. Intervals: ${o.level * 100} %, ${o.draws} seeded resamples of each group's states.`,
    "",
  );

  // 1. Face validity.
  out.push(
    "### 1. Face validity: alliance members against non-aligned states",
    "",
    "Expectation, fixed before looking: members of a military alliance with one pole (NATO without the United States; the CSTO without Russia) are less evenly engaged with the poles than members of the Non-Aligned Movement, so the AUC — the chance that a random NAM member has a higher index than a random alliance member — is above 0.5. NAM membership counts only in 2012–2024 (accession years not sourced, data/peers/peer-groups.yaml), so earlier years compare NATO with the CSTO only.",
    "",
    "| year | NATO n | NATO median | CSTO n | CSTO median | NAM n | NAM median | AUC NAM > NATO | AUC NAM > CSTO | AUC CSTO > NATO |",
    "|---|---|---|---|---|---|---|---|---|---|",
  );
  const faces: { year: number; namNato: number | null; namCsto: number | null }[] = [];
  for (const y of o.years) {
    const rows = indexOf(base, y);
    const nato = values(rows, groups.NATO.get(y)!);
    const csto = values(rows, groups.CSTO.get(y)!);
    const nam = values(rows, groups.NONALIGNED.get(y)!);
    const cell = (a: number[], b: number[]) =>
      a.length && b.length ? `${f2(auc(a, b))} ${fi(aucInterval(a, b, o))}` : "—";
    faces.push({
      year: y,
      namNato: nam.length && nato.length ? auc(nam, nato) : null,
      namCsto: nam.length && csto.length ? auc(nam, csto) : null,
    });
    out.push(
      `| ${y} | ${nato.length} | ${f2(median(nato))} | ${csto.length} | ${f2(median(csto))} | ${nam.length} | ${f2(median(nam))} | ${cell(nam, nato)} | ${cell(nam, csto)} | ${cell(csto, nato)} |`,
    );
  }
  const sep = faces.filter((x) => x.namNato !== null);
  out.push(
    "",
    `NAM above NATO (AUC > 0.5) in ${sep.filter((x) => x.namNato! > 0.5).length} of ${sep.length} years with NAM data; NAM above the CSTO in ${sep.filter((x) => x.namCsto !== null && x.namCsto > 0.5).length} of ${sep.filter((x) => x.namCsto !== null).length}.`,
    "",
  );
  out.push(
    "Why: the median UN-vote agreement (Lijphart) of each group's members with each pole, the input of the index's largest component:",
    "",
    `| year | group | n | ${Object.keys(base.poles).join(" | ")} | evenness (unvotes) |`,
    `|---|---|---|${Object.keys(base.poles)
      .map(() => "---")
      .join("|")}|---|`,
  );
  for (const y of o.years) {
    const rows = indexOf(base, y);
    for (const id of ["NATO", "CSTO", "NONALIGNED"]) {
      const rs = groups[id]
        .get(y)!
        .map((st) => rows.get(st))
        .filter((r): r is AtlasRow => !!r && r.components.unvotes?.value !== null);
      if (rs.length === 0) continue;
      const eng = (r: AtlasRow, pole: string) =>
        (r.components.unvotes.detail as { engagement?: Record<string, number> })?.engagement?.[
          pole
        ];
      const cells = Object.keys(base.poles).map((pole) =>
        f2(median(rs.map((r) => eng(r, pole)).filter((x): x is number => x !== undefined))),
      );
      out.push(
        `| ${y} | ${id === "NONALIGNED" ? "NAM" : id} | ${rs.length} | ${cells.join(" | ")} | ${f2(median(rs.map((r) => r.components.unvotes.value!)))} |`,
      );
    }
  }
  out.push("");

  // 2. Sensitivity to the weights.
  out.push(
    "### 2. Sensitivity of the ranks to the weights",
    "",
    "Spearman correlation between each year's index under the default weights and under alternative weights, over the states with an index under both (n). After 2018 (ATOP ends) and 2014 (COW IGO ends) the index rests on fewer components, so alternatives that only reweight the missing ones cannot differ there.",
    "",
    `| alternative | ${o.years.join(" | ")} |`,
    `|---|${o.years.map(() => "---").join("|")}|`,
  );
  for (const [label, weights] of ALTERNATIVES) {
    const alt = await atlas(store, { from, to, draws: 0, weights });
    const cells = o.years.map((y) => {
      const a = indexOf(base, y);
      const b = indexOf(alt, y);
      const both = [...a.keys()].filter(
        (s) => a.get(s)!.index !== null && b.get(s)?.index !== null && b.get(s) !== undefined,
      );
      if (both.length < 3) return "—";
      const rho = spearman(
        both.map((s) => a.get(s)!.index!),
        both.map((s) => b.get(s)!.index!),
      );
      return `${f2(rho)} (n ${both.length})`;
    });
    out.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  out.push("");

  // 3. Agreement with the State Department's voting coincidence.
  const csv = parseCsv(readFileSync(o.coincidence, "utf8"));
  const col = (name: string) => csv.header.indexOf(name);
  const [ci, cy, cv, cl] = ["iso3", "year", "coincidence", "list"].map(col);
  const recs = csv.records.map((r) => ({
    iso3: r.fields[ci],
    year: Number(r.fields[cy]),
    value: r.fields[cv] === "" ? null : Number(r.fields[cv]),
    list: r.fields[cl] ?? "",
  }));
  const cyears = [...new Set(recs.map((r) => r.year))].sort();
  const votes = await atlas(store, {
    from: Math.min(...cyears),
    to: Math.max(...cyears),
    draws: 0,
  });
  const agreeUS = (iso3: string, year: number): number | null => {
    const r = votes.rows.find((x) => x.iso3 === iso3 && x.year === year);
    const e = (r?.components.unvotes?.detail as { engagement?: Record<string, number> })
      ?.engagement;
    return e?.WEST ?? null;
  };
  out.push(
    "### 3. Agreement with an independent series: the State Department's voting coincidence",
    "",
    `The Atlas's UN-vote component rests on each state's agreement with the poles; its agreement with the WEST pole (the United States) is compared with the coincidence figures of the State Department's annual report *Voting Practices in the United Nations* (public domain), as quoted in \`${o.coincidence.replace(/^.*\/data\//, "data/")}\` with their source per row. The report counts identical votes over Yes/No votes (until 2016 abstentions excluded, from 2017 included); the Atlas's agreement is Lijphart's (an abstention half agrees), over all recorded votes of the year: the levels differ by construction, the order should not.`,
    "",
  );
  const figs = recs.filter((r) => r.value !== null);
  if (figs.length) {
    const pairs = figs
      .map((r) => ({ ...r, ana: agreeUS(r.iso3, r.year) }))
      .filter((r) => r.ana !== null);
    const byYear = [...new Set(pairs.map((p) => p.year))].sort();
    const within = byYear.map((y) => {
      const ps = pairs.filter((p) => p.year === y);
      return {
        y,
        n: ps.length,
        rho:
          ps.length >= 3
            ? spearman(
                ps.map((p) => p.value!),
                ps.map((p) => p.ana!),
              )
            : null,
      };
    });
    const tot = spearman(
      pairs.map((p) => p.value!),
      pairs.map((p) => p.ana!),
    );
    out.push(
      `Published figures: ${figs.length}; with an Atlas agreement in the same year: ${pairs.length}. Spearman over all pairs: ${f2(tot)}. Within each year (across the states quoted): ${within.map((w) => `${w.y} ${f2(w.rho)} (n ${w.n})`).join(", ")}.`,
      "",
    );
  }
  for (const y of [...new Set(recs.filter((r) => r.list).map((r) => r.year))].sort()) {
    const top = recs.filter((r) => r.year === y && r.list === "top10").map((r) => r.iso3);
    const bot = recs.filter((r) => r.year === y && r.list === "bottom10").map((r) => r.iso3);
    const t = top.map((s) => agreeUS(s, y)).filter((x): x is number => x !== null);
    const b = bot.map((s) => agreeUS(s, y)).filter((x): x is number => x !== null);
    out.push(
      `- ${y}: the report's ten highest-coincidence states against its ten lowest: Atlas agreement with the US ${f2(median(t))} (median of ${t.length}) against ${f2(median(b))} (${b.length}); AUC ${t.length && b.length ? f2(auc(t, b)) : "—"} (1 = every top-ten state above every bottom-ten state).`,
    );
  }
  out.push(
    "",
    "Import path for the whole series: save each year's country table of the report as CSV rows `iso3,year,coincidence,list,source,note` (coincidence in per cent, `list` empty) and run `node --import tsx scripts/atlas-validation.ts --coincidence FILE.csv`.",
    "",
  );

  // 4. Disagreements with the common classification.
  const year4 = Math.max(...o.years.filter((y) => y <= 2018 && groups.NONALIGNED.get(y)!.length));
  const rows = indexOf(base, year4);
  const nato = groups.NATO.get(year4)!;
  const nam = groups.NONALIGNED.get(year4)!;
  const natoVals = values(rows, nato);
  const namVals = values(rows, nam);
  const natoMed = median(natoVals)!;
  const namMed = median(namVals)!;
  const reason = (r: AtlasRow) =>
    ["unvotes", "alliances", "igo"]
      .map((k) => {
        const c = r.components[k];
        const e = (c?.detail as { engagement?: Record<string, number> })?.engagement;
        return `${k} ${f2(c?.value)}${
          e
            ? ` (${Object.entries(e)
                .map(([p, v]) => `${p} ${f2(v)}`)
                .join(", ")})`
            : ""
        }`;
      })
      .join("; ");
  const hiNato = nato
    .map((s) => rows.get(s))
    .filter((r): r is AtlasRow => !!r && r.index !== null && r.index > namMed)
    .sort((a, b) => b.index! - a.index!);
  const loNam = nam
    .map((s) => rows.get(s))
    .filter((r): r is AtlasRow => !!r && r.index !== null && r.index < natoMed)
    .sort((a, b) => a.index! - b.index!);
  const show = 8;
  out.push(
    `### 4. States where the index disagrees with the common classification (${year4}, the last checked year with NAM members and alliance data)`,
    "",
    `${hiNato.length} of ${natoVals.length} NATO members (without the pole) have an index above the NAM members' median (${f2(namMed)}); ${loNam.length} of ${namVals.length} NAM members have one below the NATO members' median (${f2(natoMed)}). The ${show} most extreme of each, with the component values (evenness, and engagement with each pole) that put them there:`,
    "",
    "| state | group | index | components |",
    "|---|---|---|---|",
  );
  for (const r of hiNato.slice(0, show))
    out.push(`| ${r.iso3} | NATO | ${f2(r.index)} | ${reason(r)} |`);
  for (const r of loNam.slice(0, show))
    out.push(`| ${r.iso3} | NAM | ${f2(r.index)} | ${reason(r)} |`);
  out.push("");
  // 5. Azerbaijan among its peers.
  const azYears = [2015, 2023];
  const az = await atlas(store, {
    from: Math.min(...azYears),
    to: Math.max(...azYears),
    draws: 200,
    keepDraws: true,
  });
  const data = loadPeerGroups();
  const specs = parsePeerSpecs("NONALIGNED,OTS,REGION:POSTSOVIET,CINC:2", data);
  const gs = [];
  for (const spec of specs)
    for (const y of azYears)
      gs.push(await resolvePeerGroup(spec, y, { store, focal: "AZE", data }));
  const cmp = atlasCompare(
    { ...az, rows: az.rows.filter((r) => azYears.includes(r.year)) },
    { focal: "AZE", groups: gs },
  );
  out.push(
    `### 5. Azerbaijan among its peers (\`ana atlas compare AZE --peers NONALIGNED,OTS,REGION:POSTSOVIET,CINC:2\`, ${azYears.join(" and ")})`,
    "",
    "| group | year | measure | AZE | percentile | 90 % interval | peers with a value | peers' median |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const r of cmp.rows.filter((x) => ["index", "unvotes", "alliances"].includes(x.measure)))
    out.push(
      `| ${r.peerGroup} | ${r.year} | ${r.measure} | ${f2(r.value)} | ${f2(r.percentile)} | ${fi(r.interval)} | ${r.n} | ${f2(r.peerMedian)} |`,
    );
  out.push("", `Method: ${cmp.method}.`, "");
  return out.join("\n");
}

const BEGIN = "<!-- BEGIN atlas-validation: generated by scripts/atlas-validation.ts -->";
const END = "<!-- END atlas-validation -->";

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--coincidence");
  const store = await Store.panel();
  try {
    const md = await atlasValidation(store, at >= 0 ? { coincidence: args[at + 1] } : {});
    const doc = new URL("../docs/atlas.md", import.meta.url);
    if (args.includes("--write") || args.includes("--check")) {
      const old = readFileSync(doc, "utf8");
      const b = old.indexOf(BEGIN);
      const e = old.indexOf(END);
      if (b < 0 || e < 0) throw new Error(`docs/atlas.md lacks the markers ${BEGIN} … ${END}`);
      const next = `${old.slice(0, b + BEGIN.length)}\n${md}\n${old.slice(e)}`;
      if (args.includes("--check")) {
        if (next !== old) {
          process.stderr.write(
            "docs/atlas.md is not current: run node --import tsx scripts/atlas-validation.ts --write\n",
          );
          process.exitCode = 1;
        }
      } else writeFileSync(doc, next);
    } else process.stdout.write(`${md}\n`);
  } finally {
    store.close();
  }
}
