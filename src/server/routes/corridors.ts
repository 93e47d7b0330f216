import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { z } from "zod";
import { compareRoutes } from "../../corridor/compare.ts";
import { closableCodes } from "../../corridor/disrupt.ts";
import { networkSpan } from "../../corridor/leverage.ts";
import { loadNetwork } from "../../corridor/load-network.ts";
import { runInWorker } from "../../corridor/run-in-worker.ts";
import { routesInYear } from "../../corridor/year-view.ts";
import { HttpError, type ServerContext } from "../context.ts";
import { describe } from "../openapi.ts";
import { parseQuery, q } from "../query.ts";

const weight = z.coerce.number().min(0).max(1000).optional();
const weights = {
  wTime: weight,
  wCost: weight,
  wRisk: weight,
  weights: z
    .string()
    .max(60)
    .regex(/^((time|cost|risk)=\d+(\.\d+)?,?){1,3}$/, "time=..,cost=..,risk=..")
    .optional(),
};
const year = z.coerce.number().int().min(1990).max(2100);

/** The shipped network, after checking that the requested years are ones it covers. */
function network(...years: (number | undefined)[]) {
  const net = loadNetwork();
  const [lo, hi] = networkSpan(net);
  for (const y of years)
    if (y !== undefined && (y < lo || y > hi))
      throw new HttpError(400, `year: ${y} is outside the years the network covers (${lo}–${hi})`);
  return net;
}

function toWeights(p: { wTime?: number; wCost?: number; wRisk?: number; weights?: string }) {
  const w = { cost: 1, time: 1, risk: 1 };
  for (const part of (p.weights ?? "").split(",").filter(Boolean)) {
    const [k, v] = part.split("=");
    w[k as "cost"] = Number(v);
  }
  if (p.wTime !== undefined) w.time = p.wTime;
  if (p.wCost !== undefined) w.cost = p.wCost;
  if (p.wRisk !== undefined) w.risk = p.wRisk;
  return w;
}

/** Sea-lane paths over MARNET (scripts/corridor-sea-geometry.ts), keyed by link id. */
function seaGeometry(dir: string): Map<string, { coordinates: number[][]; lengthKm: number }> {
  const path = join(dir, "sea-geometry.geojson");
  const out = new Map<string, { coordinates: number[][]; lengthKm: number }>();
  if (!existsSync(path)) return out;
  const fc = JSON.parse(readFileSync(path, "utf8")) as {
    features: {
      properties: { link: string; length_km: number };
      geometry: { coordinates: number[][] };
    }[];
  };
  for (const f of fc.features)
    out.set(f.properties.link, {
      coordinates: f.geometry.coordinates,
      lengthKm: f.properties.length_km,
    });
  return out;
}

export function register(app: Hono, _ctx: ServerContext): void {
  const networkQuery = z.object({ year: year.optional() });
  describe(app, {
    method: "get",
    path: "/api/corridors/network",
    tag: "corridors",
    summary: "Nodes, links and routes of the Eurasian corridor network with lon/lat (map data)",
    description:
      "Links carry mode, status, opening date, capacity, countries and a drawable geometry (sea lanes follow the MARNET sea network). Year default 2025.",
    query: networkQuery,
  });
  app.get("/api/corridors/network", (c) => {
    const p = parseQuery(c, networkQuery);
    const net = network(p.year);
    const y = p.year ?? 2025;
    const views = routesInYear(net, y, { includePlanned: false });
    const nodes = new Map(net.nodes.map((n) => [n.id, n]));
    const sea = seaGeometry(net.dir);
    const seen = new Set<string>();
    const links = net.links
      .filter((l) => {
        const inYear = (l.yearFrom ?? -Infinity) <= y && y <= (l.yearTo ?? Infinity);
        const undated = !net.links.some(
          (o) => o.id === l.id && (o.yearFrom ?? -Infinity) <= y && y <= (o.yearTo ?? Infinity),
        );
        // One row per link: the row in force in the year, or the first row if none is.
        if (seen.has(l.id) || !(inYear || undated)) return false;
        seen.add(l.id);
        return true;
      })
      .map((l) => ({
        id: l.id,
        name: l.name,
        mode: l.mode,
        network: l.network,
        status: l.status,
        opened: l.opened ?? null,
        countries: l.countries,
        passages: l.passages,
        capacity: l.capacity ?? null,
        capacityUnit: l.capacityUnit,
        timeDays: l.timeMinDays !== undefined ? [l.timeMinDays, l.timeMaxDays] : null,
        from: { id: l.from, lon: nodes.get(l.from)!.lon, lat: nodes.get(l.from)!.lat },
        to: { id: l.to, lon: nodes.get(l.to)!.lon, lat: nodes.get(l.to)!.lat },
        // Path for drawing: the MARNET sea path where there is one, else the straight segment.
        geometry: sea.get(l.id)?.coordinates ?? [
          [nodes.get(l.from)!.lon, nodes.get(l.from)!.lat],
          [nodes.get(l.to)!.lon, nodes.get(l.to)!.lat],
        ],
        lengthKm: sea.get(l.id)?.lengthKm ?? null,
        source: l.source ?? null,
        assumption: l.assumption,
      }));
    return c.json({
      year: y,
      nodes: net.nodes.map(({ at: _at, ...n }) => n),
      links,
      routes: views.map((r) => ({
        id: r.id,
        name: r.name,
        corridor: r.corridor,
        network: r.network,
        links: r.links,
        countries: r.countries,
        transit: r.transit,
        active: r.active,
        inactiveReason: r.inactiveReason ?? null,
      })),
    });
  });

  const compareQuery = z.object({
    from: q.code,
    to: q.code,
    year: year.optional(),
    planned: z.enum(["true", "false"]).optional(),
    ...weights,
  });
  describe(app, {
    method: "get",
    path: "/api/corridors/compare",
    tag: "corridors",
    summary: "Routes between two countries in a year, lowest generalised cost first",
    description:
      "Same JSON as `ana corridors compare --json`. Weights as weights=time=1,cost=1,risk=2 or wTime/wCost/wRisk.",
    query: compareQuery,
  });
  app.get("/api/corridors/compare", (c) => {
    const p = parseQuery(c, compareQuery);
    const net = network(p.year);
    const y = p.year ?? 2025;
    const routes = compareRoutes(net, {
      from: p.from,
      to: p.to,
      year: y,
      weights: toWeights(p),
      includePlanned: p.planned === "true",
    });
    return c.json({ from: p.from, to: p.to, year: y, routes });
  });

  const disruptQuery = z.object({
    close: q.codes,
    year: year.optional(),
    baseline: year.optional(),
    unknownCapacity: z.enum(["unconstrained", "zero"]).optional(),
    network: z.enum(["transport", "gas"]).optional(),
    ...weights,
  });
  describe(app, {
    method: "get",
    path: "/api/corridors/disrupt",
    tag: "corridors",
    summary: "Close countries, passages, links or routes and reassign flows under capacities",
    description:
      "Same JSON as `ana corridors disrupt --json`: closed, before, after, shifts, binding, costIncrease, timeIncreaseDays. Runs in a worker thread.",
    query: disruptQuery,
    responses: { "422": "the year has no demand data" },
  });
  app.get("/api/corridors/disrupt", async (c) => {
    const p = parseQuery(c, disruptQuery);
    const net = network(p.year, p.baseline);
    const known = closableCodes(net);
    const close = p.close.map((x) => x.toUpperCase());
    if (close.length === 0 || close.length > 20)
      throw new HttpError(400, "close: give 1 to 20 codes");
    for (const code of close)
      if (!known.has(code))
        throw new HttpError(
          400,
          `close: "${code}" is not a country, passage, node, link or route of the network`,
        );
    try {
      const d = await runInWorker({
        op: "disrupt",
        args: {
          close,
          year: p.year ?? 2025,
          baselineYear: p.baseline,
          unknownCapacity: p.unknownCapacity,
          network: p.network,
          weights: toWeights(p),
        },
      });
      return c.json(d as object);
    } catch (e) {
      throw new HttpError(422, (e as Error).message);
    }
  });

  const leverageQuery = z.object({
    country: q.code.optional(),
    iso3: q.code.optional(),
    year: year.optional(),
    network: z.enum(["transport", "gas"]).optional(),
    ...weights,
  });
  describe(app, {
    method: "get",
    path: "/api/corridors/leverage",
    tag: "corridors",
    summary: "A country's corridor leverage by year: route betweenness, bypass cost, Shapley value",
    description:
      "Same JSON as `ana corridors leverage <ISO3> --json` (rows per year and network, coverage with missing years). Runs in a worker thread.",
    query: leverageQuery,
  });
  app.get("/api/corridors/leverage", async (c) => {
    const p = parseQuery(c, leverageQuery);
    network(p.year);
    const iso3 = p.country ?? p.iso3;
    if (!iso3) throw new HttpError(400, "country: give the country as ?country=AZE (or ?iso3=AZE)");
    const r = await runInWorker({
      op: "leverage",
      args: {
        iso3,
        year: p.year,
        weights: toWeights(p),
        networks: p.network ? [p.network] : undefined,
      },
    });
    return c.json(r as object);
  });
}
