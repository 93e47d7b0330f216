import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { type Problem, ValidationError } from "../data/problem.ts";
import { readTable } from "../data/read-table.ts";
import {
  type DemandRow,
  type GasFlowRow,
  type LinkRow,
  NETWORK_FILES,
  type NodeRow,
  type ParameterRow,
  type RiskRow,
  type RouteFigureRow,
  type RouteRow,
} from "./schema.ts";

/** A row with the file and line it came from, so every figure traces back to its CSV row. */
export type At<T> = T & { at: string };

/** A validated route network: the contents of one `data/networks/<id>/` folder. */
export interface Network {
  dir: string;
  nodes: At<NodeRow>[];
  links: At<LinkRow>[];
  routes: At<RouteRow>[];
  figures: At<RouteFigureRow>[];
  risks: At<RiskRow>[];
  demand: At<DemandRow>[];
  gasFlows: At<GasFlowRow>[];
  params: Record<string, At<ParameterRow>>;
}

/** The shipped Eurasian network. */
export const EURASIA_DIR = fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url));

type Key = keyof typeof NETWORK_FILES;

function overlaps(a: { yearFrom?: number; yearTo?: number }, b: typeof a): boolean {
  const lo = Math.max(a.yearFrom ?? -Infinity, b.yearFrom ?? -Infinity);
  const hi = Math.min(a.yearTo ?? Infinity, b.yearTo ?? Infinity);
  return lo <= hi;
}

/**
 * Read and validate a network folder. Returns every problem (file:line: field: message); the
 * network only when there are none.
 */
export function readNetwork(dir: string): { network?: Network; problems: Problem[] } {
  const problems: Problem[] = [];
  const tables: Partial<Record<Key, unknown[]>> = {};
  for (const key of Object.keys(NETWORK_FILES) as Key[]) {
    const spec = NETWORK_FILES[key];
    const path = join(dir, spec.file);
    if (!existsSync(path)) {
      problems.push({
        file: path,
        line: 0,
        field: "(file)",
        message: `missing: a network folder needs ${spec.file} (see docs/corridors.md)`,
      });
      tables[key] = [];
      continue;
    }
    const r = readTable(
      path,
      readFileSync(path, "utf8"),
      [...spec.columns],
      spec.schema as z.ZodType<unknown>,
    );
    for (const x of r.problems) problems.push(x); // no spread: unbounded
    tables[key] = r.rows.map((row) => ({ ...(row.value as object), at: `${path}:${row.line}` }));
  }
  const net: Network = {
    dir,
    nodes: tables.nodes as At<NodeRow>[],
    links: tables.links as At<LinkRow>[],
    routes: tables.routes as At<RouteRow>[],
    figures: tables.figures as At<RouteFigureRow>[],
    risks: tables.risks as At<RiskRow>[],
    demand: tables.demand as At<DemandRow>[],
    gasFlows: tables.gasFlows as At<GasFlowRow>[],
    params: {},
  };
  for (const p of tables.params as At<ParameterRow>[]) net.params[p.name] = p;
  for (const x of checkNetwork(net)) problems.push(x);
  return problems.length === 0 ? { network: net, problems } : { problems };
}

function where(at: string): { file: string; line: number } {
  const k = at.lastIndexOf(":");
  return { file: at.slice(0, k), line: Number(at.slice(k + 1)) };
}

/** Cross-file checks: references resolve, routes are chained paths, periods do not overlap. */
export function checkNetwork(net: Network): Problem[] {
  const problems: Problem[] = [];
  const bad = (at: string, field: string, message: string) =>
    problems.push({ ...where(at), field, message });
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  const seenNodes = new Set<string>();
  for (const n of net.nodes) {
    if (seenNodes.has(n.id)) bad(n.at, "id", `node "${n.id}" is defined twice`);
    seenNodes.add(n.id);
  }
  const linksById = new Map<string, At<LinkRow>[]>();
  for (const l of net.links) {
    if (!nodes.has(l.from)) bad(l.at, "from", `no node "${l.from}" in nodes.csv`);
    if (!nodes.has(l.to)) bad(l.at, "to", `no node "${l.to}" in nodes.csv`);
    const rows = linksById.get(l.id) ?? [];
    for (const other of rows) {
      if (overlaps(l, other))
        bad(
          l.at,
          "year_from",
          `link "${l.id}" has another row for overlapping years (${other.at})`,
        );
      if (other.from !== l.from || other.to !== l.to || other.network !== l.network)
        bad(l.at, "from", `link "${l.id}" rows disagree on from/to/network (${other.at})`);
    }
    rows.push(l);
    linksById.set(l.id, rows);
  }
  const risky = new Set(net.risks.map((r) => r.code));
  for (const l of net.links) {
    if (l.network !== "transport") continue;
    for (const c of [...l.countries, ...l.passages])
      if (!risky.has(c))
        bad(l.at, "countries", `"${c}" has no row in country-risk.csv: add its risk parameter`);
  }
  const routeIds = new Set<string>();
  for (const r of net.routes) {
    if (routeIds.has(r.id)) bad(r.at, "id", `route "${r.id}" is defined twice`);
    routeIds.add(r.id);
    let prevTo: string | undefined;
    for (const id of r.links) {
      const rows = linksById.get(id);
      if (!rows) {
        bad(r.at, "links", `no link "${id}" in links.csv`);
        prevTo = undefined;
        continue;
      }
      if (rows[0].network !== r.network)
        bad(
          r.at,
          "links",
          `link "${id}" belongs to the ${rows[0].network} network, not ${r.network}`,
        );
      if (prevTo !== undefined && rows[0].from !== prevTo)
        bad(
          r.at,
          "links",
          `link "${id}" starts at ${rows[0].from}, not where the previous link ends (${prevTo})`,
        );
      prevTo = rows[0].to;
    }
  }
  for (const f of net.figures)
    if (!routeIds.has(f.route)) bad(f.at, "route", `no route "${f.route}" in routes.csv`);
  for (let a = 0; a < net.figures.length; a++)
    for (let b = 0; b < a; b++) {
      const x = net.figures[a];
      const y = net.figures[b];
      // A row without years is the fallback; year-specific rows may override it.
      const xAll = x.yearFrom === undefined && x.yearTo === undefined;
      const yAll = y.yearFrom === undefined && y.yearTo === undefined;
      if (x.route === y.route && x.metric === y.metric && xAll === yAll && overlaps(x, y))
        bad(
          x.at,
          "year_from",
          `another ${x.metric} row for route ${x.route} covers the same years (${y.at})`,
        );
    }
  for (let a = 0; a < net.risks.length; a++)
    for (let b = 0; b < a; b++) {
      const x = net.risks[a];
      const y = net.risks[b];
      if (x.code === y.code && overlaps(x, y))
        bad(x.at, "year_from", `another risk row for ${x.code} covers the same years (${y.at})`);
    }
  const seenFlows = new Set<string>();
  for (const g of net.gasFlows) {
    const k = `${g.year}|${g.origin}|${g.destination}`;
    if (seenFlows.has(k)) bad(g.at, "destination", `a second flow for ${k.replaceAll("|", " ")}`);
    seenFlows.add(k);
  }
  for (const p of [
    "cargo_value_usd_per_feu",
    "time_cost_share_per_day",
    "unserved_penalty_usd_per_feu",
    "unserved_penalty_per_bcm",
  ])
    if (!net.params[p])
      problems.push({
        file: join(net.dir, "parameters.csv"),
        line: 0,
        field: "name",
        message: `parameter "${p}" is missing`,
      });
  return problems;
}

const cache = new Map<string, Network>();

/** Load a network folder (default: the shipped Eurasian network), or throw every problem. */
export function loadNetwork(dir: string = EURASIA_DIR): Network {
  const hit = cache.get(dir);
  if (hit) return hit;
  const r = readNetwork(dir);
  if (!r.network) throw new ValidationError(r.problems);
  cache.set(dir, r.network);
  return r.network;
}
