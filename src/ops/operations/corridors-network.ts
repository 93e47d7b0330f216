import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";
import { p } from "../params.ts";
import { CORRIDOR_YEAR, dirParam, loadCorridorNetwork } from "./corridors-common.ts";

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

export const corridorsNetwork = defineOperation({
  name: "corridors network",
  summary:
    "nodes, links and routes of the Eurasian corridor network in a year, with lon/lat (map data)",
  params: {
    year: p.year("year").default(CORRIDOR_YEAR),
    dir: dirParam,
  },
  http: { method: "get", path: "/api/corridors/network", tag: "corridors", memo: true },
  async run(ctx, q) {
    const { routesInYear } = await import("../../corridor/year-view.ts");
    const net = await loadCorridorNetwork(ctx, q.dir, q.year);
    const y = q.year;
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
    const { networkSpan, networkYears } = await import("../../corridor/leverage.ts");
    return {
      year: y,
      /** First and last year the network's demand and flow figures cover (what `year` may be). */
      span: networkSpan(net),
      /** Years with a demand (transport) or flow (gas) figure: flows and leverage exist only there. */
      years: { transport: networkYears(net, "transport"), gas: networkYears(net, "gas") },
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
    };
  },
  print(v) {
    process.stdout.write(`${v.year}: ${v.nodes.length} nodes, ${v.links.length} links\n`);
    printTable(
      v.routes.map((r) => ({
        route: r.name,
        network: r.network,
        countries: r.countries.join("-"),
        active: r.active,
        inactiveReason: r.inactiveReason,
      })),
    );
  },
});
