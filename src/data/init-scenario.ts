import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../store/store.ts";
import { DEFAULT_REGIONAL_RADIUS_KM, levelsByRule } from "./level-rule.ts";
import { NATO_MEMBERS, NATO_SOURCE } from "./nato-members.ts";
import { armsImports } from "./panel/arms-imports.ts";
import { iso3ToCow, stateName } from "./panel/crosswalk.ts";
import { majorPowers } from "./panel/major-powers.ts";
import { regionalPowers } from "./panel/regional-powers.ts";
import { rivalriesInvolving } from "./panel/rivalries.ts";

export interface InitScenarioOptions {
  /** Reference year for levels and poles (default 2024). */
  year?: number;
  /** Scenario period (default year − 13 … year + 1, i.e. 2011–2025 for 2024). */
  from?: number;
  to?: number;
  regionalRadiusKm?: number;
  /** Date written into scenario.yaml `compiled` (default today). */
  today?: string;
}

export interface InitScenarioResult {
  dir: string;
  focal: string;
  year: number;
  counts: Record<string, number>;
}

const PANEL = "ANA reference panel";
const SRC_STATES = `COW State System Membership v2016 and COW-ISO3 crosswalk (ref_states, ref_crosswalk), ${PANEL}`;
const SRC_SIPRI =
  "Information from the SIPRI Arms Transfers Database, TIV (ANA panel extract ref_sipri or the user's `ana panel import sipri`), https://www.sipri.org/databases/armstransfers";
const SRC_TD = "Thompson & Dreyer (2012), Handbook of International Rivalries (ref_rivalries_td)";
const SRC_TSS =
  "Thompson, Sakuwa & Suhas (2022), Analyzing Strategic Rivalries in World Politics (ref_rivalries_tss)";
const SRC_MAOZ = `Maoz (2010) regional powers (ref_maoz_powers), ${PANEL}`;
const SRC_MAJORS = `COW major powers v2016 (ref_majors), ${PANEL}`;
const ORGS: Record<string, { name: string; source: string }> = {
  EU: { name: "European Union", source: "https://european-union.europa.eu/" },
  NATO: { name: "North Atlantic Treaty Organization", source: NATO_SOURCE },
};

/** One CSV field, quoted when it holds a comma, quote or line break. */
function field(v: unknown): string {
  if (v === undefined || v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
function csv(columns: string[], rows: Record<string, unknown>[]): string {
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join("\n")}\n`;
}
function poleId(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * Write a starting scenario folder for `focal` (ISO3) from the reference panel: actors, levels
 * by rule, default poles, rivalries, NATO memberships of its actors, and SIPRI arms imports.
 * Nothing it cannot source: no events, no trade partners, no projects. Refuses a non-empty dir.
 */
export async function initScenario(
  store: Store,
  focalArg: string,
  dir: string,
  options: InitScenarioOptions = {},
): Promise<InitScenarioResult> {
  const focal = focalArg.toUpperCase();
  const year = options.year ?? 2024;
  const from = options.from ?? year - 13;
  const to = options.to ?? year + 1;
  if (from > to) throw new Error(`scenario init: --from ${from} is after --to ${to}`);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(
      `scenario init: ${dir} is not empty; choose a new or empty folder (nothing was written)`,
    );
  const focalCow = await iso3ToCow(store, focal, year);
  if (focalCow === undefined)
    throw new Error(
      `scenario init: "${focal}" is not a state in the COW state list (ref_crosswalk); use its ISO3 code, e.g. KAZ`,
    );

  // Levels by rule.
  const levels = await levelsByRule(store, focal, year, {
    regionalRadiusKm: options.regionalRadiusKm ?? DEFAULT_REGIONAL_RADIUS_KM,
  });
  const neighbours = levels.filter((l) => l.level === "neighbourhood").map((l) => l.partner);
  const majors = (await majorPowers(store, year)).powers
    .map((p) => p.iso3)
    .filter((c): c is string => Boolean(c));

  // Poles: Russia, China, West (USA + NATO members), regional powers near the focal state.
  const poles: Record<string, unknown>[] = [];
  const yearEnd = `${year}-12`;
  if (focal !== "RUS")
    poles.push({ pole: "Russia", name: "Russia", actor: "RUS", source: SRC_MAJORS });
  if (focal !== "CHN")
    poles.push({ pole: "China", name: "China", actor: "CHN", source: SRC_MAJORS });
  const nato = NATO_MEMBERS.filter((m) => m.from <= yearEnd && m.iso3 !== focal);
  for (const m of nato)
    poles.push({
      pole: "West",
      name: "West (USA and NATO members)",
      actor: m.iso3,
      from: m.founding ? undefined : m.from,
      source: NATO_SOURCE,
      notes: m.founding ? "NATO founding member (1949)" : `NATO member from ${m.from}`,
    });
  const regional = await regionalPowers(store, year);
  const nearby = new Set(levels.filter((l) => l.level !== "systemic").map((l) => l.partner));
  for (const iso3 of regional.iso3s) {
    if (iso3 === focal || majors.includes(iso3) || !nearby.has(iso3)) continue;
    const name = (await stateName(store, iso3)) ?? iso3;
    poles.push({
      pole: poleId(name),
      name,
      actor: iso3,
      source: SRC_MAOZ,
      notes: `Maoz regional power${regional.dataYear !== year ? ` (list of ${regional.dataYear}, the data's last year)` : ""}; neighbourhood or regional level of ${focal}`,
    });
  }

  // Rivalries of the focal state and its neighbours, and among the great powers.
  const all = await rivalriesInvolving(store, [], from, to);
  const keep = all.filter(
    (r) =>
      r.iso3_1 &&
      r.iso3_2 &&
      ([focal, ...neighbours].some((s) => s === r.iso3_1 || s === r.iso3_2) ||
        (majors.includes(r.iso3_1) && majors.includes(r.iso3_2))),
  );
  const pairs = new Set<string>();
  const rivalries: Record<string, unknown>[] = [];
  // TSS first (it runs to 2020); a Thompson–Dreyer spell of the same pair is kept only when TSS lacks it.
  for (const r of [
    ...keep.filter((r) => r.file === "tss"),
    ...keep.filter((r) => r.file === "td"),
  ]) {
    const key = [r.iso3_1, r.iso3_2].sort().join("-");
    if (pairs.has(key)) continue;
    pairs.add(key);
    rivalries.push({
      a: r.iso3_1,
      b: r.iso3_2,
      // ANA dates start in 1800; an earlier start year is kept in the notes, never moved.
      from: r.from >= 1800 ? String(r.from) : undefined,
      to: r.ongoingAtDataEnd ? undefined : String(r.to),
      source: r.file === "tss" ? SRC_TSS : SRC_TD,
      notes: `${r.name}${r.from < 1800 ? `; began ${r.from}` : ""}${r.ongoingAtDataEnd ? `; ongoing when the data end (${r.to})` : ""}`,
    });
  }

  // Arms imports (SIPRI TIV by supplier and year).
  const arms = await armsImports(store, focal, from, to);
  const flows = arms.map((a) => ({
    year: a.year,
    domain: "arms",
    from: a.supplier_iso3,
    to: focal,
    value: Math.round(a.tiv * 1000) / 1000,
    unit: "TIV million",
    period: "full year",
    source: SRC_SIPRI,
    notes: `supplier as named by SIPRI: ${a.supplier}`,
  }));

  // Actors: every code named anywhere above.
  const codes = new Set<string>([focal]);
  for (const l of levels) codes.add(l.partner);
  for (const p of poles) codes.add(p.actor as string);
  for (const r of rivalries) {
    codes.add(r.a as string);
    codes.add(r.b as string);
  }
  for (const f of flows) codes.add(f.from);
  const supplierNames = new Map(arms.map((a) => [a.supplier_iso3, a.supplier]));
  const memberships = nato
    .filter((m) => codes.has(m.iso3))
    .map((m) => ({
      actor: m.iso3,
      organisation: "NATO",
      status: m.founding ? "founding-member" : "member",
      from: m.from,
      source: NATO_SOURCE,
    }));
  if (memberships.length > 0) codes.add("NATO");
  const actors: Record<string, unknown>[] = [];
  for (const code of [...codes].sort()) {
    const org = ORGS[code];
    if (org) {
      actors.push({ id: code, kind: "organisation", name: org.name, source: org.source });
      continue;
    }
    const cow = await iso3ToCow(store, code, year);
    const name = (await stateName(store, code)) ?? supplierNames.get(code) ?? code;
    actors.push({
      id: code,
      kind: "state",
      name,
      cow,
      source: cow === undefined ? SRC_SIPRI : SRC_STATES,
      notes: cow === undefined ? "not in the COW state list; named as in SIPRI" : undefined,
    });
  }

  const focalName = (await stateName(store, focal)) ?? focal;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  mkdirSync(dir, { recursive: true });
  const yaml = [
    `id: ${focal.toLowerCase()}`,
    `name: ${JSON.stringify(`${focalName}: starting scenario from the ANA reference panel`)}`,
    `focal: ${focal}`,
    `description: ${JSON.stringify(`Written by \`ana scenario init ${focal}\` for reference year ${year}: actors, levels by rule, default poles, rivalries (Thompson–Dreyer, TSS), NATO memberships and SIPRI arms imports. No events, trade partners or projects: add them with their sources.`)}`,
    `from: "${from}"`,
    `to: "${to}"`,
    `compiled: ${JSON.stringify(`ana scenario init, ${today}`)}`,
    "",
  ].join("\n");
  writeFileSync(join(dir, "scenario.yaml"), yaml);
  writeFileSync(
    join(dir, "actors.csv"),
    csv(["id", "kind", "name", "cow", "source", "notes"], actors),
  );
  writeFileSync(
    join(dir, "levels.csv"),
    csv(
      ["focal", "partner", "level", "from", "to", "basis", "source", "notes"],
      levels.map((l) => ({ ...l, notes: `${l.notes ? `${l.notes}; ` : ""}rule for ${year}` })),
    ),
  );
  writeFileSync(
    join(dir, "poles.csv"),
    csv(["pole", "name", "actor", "from", "to", "source", "notes"], poles),
  );
  writeFileSync(
    join(dir, "rivalries.csv"),
    csv(["a", "b", "from", "to", "source", "notes"], rivalries),
  );
  writeFileSync(
    join(dir, "memberships.csv"),
    csv(["actor", "organisation", "status", "from", "to", "source", "notes"], memberships),
  );
  writeFileSync(
    join(dir, "flows.csv"),
    csv(["year", "domain", "from", "to", "value", "unit", "period", "source", "notes"], flows),
  );
  return {
    dir,
    focal,
    year,
    counts: {
      actors: actors.length,
      levels: levels.length,
      poles: poles.length,
      rivalries: rivalries.length,
      memberships: memberships.length,
      flows: flows.length,
    },
  };
}
