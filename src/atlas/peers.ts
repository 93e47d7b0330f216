import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { parseCsv } from "../data/csv.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import { hasRelation } from "../measure/panel.ts";
import type { Store } from "../store/store.ts";

/** The shipped peer-group files: `peer-groups.yaml` (groups) and `peer-groups.csv` (memberships). */
export const PEER_GROUPS_DIR = fileURLToPath(new URL("../../data/peers/", import.meta.url));

export const PEERS_DEFAULTS = {
  /** Folder holding peer-groups.yaml and peer-groups.csv. */
  dir: PEER_GROUPS_DIR,
  /** `CINC` without a factor: states whose CINC is within this factor of the focal state's. */
  cincFactor: 2,
};
export type PeersOptions = Partial<typeof PEERS_DEFAULTS>;

/**
 * Regions as blocks of Correlates of War state codes (COW numbers states by region: the Americas
 * 2–165, Europe 200–399, Africa 400–626, the Middle East 630–698, Asia 700–899, Oceania 900–999).
 * LATAM: Latin America and the Caribbean (31–165: the Americas without the United States and
 * Canada). EASTASIA: East and South-East Asia (710–740: China to Japan; 775: Myanmar; 800–860:
 * Thailand to Timor-Leste). POSTSOVIET: the Soviet Union's successor states (COW codes 365 for Russia, which continues the
 * USSR's code, and the 1991 entrants 359–373 and 701–705).
 */
export const REGIONS: Record<string, { name: string; ranges: [number, number][] }> = {
  AMERICAS: { name: "the Americas (COW codes 2–165)", ranges: [[2, 165]] },
  EUROPE: { name: "Europe (COW codes 200–399)", ranges: [[200, 399]] },
  AFRICA: { name: "Africa (COW codes 400–626)", ranges: [[400, 626]] },
  LATAM: { name: "Latin America and the Caribbean (COW codes 31–165)", ranges: [[31, 165]] },
  EASTASIA: {
    name: "East and South-East Asia (COW codes 710–740, 775, 800–860)",
    ranges: [
      [710, 740],
      [775, 775],
      [800, 860],
    ],
  },
  MIDEAST: { name: "the Middle East (COW codes 630–698)", ranges: [[630, 698]] },
  ASIA: { name: "Asia (COW codes 700–899)", ranges: [[700, 899]] },
  OCEANIA: { name: "Oceania (COW codes 900–999)", ranges: [[900, 999]] },
  POSTSOVIET: {
    name: "post-Soviet states (COW codes 359–373 and 701–705)",
    ranges: [
      [359, 373],
      [701, 705],
    ],
  },
};

/** One membership spell of a state in an organisation group. */
export interface PeerMembership {
  group: string;
  iso3: string;
  /** First year of membership; null when the start is not sourced. */
  from: number | null;
  /** Last year of membership (any part of it); null while still a member. */
  to: number | null;
  source: string;
  note: string;
  /** Line in peer-groups.csv. */
  line: number;
}

/** An organisation group's description. */
export interface PeerGroupInfo {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  /** Years in which rows without a sourced start count (the years the source lists them). */
  listed: { from: number; to: number } | null;
}

/** The shipped (or a user's) peer-group data, validated. */
export interface PeerGroupData {
  groups: Map<string, PeerGroupInfo>;
  memberships: PeerMembership[];
  files: { yaml: string; csv: string };
}

/** A requested peer group, parsed from `NONALIGNED`, `REGION:EUROPE`, `CINC:2` or `custom:ARM,GEO`. */
export type PeerSpec =
  | { kind: "organisation"; id: string }
  | { kind: "region"; id: string }
  | { kind: "cinc"; factor: number }
  | { kind: "custom"; members: string[] };

/** A peer group resolved for one year: its states and how they were found. */
export interface ResolvedPeerGroup {
  id: string;
  name: string;
  year: number;
  /** Member states in the year (the focal state included if it is one: comparisons drop it). */
  members: string[];
  how: string;
  source: string;
  /** Listed members left out in the year because their start is not sourced. */
  unsourced?: string[];
}

const Group = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/)).default([]),
    description: z.string().min(1),
    listed: z
      .object({ from: z.number().int(), to: z.number().int() })
      .strict()
      .refine((l) => l.from <= l.to, "from must not be after to")
      .optional(),
  })
  .strict();

const DATE = /^(\d{4})(-\d{2}(-\d{2})?)?$/;
const ISO3 = /^[A-Z]{3}$/;
const GROUP_ID = /^[A-Z][A-Z0-9_]{1,15}$/;

const cache = new Map<string, PeerGroupData>();

/**
 * Read and validate peer-groups.yaml and peer-groups.csv: every membership row names a known group,
 * an ISO3 code, dates of the form YYYY[-MM[-DD]] with from ≤ to, and a source. Problems are reported
 * together with file, line and field.
 */
export function loadPeerGroups(options: PeersOptions = {}): PeerGroupData {
  const o = { ...PEERS_DEFAULTS, ...options };
  const hit = cache.get(o.dir);
  if (hit) return hit;
  const yamlFile = join(o.dir, "peer-groups.yaml");
  const csvFile = join(o.dir, "peer-groups.csv");
  const problems: Problem[] = [];
  const groups = new Map<string, PeerGroupInfo>();

  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(yamlFile, "utf8"), { lineCounter: lc });
  for (const e of doc.errors)
    problems.push({
      file: yamlFile,
      line: lc.linePos(e.pos[0]).line,
      field: "yaml",
      message: e.message,
    });
  const root = doc.get("groups", true);
  if (!isMap(root))
    problems.push({ file: yamlFile, line: 0, field: "groups", message: "must be a mapping" });
  else
    for (const item of root.items) {
      const id = String((item.key as { value?: unknown })?.value ?? item.key);
      const line = lc.linePos((item.key as { range?: [number] })?.range?.[0] ?? 0).line;
      if (!GROUP_ID.test(id)) {
        problems.push({
          file: yamlFile,
          line,
          field: `groups.${id}`,
          message: "a group id is upper case, e.g. NATO",
        });
        continue;
      }
      const parsed = Group.safeParse((item.value as { toJSON(): unknown })?.toJSON?.());
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          problems.push({
            file: yamlFile,
            line,
            field: `groups.${id}.${i.path.join(".")}`,
            message: i.message,
          });
        continue;
      }
      groups.set(id, {
        id,
        name: parsed.data.name,
        aliases: parsed.data.aliases,
        description: parsed.data.description.trim(),
        listed: parsed.data.listed ?? null,
      });
    }

  const csv = parseCsv(readFileSync(csvFile, "utf8"));
  for (const e of csv.errors)
    problems.push({ file: csvFile, line: e.line, field: "csv", message: e.message });
  const want = ["group", "iso3", "from", "to", "source", "note"];
  if (csv.header.join(",") !== want.join(","))
    problems.push({
      file: csvFile,
      line: 1,
      field: "header",
      message: `must be ${want.join(",")}, not ${csv.header.join(",")}`,
    });
  const memberships: PeerMembership[] = [];
  for (const r of csv.records) {
    const [group, iso3, from, to, source, note] = r.fields.map((s) => s.trim());
    const bad = (field: string, message: string) =>
      problems.push({ file: csvFile, line: r.line, field, message });
    if (r.fields.length !== want.length) {
      bad("row", `has ${r.fields.length} fields, the header ${want.length}`);
      continue;
    }
    if (!groups.has(group)) bad("group", `"${group}" is not a group of peer-groups.yaml`);
    if (!ISO3.test(iso3)) bad("iso3", `"${iso3}" is not an ISO3 code such as AZE`);
    if (from && !DATE.test(from)) bad("from", `"${from}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (to && !DATE.test(to)) bad("to", `"${to}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!/^https?:\/\/\S+/.test(source)) bad("source", "every row needs a source URL");
    const f = from ? Number(from.slice(0, 4)) : null;
    const t = to ? Number(to.slice(0, 4)) : null;
    if (f !== null && t !== null && t < f) bad("to", `${to} is before from ${from}`);
    memberships.push({ group, iso3, from: f, to: t, source, note, line: r.line });
  }
  // Overlapping spells of one state in one group would count it twice.
  const byKey = new Map<string, PeerMembership[]>();
  for (const m of memberships) {
    const k = `${m.group} ${m.iso3}`;
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  for (const spells of byKey.values())
    for (let i = 1; i < spells.length; i++)
      for (let j = 0; j < i; j++) {
        const [a, b] = [spells[j], spells[i]];
        const lo = Math.max(a.from ?? -Infinity, b.from ?? -Infinity);
        const hi = Math.min(a.to ?? Infinity, b.to ?? Infinity);
        if (lo < hi)
          problems.push({
            file: csvFile,
            line: b.line,
            field: "from",
            message: `overlaps the spell on line ${a.line} for ${b.iso3} in ${b.group}`,
          });
      }
  if (problems.length) throw new ValidationError(problems);
  const data = { groups, memberships, files: { yaml: yamlFile, csv: csvFile } };
  cache.set(o.dir, data);
  return data;
}

/** The group id a name or alias stands for (NAM → NONALIGNED), or undefined. */
export function groupId(name: string, data: PeerGroupData): string | undefined {
  const n = name.toUpperCase();
  if (data.groups.has(n)) return n;
  for (const g of data.groups.values()) if (g.aliases.includes(n)) return g.id;
  return undefined;
}

/** What `--peers` accepts, for error messages and help. */
export function peerSyntax(data: PeerGroupData): string {
  return `an organisation (${[...data.groups.keys()].join(", ")}), REGION:<${Object.keys(REGIONS).join("|")}>, CINC or CINC:<factor> (states whose CINC is within that factor of the focal state's), or custom:ISO3,ISO3,... (or custom:ISO3+ISO3)`;
}

/**
 * Parse a list of peer groups: `NONALIGNED,OTS,REGION:EUROPE,CINC:2,custom:ARM,GEO,KAZ`. After
 * `custom:`, following three-letter codes that are not group names continue the custom list (write
 * `custom:ARM+GEO` to be explicit). Throws on an unknown group with the accepted forms.
 */
export function parsePeerSpecs(
  input: string | readonly string[],
  data: PeerGroupData,
  options: PeersOptions = {},
): PeerSpec[] {
  const o = { ...PEERS_DEFAULTS, ...options };
  const tokens = (typeof input === "string" ? input.split(",") : input.flatMap((s) => s.split(",")))
    .map((s) => s.trim())
    .filter(Boolean);
  if (tokens.length === 0) throw new Error(`no peer group given: use ${peerSyntax(data)}`);
  const out: PeerSpec[] = [];
  let custom: string[] | null = null;
  const fail = (t: string, why: string): never => {
    throw new Error(`peer group "${t}": ${why}; use ${peerSyntax(data)}`);
  };
  for (const t of tokens) {
    const up = t.toUpperCase();
    if (custom && ISO3.test(up) && !groupId(up, data)) {
      custom.push(up);
      continue;
    }
    custom = null;
    const [head, ...rest] = up.split(":");
    const arg = rest.join(":");
    if (head === "CUSTOM") {
      const members = arg
        .split("+")
        .map((s) => s.trim())
        .filter(Boolean);
      if (members.length === 0) fail(t, "a custom list needs at least one ISO3 code");
      for (const m of members) if (!ISO3.test(m)) fail(t, `"${m}" is not an ISO3 code`);
      custom = members;
      out.push({ kind: "custom", members });
    } else if (head === "REGION") {
      if (!REGIONS[arg]) fail(t, `no region "${arg}"`);
      out.push({ kind: "region", id: arg });
    } else if (head === "CINC") {
      const factor = arg === "" ? o.cincFactor : Number(arg);
      if (!Number.isFinite(factor) || factor <= 1)
        fail(t, "the CINC factor must be a number above 1, e.g. CINC:2");
      out.push({ kind: "cinc", factor });
    } else {
      const id = rest.length === 0 ? groupId(up, data) : undefined;
      if (!id) fail(t, "not a known peer group");
      out.push({ kind: "organisation", id: id! });
    }
  }
  return out;
}

/** The id a spec is reported under: NONALIGNED, REGION:EUROPE, CINC:2, custom:ARM+GEO. */
export function specId(spec: PeerSpec): string {
  if (spec.kind === "organisation") return spec.id;
  if (spec.kind === "region") return `REGION:${spec.id}`;
  if (spec.kind === "cinc") return `CINC:${spec.factor}`;
  return `custom:${spec.members.join("+")}`;
}

/** Is a membership spell current in `year` (for a row without a sourced start: in the listed years)? */
export function memberIn(m: PeerMembership, year: number, info: PeerGroupInfo): boolean {
  if (m.to !== null && year > m.to) return false;
  if (m.from !== null) return year >= m.from;
  return info.listed !== null && year >= info.listed.from && year <= info.listed.to;
}

/**
 * The states of a peer group in one year. Organisations: rows of peer-groups.csv current in the
 * year. Regions: states in the reference panel's state-year list (ref_state_years) in the year with
 * a COW code in the region's ranges. CINC band: states whose CINC (COW NMC, ref_nmc) in the year is
 * within the factor of the focal state's; none when the focal state has no CINC that year. Custom:
 * the listed states (each must be a state code of the reference panel).
 */
export async function resolvePeerGroup(
  spec: PeerSpec,
  year: number,
  ctx: { store: Store; focal: string; data: PeerGroupData },
): Promise<ResolvedPeerGroup> {
  const id = specId(spec);
  if (spec.kind === "organisation") {
    const info = ctx.data.groups.get(spec.id)!;
    const rows = ctx.data.memberships.filter((m) => m.group === spec.id);
    const members = [...new Set(rows.filter((m) => memberIn(m, year, info)).map((m) => m.iso3))];
    const unsourced = [
      ...new Set(
        rows
          .filter((m) => m.from === null && !memberIn(m, year, info) && m.to === null)
          .map((m) => m.iso3),
      ),
    ].filter((x) => !members.includes(x));
    const sources = [...new Set(rows.map((m) => m.source))];
    return {
      id,
      name: info.name,
      year,
      members: members.sort(),
      how: `members in the year per data/peers/peer-groups.csv${info.listed ? ` (rows without a sourced start count in ${info.listed.from}–${info.listed.to})` : ""}`,
      source:
        sources.length <= 3
          ? sources.join("; ")
          : `${sources.length} sources, one per row of data/peers/peer-groups.csv`,
      ...(unsourced.length ? { unsourced: unsourced.sort() } : {}),
    };
  }
  if (spec.kind === "custom") {
    const known = await stateCodes(ctx.store);
    const unknown = spec.members.filter((m) => !known.has(m));
    if (unknown.length)
      throw new Error(
        `peer group ${id}: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a state code" : "are not state codes"} of the reference panel (ref_state_years)`,
      );
    return {
      id,
      name: `custom list (${spec.members.join(", ")})`,
      year,
      members: [...new Set(spec.members)].sort(),
      how: "listed by the user",
      source: "user's list",
    };
  }
  if (spec.kind === "region") {
    const region = REGIONS[spec.id];
    await need(ctx.store, "ref_state_years", id);
    const rows = await ctx.store.all<{ iso3: string; ccode: number }>(
      "SELECT DISTINCT iso3, ccode FROM ref_state_years WHERE year = ? AND iso3 IS NOT NULL",
      [year],
    );
    let members = rows
      .filter((r) => region.ranges.some(([a, b]) => r.ccode >= a && r.ccode <= b))
      .map((r) => r.iso3);
    if (spec.id === "POSTSOVIET") {
      // Only the 1991 successor states (and Russia) within those ranges.
      const entered = await ctx.store.all<{ iso3: string }>(
        "SELECT DISTINCT iso3 FROM ref_states WHERE styear = 1991 AND iso3 IS NOT NULL",
      );
      const ok = new Set([...entered.map((r) => r.iso3), "RUS"]);
      members = members.filter((m) => ok.has(m));
    }
    return {
      id,
      name: region.name,
      year,
      members: [...new Set(members)].sort(),
      how: `states in the system in ${year} (ref_state_years) with a COW code in ${region.ranges.map(([a, b]) => `${a}–${b}`).join(", ")}${spec.id === "POSTSOVIET" ? ", entered in 1991 (ref_states), plus Russia" : ""}`,
      source:
        "Correlates of War state system membership (reference panel states.parquet, state_years.parquet)",
    };
  }
  await need(ctx.store, "ref_nmc", id);
  const rows = await ctx.store.all<{ iso3: string; cinc: number }>(
    "SELECT iso3, cinc FROM ref_nmc WHERE year = ? AND iso3 IS NOT NULL AND cinc > 0",
    [year],
  );
  const mine = rows.find((r) => r.iso3 === ctx.focal)?.cinc;
  const base = {
    id,
    name: `states within ×${spec.factor} of ${ctx.focal}'s CINC`,
    year,
    source: "COW National Material Capabilities v7 (reference panel nmc.parquet)",
  };
  if (mine === undefined)
    return {
      ...base,
      members: [],
      how: `no CINC for ${ctx.focal} in ${year} (COW NMC covers ${await nmcYears(ctx.store)}): no band`,
    };
  return {
    ...base,
    members: [
      ...new Set(
        rows
          .filter((r) => r.cinc >= mine / spec.factor && r.cinc <= mine * spec.factor)
          .map((r) => r.iso3),
      ),
    ].sort(),
    how: `states whose CINC in ${year} lies in [${(mine / spec.factor).toExponential(2)}, ${(mine * spec.factor).toExponential(2)}] (${ctx.focal}: ${mine.toExponential(2)})`,
  };
}

async function need(store: Store, table: string, id: string): Promise<void> {
  if (!(await hasRelation(store, table)))
    throw new Error(`peer group ${id}: the reference panel's ${table} is not attached`);
}

async function stateCodes(store: Store): Promise<Set<string>> {
  await need(store, "ref_state_years", "custom");
  const rows = await store.all<{ iso3: string }>(
    "SELECT DISTINCT iso3 FROM ref_state_years WHERE iso3 IS NOT NULL",
  );
  return new Set(rows.map((r) => r.iso3));
}

async function nmcYears(store: Store): Promise<string> {
  const [r] = await store.all<{ a: number; b: number }>(
    "SELECT min(year) AS a, max(year) AS b FROM ref_nmc WHERE cinc > 0",
  );
  return `${r.a}–${r.b}`;
}
